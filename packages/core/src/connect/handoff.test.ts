import { TEST_CONNECTOR_UUID } from '@connector-kit/mock-api';
import { describe, expect, it } from 'vitest';
import {
  createHandoffState,
  createHandoffStore,
  HANDOFF_STORAGE_KEY,
  type HandoffStorage,
  isSafeReturnPath,
  readWebviewCallback,
} from './handoff.ts';

const UUID = TEST_CONNECTOR_UUID;

/** A Web Storage stand-in that records what was written. */
function memoryStorage(initial: Record<string, string> = {}): HandoffStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, String(value));
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

function clock(start = 1_800_000_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createHandoffState', () => {
  it('gives 256 random bits as base64url, different each time', () => {
    const states = new Set(Array.from({ length: 200 }, createHandoffState));
    expect(states.size).toBe(200);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('createHandoffStore', () => {
  it('keeps a hand-off with its connector, return path and expiry, and gives it back once', () => {
    const storage = memoryStorage();
    const time = clock();
    const store = createHandoffStore({ storage, now: time.now });
    const handoff = store.begin({
      flow: 'connect',
      connectorUuid: UUID,
      connectorName: 'Connecteur de test',
      returnPath: '/connect?bank=1#top',
    });
    expect(handoff).toMatchObject({
      flow: 'connect',
      connectorUuid: UUID,
      connectorName: 'Connecteur de test',
      connectionId: null,
      returnPath: '/connect?bank=1#top',
      createdAt: time.now(),
      expiresAt: time.now() + 30 * 60 * 1000,
    });
    expect(storage.data.get(HANDOFF_STORAGE_KEY)).toContain(handoff.state);

    expect(store.claim(handoff.state)).toEqual({ status: 'valid', handoff });
    // Replayed: the same state a second time.
    expect(store.claim(handoff.state)).toEqual({ status: 'unknown' });
    expect(storage.data.has(HANDOFF_STORAGE_KEY)).toBe(false);
  });

  it('refuses a stale hand-off as expired, and still uses it up', () => {
    const time = clock();
    const store = createHandoffStore({ storage: memoryStorage(), now: time.now, ttlMs: 1000 });
    const { state } = store.begin({ flow: 'webauth', connectorUuid: UUID, returnPath: '/' });
    time.advance(1000);
    expect(store.claim(state)).toMatchObject({ status: 'expired', handoff: { state } });
    expect(store.claim(state)).toEqual({ status: 'unknown' });
  });

  it('keeps several pending hand-offs, drops expired ones on the next begin, and twenty at most', () => {
    const storage = memoryStorage();
    const time = clock();
    const store = createHandoffStore({ storage, now: time.now, ttlMs: 10_000 });
    const old = store.begin({ flow: 'connect', returnPath: '/' });
    time.advance(10_000);
    const states = Array.from({ length: 25 }, () => store.begin({ flow: 'connect', returnPath: '/' }).state);
    const stored = JSON.parse(storage.data.get(HANDOFF_STORAGE_KEY) ?? '[]') as { state: string }[];
    expect(stored.map((entry) => entry.state)).toEqual(states.slice(-20));
    expect(store.claim(old.state)).toEqual({ status: 'unknown' });
    expect(store.claim(states[0])).toEqual({ status: 'unknown' });
    expect(store.claim(states[24])).toMatchObject({ status: 'valid' });
  });

  it('stores nothing secret: the state, the flow, the connector, the connection and the return path', () => {
    const storage = memoryStorage();
    const store = createHandoffStore({ storage });
    store.begin({ flow: 'reconnect', connectionId: 12, connectorUuid: UUID, returnPath: '/' });
    const [entry] = JSON.parse(storage.data.get(HANDOFF_STORAGE_KEY) ?? '[]') as Record<string, unknown>[];
    expect(Object.keys(entry ?? {}).sort()).toEqual(
      [
        'connectionId',
        'connectorColor',
        'connectorName',
        'connectorUuid',
        'createdAt',
        'expiresAt',
        'flow',
        'returnPath',
        'state',
      ].sort(),
    );
  });

  it.each(['https://evil.test/', '//evil.test/x', '/\\evil.test', 'connect', '/a\nb', '', `/${'a'.repeat(3000)}`])(
    'refuses the return path %j, which could leave this origin',
    (returnPath) => {
      const store = createHandoffStore({ storage: memoryStorage() });
      expect(() => store.begin({ flow: 'connect', returnPath })).toThrow(TypeError);
    },
  );

  it('reads garbage in storage as nothing pending, and drops entries of another shape', () => {
    for (const garbage of ['{', 'null', '"x"', '{"state":"a"}', '[1,null,{"state":"s"}]']) {
      const store = createHandoffStore({ storage: memoryStorage({ [HANDOFF_STORAGE_KEY]: garbage }) });
      expect(store.claim('s')).toEqual({ status: 'unknown' });
      expect(() => store.begin({ flow: 'connect', returnPath: '/' })).not.toThrow();
    }
    const forgedPath = JSON.stringify([
      { state: 's', flow: 'connect', returnPath: '//evil.test', createdAt: 1, expiresAt: 9e15 },
    ]);
    const store = createHandoffStore({ storage: memoryStorage({ [HANDOFF_STORAGE_KEY]: forgedPath }) });
    expect(store.claim('s')).toEqual({ status: 'unknown' });
  });

  it('throws on begin when storage cannot be written, and never on claim', () => {
    const broken: HandoffStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = createHandoffStore({ storage: broken });
    expect(() => store.begin({ flow: 'connect', returnPath: '/' })).toThrow('QuotaExceededError');
    expect(store.claim('anything')).toEqual({ status: 'unknown' });
    expect(store.claim(null)).toEqual({ status: 'unknown' });
  });
});

describe('isSafeReturnPath', () => {
  it('accepts paths on this origin only', () => {
    expect(isSafeReturnPath('/')).toBe(true);
    expect(isSafeReturnPath('/connect?x=1#a')).toBe(true);
    expect(isSafeReturnPath('//evil')).toBe(false);
    expect(isSafeReturnPath(42)).toBe(false);
  });
});

describe('readWebviewCallback', () => {
  function pending() {
    const time = clock();
    const store = createHandoffStore({ storage: memoryStorage(), now: time.now });
    const handoff = store.begin({ flow: 'connect', connectorUuid: UUID, returnPath: '/connect' });
    return { store, handoff, time };
  }

  it('claims the hand-off of the callback’s state and reads the outcome against it', () => {
    const { store, handoff } = pending();
    const url = `https://app.example/callback?connection_id=3&code=c&state=${handoff.state}`;
    expect(readWebviewCallback(url, store)).toEqual({
      result: { status: 'connected', connectionId: 3, connectionIds: [3], code: 'c', state: handoff.state },
      handoff,
    });
    // The same URL again (a reload, a replay): refused.
    expect(readWebviewCallback(url, store)).toEqual({
      result: { status: 'error', error: 'state_mismatch', description: null, state: handoff.state },
      handoff: null,
    });
  });

  it('gives the Powens error of a genuine callback with its hand-off, for "Try again" with the same bank', () => {
    const { store, handoff } = pending();
    const read = readWebviewCallback(`?error=access_denied&state=${handoff.state}`, store);
    expect(read.result).toMatchObject({ status: 'error', error: 'access_denied' });
    expect(read.handoff?.connectorUuid).toBe(UUID);
  });

  it('calls a callback that came back too late session_expired, with its hand-off', () => {
    const { store, handoff, time } = pending();
    time.advance(31 * 60 * 1000);
    const read = readWebviewCallback(`?connection_id=3&state=${handoff.state}`, store);
    expect(read.result).toMatchObject({ status: 'error', error: 'session_expired' });
    expect(read.handoff?.state).toBe(handoff.state);
  });

  it('refuses a forged state without using up the pending hand-off', () => {
    const { store, handoff } = pending();
    expect(readWebviewCallback('?connection_id=3&state=forged', store).result).toMatchObject({
      error: 'state_mismatch',
    });
    expect(readWebviewCallback(`?connection_id=3&state=${handoff.state}`, store).result.status).toBe('connected');
  });

  it('does not claim a state given twice', () => {
    const { store, handoff } = pending();
    const twice = `?connection_id=3&state=${handoff.state}&state=${handoff.state}`;
    expect(readWebviewCallback(twice, store).result).toMatchObject({ error: 'invalid_callback' });
    expect(store.claim(handoff.state).status).toBe('valid');
  });
});
