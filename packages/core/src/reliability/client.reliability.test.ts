import { describe, expect, it } from 'vitest';
import { createConnectorsClient } from '../client.ts';
import { ConnectorsNetworkError } from '../errors.ts';

/*
 * The client's timeout and the caller's abort end a call whatever the `fetch` it was given does: one that ignores
 * the signal, or an answer whose body never finishes, must not leave a request (and a spinner) pending forever.
 */

const BASE = 'https://api.bank.test/2.0';

/** A fetch that never answers and never looks at the signal. */
const deafFetch = () => new Promise<Response>(() => {});

/** A fetch that answers at once with headers, then a body that never ends, and never looks at the signal. */
const endlessBodyFetch = async () =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"connectors": ['));
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );

describe.each([
  ['a fetch that ignores the signal', deafFetch],
  ['a body that never ends', endlessBodyFetch],
])('%s', (_, fetch) => {
  it('ends in a timeout error once timeoutMs has passed', async () => {
    const client = createConnectorsClient({ baseUrl: BASE, fetch, timeoutMs: 50 });
    const started = Date.now();
    const error = await client.listConnectors().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ConnectorsNetworkError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("ends with the caller's own abort", async () => {
    const client = createConnectorsClient({ baseUrl: BASE, fetch, timeoutMs: 10_000 });
    const controller = new AbortController();
    const call = client.getConnector('u-1', { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});
