import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALPHA } from './test/fixtures.ts';
import { createTestClient, renderHookWithClient } from './test/render.tsx';
import { CONFIG_TOKEN, seenRequests, setupEmulatorServer } from './test/server.ts';
import { useBatchUpdateConnectors } from './use-batch-update-connectors.ts';
import { useConnector } from './use-connector.ts';
import { useConnectorSource } from './use-connector-source.ts';
import { useConnectorSources } from './use-connector-sources.ts';
import { useConnectors } from './use-connectors.ts';
import { useUpdateConnector } from './use-update-connector.ts';
import { useUpdateConnectorSource } from './use-update-connector-source.ts';

setupEmulatorServer();

const logged: unknown[] = [];
beforeEach(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  logged.length = 0;
});

function useEverything() {
  return {
    list: useConnectors({ countryCodes: ['FR'], expand: ['sources'] }),
    detail: useConnector(ALPHA.uuid, { expand: ['fields'] }),
    sources: useConnectorSources(ALPHA.uuid),
    source: useConnectorSource(ALPHA.uuid, 11),
    update: useUpdateConnector(),
    batch: useBatchUpdateConnectors(),
    updateSource: useUpdateConnectorSource(),
  };
}

/** Everything the query and mutation caches hold, as text. */
function cacheText(queryClient: import('@tanstack/react-query').QueryClient): string {
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((query) => ({ key: query.queryKey, state: query.state, options: query.options }));
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) => ({ key: mutation.options.mutationKey, state: mutation.state }));
  return JSON.stringify({ queries, mutations }, (_key, value) =>
    value instanceof Error ? { name: value.name, message: value.message } : value,
  );
}

describe('the config token', () => {
  for (const [label, configToken] of [
    ['a string', CONFIG_TOKEN],
    ['an async getter', async () => CONFIG_TOKEN],
  ] as const) {
    it(`(${label}) goes on writes only, and never into the cache or a log`, async () => {
      const { result, queryClient } = renderHookWithClient(useEverything, {
        client: createTestClient({ configToken }),
      });
      // The emulator answers 400 to a read that carries an Authorization header: success means none did.
      await waitFor(() => {
        for (const query of ['list', 'detail', 'sources', 'source'] as const) {
          expect(result.current[query].status).toBe('success');
        }
      });

      await act(() => result.current.update.mutateAsync({ connector: ALPHA.uuid, body: { hidden: true } }));
      await act(() => result.current.batch.mutateAsync({ [ALPHA.uuid]: { hidden: false } }));
      await act(() =>
        result.current.updateSource.mutateAsync({ connector: ALPHA.uuid, sourceId: 11, body: { disabled: null } }),
      );

      const reads = seenRequests.filter((request) => request.method === 'GET');
      const writes = seenRequests.filter((request) => request.method !== 'GET');
      expect(reads.length).toBeGreaterThan(4);
      expect(reads.every((request) => !request.headers.has('authorization'))).toBe(true);
      expect(writes).toHaveLength(3);
      expect(writes.every((request) => request.headers.get('authorization') === `Bearer ${CONFIG_TOKEN}`)).toBe(true);

      expect(cacheText(queryClient)).not.toContain(CONFIG_TOKEN);
      expect(JSON.stringify(logged)).not.toContain(CONFIG_TOKEN);
    });
  }

  it('stays out of the error a refused write reports', async () => {
    const { result, queryClient } = renderHookWithClient(() => useUpdateConnector(), {
      client: createTestClient({ configToken: 'not-the-right-token' }),
    });
    act(() => result.current.mutate({ connector: ALPHA.uuid, body: { hidden: true } }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ status: 401 });
    const error = result.current.error as Error;
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('not-the-right-token');
    expect(cacheText(queryClient)).not.toContain('not-the-right-token');
  });
});
