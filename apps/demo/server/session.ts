/**
 * The demo server's sessions: one anonymous Powens user per browser, whose permanent token stays here. The browser
 * holds only a random session id in an `HttpOnly` cookie; the id is worth nothing outside this server's memory.
 *
 * The store lives in memory: a restart forgets every session (the browser then starts a new one). A production app
 * would keep the user's Powens token with its own user account instead.
 */

/** The cookie that carries the session id. */
export const SESSION_COOKIE = 'ck_demo_session';

/** How long a session lives after it is created: 24 hours. */
export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

/** The most sessions kept at once; past it the oldest goes, so that nobody can grow the store without limit. */
export const MAX_SESSIONS = 10_000;

/** The Powens user behind a session. */
export interface PowensUser {
  /** The user's permanent token (`auth_token` of `POST /auth/init`): sent upstream only, never to the browser. */
  userToken: string;
  /** The user's id (`id_user`). */
  userId: number;
}

export interface DemoSession extends PowensUser {
  /** The random id the cookie carries. */
  readonly id: string;
  /** When the session stops being valid, in milliseconds since the epoch. */
  readonly expiresAt: number;
}

export interface SessionStore {
  /** The live session with that id; `undefined` for an unknown, malformed or expired one. */
  get(id: string | undefined): DemoSession | undefined;
  /** A new session for that user, under a fresh random id (never one the browser chose). */
  create(user: PowensUser): DemoSession;
  delete(id: string): void;
  readonly size: number;
}

export interface SessionStoreOptions {
  /** Lifetime of a session in milliseconds (default 24 hours). */
  ttlMs?: number;
  /** The most sessions kept (default 10,000). */
  maxSessions?: number;
  /** The clock (default `Date.now`), for tests. */
  now?: () => number;
}

/** 32 random bytes (256 bits) as base64url: 43 characters. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new session id: 256 bits from the platform's cryptographic random generator. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Buffer.from(bytes).toString('base64url');
}

/**
 * An in-memory store. A `Map` keeps insertion order, which here is creation order: the oldest session is the first
 * key, so that expired sessions are swept from the front and the oldest is evicted first.
 */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const { ttlMs = SESSION_TTL_MS, maxSessions = MAX_SESSIONS, now = Date.now } = options;
  const sessions = new Map<string, DemoSession>();

  function sweepExpired(at: number): void {
    for (const [id, session] of sessions) {
      if (session.expiresAt > at) break;
      sessions.delete(id);
    }
  }

  return {
    get(id) {
      if (id === undefined || !SESSION_ID_PATTERN.test(id)) return undefined;
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      if (session.expiresAt <= now()) {
        sessions.delete(id);
        return undefined;
      }
      return session;
    },
    create(user) {
      const at = now();
      sweepExpired(at);
      while (sessions.size >= maxSessions) {
        const oldest = sessions.keys().next();
        if (oldest.done) break;
        sessions.delete(oldest.value);
      }
      const session: DemoSession = {
        id: newSessionId(),
        userToken: user.userToken,
        userId: user.userId,
        expiresAt: at + ttlMs,
      };
      sessions.set(session.id, session);
      return session;
    },
    delete(id) {
      sessions.delete(id);
    },
    get size() {
      return sessions.size;
    },
  };
}

/** The session id in a `Cookie` header, if there is one. */
export function sessionIdFromCookies(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === SESSION_COOKIE) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** The session of a request, from its cookie. */
export function sessionOf(request: Request, sessions: SessionStore | undefined): DemoSession | undefined {
  return sessions?.get(sessionIdFromCookies(request.headers.get('cookie')));
}

/**
 * The `Set-Cookie` value for a new session: out of reach of the page's scripts (`HttpOnly`), not sent along with
 * another site's requests except top-level navigations (`SameSite=Lax`: the Webview's redirect back to the app is
 * one), and `Secure` when the app is served over https.
 */
export function sessionCookie(session: DemoSession, options: { secure: boolean; now?: number }): string {
  const maxAge = Math.max(0, Math.round((session.expiresAt - (options.now ?? Date.now())) / 1000));
  const parts = [`${SESSION_COOKIE}=${session.id}`, 'Path=/', `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
