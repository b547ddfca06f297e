import { ConnectorsApiError } from '@connector-kit/core';
import { act, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConnectorsQueryClient } from './query-client.ts';
import { ALPHA } from './test/fixtures.ts';
import { renderHookWithClient } from './test/render.tsx';
import { requestCount, setFaults, setupEmulatorServer } from './test/server.ts';
import { useConnector } from './use-connector.ts';
import { useConnectors } from './use-connectors.ts';

setupEmulatorServer();

/** The library's default query client, with retries 1 ms apart so the tests run fast. */
const quickRetries = () =>
  createConnectorsQueryClient({ defaultOptions: { queries: { retryDelay: 1, notifyOnChangeProps: 'all' } } });

describe('retry policy of the default query client', () => {
  it('retries a 5xx answer and succeeds when the server recovers', async () => {
    setFaults({ kind: 'status', status: 503, route: 'list', times: 2 });
    const { result } = renderHookWithClient(() => useConnectors(), { queryClient: quickRetries() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(result.current.data?.connectors).toHaveLength(4);
    expect(requestCount('GET', '/connectors')).toBe(3);
  });

  it('retries three times at most, then reports the error', async () => {
    setFaults({ kind: 'status', status: 500, route: 'list' });
    const { result } = renderHookWithClient(() => useConnectors(), { queryClient: quickRetries() });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.failureCount).toBe(4);
    expect(result.current.error).toMatchObject({ name: 'ConnectorsApiError', status: 500 });
    expect(requestCount()).toBe(4);
  });

  it('retries network failures and gateway pages', async () => {
    setFaults({ kind: 'network', route: 'list', times: 1 }, { kind: 'html', route: 'list', times: 1 });
    const { result } = renderHookWithClient(() => useConnectors(), { queryClient: quickRetries() });
    await waitFor(() => expect(result.current.status).toBe('success'));
    expect(requestCount()).toBe(3);
  });

  it('does not retry a 404', async () => {
    const { result } = renderHookWithClient(() => useConnector('00000000-0000-4000-8000-000000000000'), {
      queryClient: quickRetries(),
    });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBeInstanceOf(ConnectorsApiError);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(1);
  });

  it('does not retry a 400 or a 401', async () => {
    setFaults(
      { kind: 'status', status: 400, route: 'connector', times: 1 },
      { kind: 'status', status: 401, route: 'list', times: 1 },
    );
    const { result } = renderHookWithClient(() => ({ one: useConnector(ALPHA.uuid), all: useConnectors() }), {
      queryClient: quickRetries(),
    });
    await waitFor(() => expect(result.current.one.status).toBe('error'));
    await waitFor(() => expect(result.current.all.status).toBe('error'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requestCount()).toBe(2);
  });

  describe('backoff', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Lets pending promises, I/O, timers due now and React work run, without moving the fake clock. */
    async function settle() {
      for (let i = 0; i < 20; i += 1) {
        await act(async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          await vi.advanceTimersByTimeAsync(0);
        });
      }
    }

    it('waits about 1 s, 2 s, then 4 s between attempts, then gives up', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      setFaults({ kind: 'status', status: 502, route: 'list' });
      const { result } = renderHookWithClient(() => useConnectors(), {
        queryClient: createConnectorsQueryClient({ defaultOptions: { queries: { notifyOnChangeProps: 'all' } } }),
      });
      await settle();
      expect(requestCount()).toBe(1);

      // Attempts are due 1 s, 3 s and 7 s after the first. Each answer takes a few fake milliseconds to go through
      // the mocked network: allow 10 ms either way.
      let elapsed = 0;
      const advanceTo = async (time: number) => {
        await act(() => vi.advanceTimersByTimeAsync(time - elapsed));
        elapsed = time;
        await settle();
      };
      for (const [due, attempts] of [
        [1000, 2],
        [3000, 3],
        [7000, 4],
      ] as const) {
        await advanceTo(due - 10);
        expect(requestCount()).toBe(attempts - 1);
        await advanceTo(due + 10);
        expect(requestCount()).toBe(attempts);
      }

      await act(() => vi.advanceTimersByTimeAsync(10));
      await settle();
      expect(result.current.status).toBe('error');
      expect(result.current.error).toMatchObject({ status: 502 });
      await act(() => vi.advanceTimersByTimeAsync(60_000));
      await settle();
      expect(requestCount()).toBe(4);
    });
  });
});
