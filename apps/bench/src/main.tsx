import type { Connector } from '@connector-kit/core';
import type { GetLogoUrl } from '@connector-kit/react';
import type { ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { afterPaint, createBenchApi, installEventTiming, installLongTasks, whenPresent } from './harness.ts';
import { CONTENDERS, type ContenderName, type ContenderSelectors } from './protocol.ts';
import './bench.css';

// Before anything renders, so that every event is seen.
installEventTiming();
installLongTasks();

interface ContenderModule {
  selectors: ContenderSelectors;
  /** `getLogoUrl` is given with `?logos`; only ours shows logos. */
  Contender: ComponentType<{ connectors: readonly Connector[]; getLogoUrl?: GetLogoUrl | undefined }>;
}

/** Each contender in its own chunk: a page loads only the picker it measures. */
const modules: Record<ContenderName, () => Promise<ContenderModule>> = {
  ours: () => import('./contenders/ours.tsx'),
  cmdk: () => import('./contenders/cmdk.tsx'),
  'react-select': () => import('./contenders/react-select.tsx'),
  downshift: () => import('./contenders/downshift.tsx'),
  'downshift-virtual': () => import('./contenders/downshift-virtual.tsx'),
  bare: () => import('./contenders/bare.tsx'),
};

function positiveInteger(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return value !== null && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : fallback;
}

async function loadConnectors(n: number, seed: number): Promise<Connector[]> {
  const response = await fetch(`${import.meta.env.BASE_URL}data/connectors-${n}-${seed}.json`);
  if (!response.ok) throw new Error(`no data for n=${n} seed=${seed}: HTTP ${response.status}`);
  return (await response.json()) as Connector[];
}

function showError(message: string): never {
  const element = document.getElementById('status');
  if (element) element.textContent = message;
  throw new Error(message);
}

async function start() {
  const params = new URLSearchParams(location.search);
  // `?page=flow`: ConnectFlow's picker → form step (flow.ts), in its own chunk.
  if (params.get('page') === 'flow') {
    const { startFlowPage } = await import('./flow/page.tsx');
    await startFlowPage(params);
    return;
  }
  const requested = params.get('contender') ?? 'ours';
  if (!(CONTENDERS as readonly string[]).includes(requested)) {
    showError(`unknown contender "${requested}": one of ${CONTENDERS.join(', ')}`);
  }
  const contender = requested as ContenderName;
  const n = positiveInteger(params.get('n'), 20_000);
  const seed = positiveInteger(params.get('seed'), 1);
  // `?logos`: each connector's logo from the emulator over the same data (see `benchEmulator` in vite.config.ts).
  const getLogoUrl: GetLogoUrl | undefined = params.has('logos')
    ? (connector) => `${import.meta.env.BASE_URL}emulator/${n}-${seed}/2.0/logos/${connector.uuid}-thumbnail.webp`
    : undefined;
  document.title = `${contender} · ${n.toLocaleString('en')} connectors${getLogoUrl ? ', logos' : ''}`;
  const heading = document.getElementById('heading');
  if (heading) heading.textContent = document.title;

  const [module, connectors] = await Promise.all([modules[contender](), loadConnectors(n, seed)]);
  const { Contender, selectors } = module;
  const container = document.getElementById('root');
  if (!container) showError('index.html has no #root element');

  let resolveReady = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const api = createBenchApi(contender, n, seed, selectors, ready);
  window.__bench = api;

  const listAttached = whenPresent(container, selectors.option);
  const mount = async () => {
    // The timed part: from here, with the data in memory, to the first painted list.
    performance.mark('render-start');
    const renderStart = performance.now();
    createRoot(container).render(<Contender connectors={connectors} getLogoUrl={getLogoUrl} />);
    await listAttached;
    await afterPaint();
    performance.mark('list-rendered');
    api.mount = { renderStart, listRendered: performance.now(), optionsInDom: api.optionCount() };
    document.getElementById('status')?.remove();
    resolveReady();
  };
  // `?manual`: the data loads, and the picker waits for `window.__benchMount()` (for profiling the mount alone).
  if (params.has('manual')) {
    window.__benchMount = (until = 'painted') => {
      const mounted = mount();
      return until === 'attached' ? listAttached : mounted;
    };
    const status = document.getElementById('status');
    if (status) status.textContent = 'Data loaded; waiting for window.__benchMount().';
  } else {
    await mount();
  }
}

start().catch((error: unknown) => {
  console.error(error);
  const element = document.getElementById('status');
  if (element) element.textContent = String(error);
});
