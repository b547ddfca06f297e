/**
 * `?page=flow&n=1000&seed=1[&cached]`: `ConnectorsProvider` + `ConnectFlow` (the direct path) on the emulator over
 * `generateConnectors(n, seed)`, served by the same server (`emulator/<n>-<seed>/2.0`, see vite.config.ts). The list
 * the picker reads is loaded before the flow renders; with `?cached`, so is the chosen connector with the expands its
 * form asks for, with the query options the flow uses. The runner (`flow.ts`) types the bank's name, clicks its option
 * and reads how long the form took to be painted.
 */
import { type Connector, createConnectorsClient } from '@connector-kit/core';
import {
  ConnectorsProvider,
  connectorQueryOptions,
  connectorsQueryOptions,
  createConnectorsQueryClient,
} from '@connector-kit/react';
import { ConnectFlow } from '@connector-kit/ui';
import '@connector-kit/ui/styles.css';
import { createRoot } from 'react-dom/client';
import { afterPaint, whenPresent } from '../harness.ts';
import { type FlowApi, type FlowTarget, type FlowTiming, FORM_INPUT } from './protocol.ts';

/** The expands `DirectStage` asks for (packages/ui/src/connect-flow/stages.tsx, `FORM_EXPANDS`). */
const FORM_EXPANDS = ['fields', 'sources'] as const;
/** The picker's own request (`ConnectorPicker`: `useConnectors({ expand: ['countries'] })`). */
const PICKER_EXPANDS = ['countries'] as const;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function count(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return value !== null && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The bank to choose, the same for a given list: the first one of a single country (France when there is one), shown
 * as any other (not beta, not restricted) and whose name no other connector's name contains, so that typing it
 * leaves one option with that name.
 */
function chooseTarget(connectors: readonly Connector[]): FlowTarget {
  const names = connectors.map((connector) => fold(connector.name));
  const eligible = connectors.filter((connector, index) => {
    const name = names[index] as string;
    return (
      connector.countries?.length === 1 &&
      connector.beta !== true &&
      connector.restricted !== true &&
      name.length >= 6 &&
      names.every((other, otherIndex) => otherIndex === index || !other.includes(name))
    );
  });
  const chosen = eligible.find((connector) => connector.countries?.[0]?.id === 'FR') ?? eligible[0];
  const countryCode = chosen?.countries?.[0]?.id;
  if (!chosen || !countryCode) throw new Error('no connector to choose in this list');
  return { uuid: chosen.uuid, name: chosen.name, countryCode };
}

export async function startFlowPage(params: URLSearchParams): Promise<void> {
  const n = count(params.get('n'), 1_000);
  const seed = count(params.get('seed'), 1);
  const cached = params.has('cached');
  document.title = `ConnectFlow picker → form · ${n.toLocaleString('en')} connectors${cached ? ', cached' : ''}`;
  const heading = document.getElementById('heading');
  if (heading) heading.textContent = document.title;
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');

  const client = createConnectorsClient({
    baseUrl: new URL(`${import.meta.env.BASE_URL}emulator/${n}-${seed}/2.0`, location.href).href,
  });
  const queryClient = createConnectorsQueryClient();
  // Nothing of this is timed: the picker's list, then (`?cached`) the chosen connector as its form reads it.
  const list = await queryClient.fetchQuery(connectorsQueryOptions(client, { expand: PICKER_EXPANDS }));
  const target = chooseTarget(list.connectors);
  const formQuery = connectorQueryOptions(client, target.uuid, { expand: FORM_EXPANDS });
  if (cached) await queryClient.prefetchQuery(formQuery);

  let armed: Promise<FlowTiming> | null = null;
  const api: FlowApi = {
    n,
    seed,
    cached,
    target,
    isCached: () => queryClient.getQueryState(formQuery.queryKey)?.status === 'success',
    async idle(quietMs, capMs) {
      let last = performance.now();
      const observer = new MutationObserver(() => {
        last = performance.now();
      });
      observer.observe(container, { childList: true, subtree: true, attributes: true, characterData: true });
      const start = performance.now();
      try {
        for (;;) {
          await delay(10);
          const now = performance.now();
          if (now - last >= quietMs) return true;
          if (now - start >= capMs) return false;
        }
      } finally {
        observer.disconnect();
      }
    },
    targetOption() {
      for (const option of container.querySelectorAll<HTMLElement>('[role="option"]')) {
        if (option.querySelector('.ck-list__name')?.textContent === target.name) return Number(option.dataset.index);
      }
      return -1;
    },
    arm() {
      armed = new Promise<FlowTiming>((resolve) => {
        let sawLoading = false;
        const loading = new MutationObserver(() => {
          if (container.querySelector('.ck-flow__loading')) sawLoading = true;
        });
        loading.observe(container, { childList: true, subtree: true });
        window.addEventListener(
          'click',
          (event) => {
            const clickHandled = performance.now();
            // The form replaces the picker: from here, its first control being attached is the end of the step.
            whenPresent(container, FORM_INPUT).then(async () => {
              const inputAttached = performance.now();
              loading.disconnect();
              await afterPaint();
              resolve({ click: event.timeStamp, clickHandled, inputAttached, painted: performance.now(), sawLoading });
            });
          },
          { capture: true, once: true },
        );
      });
    },
    async result(capMs) {
      if (!armed) throw new Error('not armed');
      return Promise.race([armed, delay(capMs).then(() => null)]);
    },
    formTitle: () => container.querySelector('.ck-flow__stage h2')?.textContent ?? '',
  };
  window.__flow = api;

  createRoot(container).render(
    <ConnectorsProvider client={client} queryClient={queryClient}>
      <ConnectFlow defaultCountryCode={target.countryCode} onSubmit={() => {}} />
    </ConnectorsProvider>,
  );
  await whenPresent(container, '[role="option"]');
  document.getElementById('status')?.remove();
}
