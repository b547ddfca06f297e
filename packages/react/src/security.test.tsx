import { createConnectorsClient } from '@connector-kit/core';
import type { QueryClient } from '@tanstack/react-query';
import { act, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { captureConsole } from '../../../test/secrets.ts';
import { type ConnectorsListParams, connectorKeys, connectorMutationKeys } from './keys.ts';
import { ALPHA } from './test/fixtures.ts';
import { createTestClient, renderHookWithClient } from './test/render.tsx';
import { CONFIG_TOKEN, EMULATOR_BASE_URL, emulator, seenRequests, server, setupEmulatorServer } from './test/server.ts';
import { useBatchUpdateConnectors } from './use-batch-update-connectors.ts';
import { useConnector } from './use-connector.ts';
import { useConnectorSource } from './use-connector-source.ts';
import { useConnectorSources } from './use-connector-sources.ts';
import { useConnectors } from './use-connectors.ts';
import { useUpdateConnector } from './use-update-connector.ts';
import { useUpdateConnectorSource } from './use-update-connector-source.ts';

/*
 * The config token through the hooks: on the writes only, to the configured API only, and never in a query key,
 * the query or mutation cache (errors included, even when a server echoes the token back), or the console.
 */

setupEmulatorServer();

const logged = captureConsole();

/** Every data and write hook at once, the list with `listOptions` and the connector with `detailExpand`. */
function everyHook(listOptions: ConnectorsListParams, detailExpand: ('fields' | 'urls')[]) {
  return () => ({
    list: useConnectors(listOptions),
    detail: useConnector(ALPHA.uuid, { expand: detailExpand }),
    sources: useConnectorSources(ALPHA.uuid),
    source: useConnectorSource(ALPHA.uuid, 11),
    update: useUpdateConnector(),
    batch: useBatchUpdateConnectors(),
    updateSource: useUpdateConnectorSource(),
  });
}

/** Everything the caches hold (keys, hashes, states and options), errors included with every own property. */
function cacheText(queryClient: QueryClient): string {
  const errorFields = (value: unknown) =>
    value instanceof Error
      ? { ...value, name: value.name, message: value.message, stack: value.stack, cause: String(value.cause) }
      : value;
  return JSON.stringify(
    {
      queries: queryClient
        .getQueryCache()
        .getAll()
        .map((query) => ({ key: query.queryKey, hash: query.queryHash, state: query.state, options: query.options })),
      mutations: queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => ({ key: mutation.options.mutationKey, state: mutation.state })),
    },
    (_key, value) => errorFields(value),
  );
}

/** Every write answers 401 with the token it was sent echoed back in each text field. */
function echoTokenOnWrites() {
  const echo = async ({ request }: { request: Request }) => {
    const sent = request.headers.get('authorization') ?? '';
    return HttpResponse.json(
      { code: 'unauthorized', description: `Rejected: ${sent}`, message: `Refusé : ${sent}`, request_id: sent },
      { status: 401 },
    );
  };
  server.use(http.put(`${EMULATOR_BASE_URL}/*`, echo), http.patch(`${EMULATOR_BASE_URL}/*`, echo));
}

const TOKEN_SOURCES = [
  ['a string', CONFIG_TOKEN],
  ['an async getter', async () => CONFIG_TOKEN],
] as const;

describe('the config token', () => {
  for (const [label, configToken] of TOKEN_SOURCES) {
    it(`(${label}) goes on writes only, and never into the cache or a log`, async () => {
      const { result, queryClient } = renderHookWithClient(
        everyHook({ countryCodes: ['FR'], expand: ['sources'] }, ['fields']),
        { client: createTestClient({ configToken }) },
      );
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
      expect(JSON.stringify(logged.map((args) => args.map(String)))).not.toContain(CONFIG_TOKEN);
    });

    it(`(${label}) is sent on writes only, to the API only, and stays out of keys, caches and logs`, async () => {
      const { result, queryClient, client } = renderHookWithClient(
        everyHook({ expand: ['countries', 'urls', 'sources'] }, ['fields', 'urls']),
        { client: createTestClient({ configToken }) },
      );
      await waitFor(() => {
        for (const query of ['list', 'detail', 'sources', 'source'] as const) {
          expect(result.current[query].status).toBe('success');
        }
      });
      // Writes that succeed...
      await act(() => result.current.update.mutateAsync({ connector: ALPHA.uuid, body: { hidden: false } }));
      await act(() => result.current.batch.mutateAsync({ [ALPHA.uuid]: { hidden: false } }));
      await act(() =>
        result.current.updateSource.mutateAsync({ connector: ALPHA.uuid, sourceId: 11, body: { disabled: null } }),
      );
      // ...and writes refused by a server that echoes the token back.
      echoTokenOnWrites();
      for (const write of [
        () => result.current.update.mutateAsync({ connector: ALPHA.uuid, body: { hidden: true } }),
        () => result.current.batch.mutateAsync({ [ALPHA.uuid]: { hidden: true } }),
        () =>
          result.current.updateSource.mutateAsync({ connector: ALPHA.uuid, sourceId: 11, body: { disabled: null } }),
      ]) {
        await act(async () => {
          await write().catch(() => undefined);
        });
      }
      await waitFor(() => expect(result.current.updateSource.isError).toBe(true));
      expect(result.current.update.error?.message).toContain('Rejected: Bearer [config token]');

      const withToken = seenRequests.filter((request) => request.headers.has('authorization'));
      expect(withToken).toHaveLength(6);
      for (const request of withToken) {
        expect(request.method).not.toBe('GET');
        expect(request.url.href.startsWith(`${EMULATOR_BASE_URL}/connectors`)).toBe(true);
      }
      // Only the API was ever asked for anything.
      expect(seenRequests.every((request) => request.url.origin === new URL(EMULATOR_BASE_URL).origin)).toBe(true);

      const keys = JSON.stringify([
        connectorKeys.client(client),
        connectorKeys.list(client, { expand: ['countries'] }),
        connectorKeys.detail(client, ALPHA.uuid),
        connectorMutationKeys.all(client),
      ]);
      expect(keys).not.toContain(CONFIG_TOKEN);
      expect(cacheText(queryClient)).not.toContain(CONFIG_TOKEN);
      expect(JSON.stringify(logged.map((args) => args.map(String)))).not.toContain(CONFIG_TOKEN);
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

  it('on a public GET makes the request fail at the emulator, so that a leak cannot go unnoticed', async () => {
    const leaky = createConnectorsClient({
      baseUrl: EMULATOR_BASE_URL,
      fetch: (input, init) =>
        fetch(input, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${CONFIG_TOKEN}` } }),
    });
    const { result } = renderHookWithClient(() => useConnectors(), { client: leaky });
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toMatchObject({ status: 400, code: 'invalidValue' });
    expect(emulator.connectors.length).toBeGreaterThan(0);
  });
});
