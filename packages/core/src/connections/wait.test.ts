import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectorsApiError, ConnectorsError, ConnectorsNetworkError } from '../errors.ts';
import type { Connection } from './schemas.ts';
import { waitForConnection } from './wait.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** A client whose connection goes through the given answers, one per poll (the last one repeats). */
function polling(answers: (Connection | Error)[]) {
  const calls: number[] = [];
  const client = {
    getConnection: vi.fn(async (id: number) => {
      calls.push(Date.now());
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)] as Connection | Error;
      if (answer instanceof Error) throw answer;
      return { ...answer, id };
    }),
  };
  return { client, calls };
}

const state = (value: string | null) => ({ id: 0, state: value }) as Connection;

describe('waitForConnection', () => {
  it('polls with a growing interval until the state is no longer validating', async () => {
    vi.useFakeTimers({ now: 0 });
    const { client, calls } = polling([state('validating'), state('validating'), state(null)]);
    const seen: (string | null | undefined)[] = [];
    const done = waitForConnection(client, 9, { intervalMs: 1000, onPoll: (c) => seen.push(c.state) });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toMatchObject({ id: 9, state: null });
    expect(calls).toEqual([1000, 2500, 4750]);
    expect(seen).toEqual(['validating', 'validating', null]);
  });

  it('stops when `until` holds, and caps the interval', async () => {
    vi.useFakeTimers({ now: 0 });
    const { client, calls } = polling([state('decoupled'), state('decoupled'), state('decoupled'), state(null)]);
    const done = waitForConnection(client, 1, {
      intervalMs: 1000,
      maxIntervalMs: 1200,
      until: (connection) => connection.state !== 'decoupled',
    });
    await vi.runAllTimersAsync();
    await expect(done).resolves.toMatchObject({ state: null });
    expect(calls).toEqual([1000, 2200, 3400, 4600]);
  });

  it('ends with a timeout error when the state never comes', async () => {
    vi.useFakeTimers({ now: 0 });
    const { client } = polling([state('validating')]);
    const done = waitForConnection(client, 1, { intervalMs: 1000, timeoutMs: 5000 });
    const outcome = expect(done).rejects.toSatisfy(
      (error) => error instanceof ConnectorsError && error.kind === 'timeout',
    );
    await vi.runAllTimersAsync();
    await outcome;
    expect(client.getConnection.mock.calls.length).toBeLessThanOrEqual(4);
  });

  it('ends at once on abort, with the signal’s reason, without another poll', async () => {
    vi.useFakeTimers({ now: 0 });
    const { client } = polling([state('validating')]);
    const controller = new AbortController();
    const done = waitForConnection(client, 1, { intervalMs: 1000, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1500);
    const reason = new DOMException('The user cancelled', 'AbortError');
    controller.abort(reason);
    await expect(done).rejects.toBe(reason);
    const polls = client.getConnection.mock.calls.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.getConnection.mock.calls.length).toBe(polls);
  });

  it('polls again after a failure another attempt could fix, and rejects at once on any other', async () => {
    vi.useFakeTimers({ now: 0 });
    const flaky = polling([
      new ConnectorsNetworkError('network', 'GET'),
      new ConnectorsApiError(503, null, 'GET'),
      state(null),
    ]);
    const recovered = waitForConnection(flaky.client, 1, { intervalMs: 100 });
    await vi.runAllTimersAsync();
    await expect(recovered).resolves.toMatchObject({ state: null });

    const refused = new ConnectorsApiError(
      404,
      { code: 'notFound', description: null, message: null, request_id: 1 },
      'GET',
    );
    const gone = polling([refused]);
    const failed = waitForConnection(gone.client, 1, { intervalMs: 100 });
    const outcome = expect(failed).rejects.toBe(refused);
    await vi.runAllTimersAsync();
    await outcome;
    expect(gone.client.getConnection).toHaveBeenCalledTimes(1);
  });
});
