import type { ConnectorsClient } from '../client.ts';
import { ConnectorsError, isRetryableError } from '../errors.ts';
import type { Connection, ConnectionExpand } from './schemas.ts';

export interface WaitForConnectionOptions {
  /** Stops waiting: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** When to stop: by default, once the state is no longer `validating`. */
  until?: ((connection: Connection) => boolean) | undefined;
  /** The first wait before a poll (default 2,000 ms); each next one is 1.5 times longer, up to `maxIntervalMs`. */
  intervalMs?: number | undefined;
  /** The longest wait between two polls (default 10,000 ms). */
  maxIntervalMs?: number | undefined;
  /** How long to wait in all (default 5 minutes): then the promise rejects with a `timeout` `ConnectorsError`. */
  timeoutMs?: number | undefined;
  expand?: readonly ConnectionExpand[] | undefined;
  /** Called with every connection a poll reads, the last one included. */
  onPoll?: ((connection: Connection) => void) | undefined;
}

const isValidating = (connection: Connection) => connection.state?.toLowerCase() === 'validating';

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Polls a connection (`GET /users/me/connections/{id}`) with a growing interval until `until` holds, and resolves
 * with that connection. Ends early on abort (the signal's reason) and on timeout (a `ConnectorsError` of kind
 * `timeout`). A failed poll that another attempt could fix (network, timeout, 5xx, 429) is retried at the next
 * interval; any other failure rejects at once.
 */
export async function waitForConnection(
  client: Pick<ConnectorsClient, 'getConnection'>,
  id: number,
  options: WaitForConnectionOptions = {},
): Promise<Connection> {
  const { signal, until = (connection) => !isValidating(connection), expand, onPoll } = options;
  const maxInterval = options.maxIntervalMs ?? 10_000;
  const timeoutMs = options.timeoutMs ?? 5 * 60_000;
  const deadline = Date.now() + timeoutMs;
  let interval = Math.min(options.intervalMs ?? 2_000, maxInterval);

  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new ConnectorsError('timeout', `connection ${id} did not reach the awaited state within ${timeoutMs} ms`);
    }
    await delay(Math.min(interval, remaining), signal);
    interval = Math.min(interval * 1.5, maxInterval);
    let connection: Connection;
    try {
      connection = await client.getConnection(id, {
        ...(signal ? { signal } : {}),
        ...(expand ? { expand } : {}),
        timeoutMs: Math.max(1, deadline - Date.now()),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (isRetryableError(error) && Date.now() < deadline) continue;
      throw error;
    }
    onPoll?.(connection);
    if (until(connection)) return connection;
  }
}
