/**
 * Anonymous users, their tokens and their temporary codes (Powens `/auth/*`). Every expiry reads the injected clock,
 * so a test moves time forward instead of waiting.
 */
import { randomToken } from '../http.ts';

/** How long a temporary user token and a temporary code live: 30 minutes. */
export const TEMPORARY_LIFETIME_MS = 30 * 60 * 1000;

/** `single`: a `singleAccess` code, usable once (the Webview's); `standard`: a `requestAccess` code. */
export type CodeAccess = 'single' | 'standard';

interface TokenGrant {
  userId: number;
  /** Epoch milliseconds; `null` for a permanent token. */
  expiresAt: number | null;
}

interface CodeGrant {
  userId: number;
  access: CodeAccess;
  expiresAt: number;
  used: boolean;
}

export interface NewUser {
  id: number;
  token: string;
  /** Seconds the token lives; `null` when it is permanent. */
  expiresIn: number | null;
}

export interface UserStore {
  createUser(permanent: boolean): NewUser;
  hasUser(id: number): boolean;
  /**
   * The user a bearer token stands for: a user token that has not expired, or a `requestAccess` code (Powens
   * accepts a code with standard access as a temporary token); `null` otherwise.
   */
  userOfBearer(token: string): number | null;
  issueCode(userId: number, access: CodeAccess): string;
  /** The user of a code that can still be used, without using it. */
  peekCode(code: string): number | null;
  /** Uses a code: its user, or `null` when it is unknown, expired or an already used `singleAccess` code. */
  redeemCode(code: string): number | null;
  clear(): void;
}

export function createUserStore(now: () => number): UserStore {
  let nextUserId = 1;
  const users = new Set<number>();
  const tokens = new Map<string, TokenGrant>();
  const codes = new Map<string, CodeGrant>();

  function usableCode(code: string): CodeGrant | null {
    const grant = codes.get(code);
    if (grant === undefined || grant.used || now() >= grant.expiresAt) return null;
    return grant;
  }

  return {
    createUser(permanent) {
      const id = nextUserId++;
      users.add(id);
      const token = randomToken();
      tokens.set(token, { userId: id, expiresAt: permanent ? null : now() + TEMPORARY_LIFETIME_MS });
      return { id, token, expiresIn: permanent ? null : TEMPORARY_LIFETIME_MS / 1000 };
    },
    hasUser: (id) => users.has(id),
    userOfBearer(token) {
      const grant = tokens.get(token);
      if (grant !== undefined) return grant.expiresAt === null || now() < grant.expiresAt ? grant.userId : null;
      const code = usableCode(token);
      return code?.access === 'standard' ? code.userId : null;
    },
    issueCode(userId, access) {
      const code = randomToken();
      codes.set(code, { userId, access, expiresAt: now() + TEMPORARY_LIFETIME_MS, used: false });
      return code;
    },
    peekCode: (code) => usableCode(code)?.userId ?? null,
    redeemCode(code) {
      const grant = usableCode(code);
      if (grant === null) return null;
      if (grant.access === 'single') grant.used = true;
      return grant.userId;
    },
    clear() {
      nextUserId = 1;
      users.clear();
      tokens.clear();
      codes.clear();
    },
  };
}
