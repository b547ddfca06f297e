/**
 * Powens `/auth/*`: anonymous users with a permanent token (the client's server, with its secret) or a temporary one
 * (30 minutes), and temporary codes for the browser.
 */
import type { EmulatorContext } from '../context.ts';
import { invalidValue, jsonAnswer, missingParameter, readFormValues, unauthorized } from '../http.ts';
import type { RouteEntry } from '../router.ts';
import { sameSecret } from '../state/clients.ts';
import { type CodeAccess, TEMPORARY_LIFETIME_MS } from '../state/users.ts';

/** `GET /auth/token/code?type=`: the code types and the access each gives. */
const CODE_TYPES: ReadonlyMap<string, CodeAccess> = new Map([
  ['singleAccess', 'single'],
  ['requestAccess', 'standard'],
]);

export function authRoutes(context: EmulatorContext): RouteEntry[] {
  /** Whether `/auth/init` authenticates a client (a permanent token) or not; 401 for a client it does not know. */
  function authenticatesClient(clientId: string | undefined, secret: string | undefined): boolean {
    if (clientId === undefined && secret === undefined) return false;
    if (clientId === undefined) throw missingParameter('client_id is required with client_secret');
    const client = context.settings.clients.find((candidate) => candidate.id === clientId);
    if (client === undefined) throw unauthorized(`Unknown client_id "${clientId}"`);
    if (secret === undefined) return false;
    if (!sameSecret(secret, client.secret)) throw unauthorized('Wrong client_secret for this client_id');
    return true;
  }

  return [
    {
      methods: ['POST'],
      scope: 'api',
      path: '/auth/init',
      fault: 'auth',
      auth: 'none',
      handle: async (call) => {
        const values = await readFormValues(call.request);
        const permanent = authenticatesClient(values.get('client_id'), values.get('client_secret'));
        const user = context.users.createUser(permanent);
        return jsonAnswer(
          200,
          permanent
            ? { auth_token: user.token, type: 'permanent', id_user: user.id }
            : { auth_token: user.token, type: 'temporary', id_user: user.id, expires_in: user.expiresIn },
        );
      },
    },
    {
      methods: ['GET'],
      scope: 'api',
      path: '/auth/token/code',
      fault: 'auth',
      auth: 'user',
      handle: (call, userId) => {
        const type = call.query.get('type') ?? 'requestAccess';
        const access = CODE_TYPES.get(type);
        if (access === undefined) {
          throw invalidValue(`type: "${type}" is not a code type (expected singleAccess or requestAccess)`);
        }
        const code = context.users.issueCode(userId, access);
        return jsonAnswer(200, { code, type: 'temporary', access, expires_in: TEMPORARY_LIFETIME_MS / 1000 });
      },
    },
  ];
}
