/**
 * The page side of the benchmark: Event Timing entries, keydown times, long tasks, when the results stop changing, and
 * animation frames while scrolling. Installed before anything renders, so that nothing of the page escapes it.
 */
import type {
  BenchApi,
  ContenderName,
  ContenderSelectors,
  EventRecord,
  FrameLog,
  LongTask,
  MountTiming,
  ScrollTarget,
  SettleResult,
} from './protocol.ts';

const KEY_EVENTS = new Set(['keydown', 'keypress', 'keyup', 'beforeinput', 'input']);

const entries: EventRecord[] = [];
const keyTimes: number[] = [];

/** Records the keyboard part of the Event Timing API (entries of 16 ms and more: the API's lowest threshold). */
export function installEventTiming(): void {
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (!KEY_EVENTS.has(entry.name)) continue;
      entries.push({
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        processingStart: entry.processingStart,
        processingEnd: entry.processingEnd,
        interactionId: entry.interactionId ?? 0,
      });
    }
  });
  observer.observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted) keyTimes.push(event.timeStamp);
    },
    { capture: true },
  );
}

const longTasks: LongTask[] = [];

/**
 * Records the tasks of 50 ms and more (the Long Tasks API): the longest one after the first render is how long a
 * keystroke typed then could wait.
 */
export function installLongTasks(): void {
  if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: true });
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves on the first DOM change under `root` after which `selector` matches. */
export function whenPresent(root: Element, selector: string): Promise<void> {
  return new Promise((resolve) => {
    if (root.querySelector(selector)) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (root.querySelector(selector)) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** Two animation frames: by the second one, the frame that showed the latest DOM changes has been painted. */
export async function afterPaint(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

interface Watch {
  position: number;
  lastChange: number | null;
}

export function createBenchApi(
  contender: ContenderName,
  n: number,
  seed: number,
  selectors: ContenderSelectors,
  ready: Promise<void>,
): BenchApi {
  let watch: Watch | null = null;
  let observed: Element | null = null;
  const observer = new MutationObserver(() => {
    if (watch !== null) watch.lastChange = performance.now();
  });

  /** Watches the results element, again if it was replaced. */
  const observe = () => {
    const results = document.querySelector(selectors.results);
    if (results === observed) return;
    observer.disconnect();
    if (results) observer.observe(results, { childList: true, subtree: true, attributes: true, characterData: true });
    observed = results;
  };

  const frames: number[] = [];
  let recording = false;
  let scroller: Element | null = null;

  const record = (time: number) => {
    if (!recording) return;
    frames.push(time);
    window.__benchFrame?.(time);
    requestAnimationFrame(record);
  };

  const isScrollable = (element: Element) => {
    const style = getComputedStyle(element);
    return (
      element.scrollHeight > element.clientHeight + 1 &&
      (style.overflowY === 'auto' || style.overflowY === 'scroll') &&
      element.clientHeight > 0
    );
  };

  const api: BenchApi = {
    contender,
    n,
    seed,
    selectors,
    ready,
    mount: null as MountTiming | null,
    optionCount: () => document.querySelectorAll(selectors.option).length,
    inputValue: () => document.querySelector<HTMLInputElement>(selectors.input)?.value ?? '',
    async idle(quietMs, capMs) {
      observe();
      const current: Watch = { position: -1, lastChange: null };
      watch = current;
      const start = performance.now();
      for (;;) {
        await delay(10);
        const now = performance.now();
        if (now - (current.lastChange ?? start) >= quietMs) return true;
        if (now - start >= capMs) return false;
      }
    },
    armKeystroke() {
      observe();
      watch = { position: keyTimes.length, lastChange: null };
      return watch.position;
    },
    async settled(position, quietMs, capMs): Promise<SettleResult> {
      const current = watch;
      if (current === null || current.position !== position) throw new Error(`keystroke ${position} is not armed`);
      const waitStart = performance.now();
      // The keydown may still be queued behind a long task.
      while (keyTimes.length <= position) {
        if (performance.now() - waitStart > capMs) return { settledMs: capMs, capped: true, changed: false };
        await delay(5);
      }
      const keyTime = keyTimes[position] as number;
      for (;;) {
        await delay(10);
        const now = performance.now();
        const last = current.lastChange ?? keyTime;
        if (now - last >= quietMs && now - keyTime >= quietMs) {
          return { settledMs: Math.max(0, last - keyTime), capped: false, changed: current.lastChange !== null };
        }
        if (now - keyTime >= capMs) return { settledMs: capMs, capped: true, changed: true };
      }
    },
    keystrokes: () => ({ keyTimes: [...keyTimes], entries: [...entries] }),
    longTasks: () => [...longTasks],
    scrollTarget(): ScrollTarget {
      const start = document.querySelector(selectors.scroller) ?? document.querySelector(selectors.results);
      let candidate: Element | null = start;
      while (candidate !== null && !isScrollable(candidate)) candidate = candidate.parentElement;
      const page = document.scrollingElement ?? document.documentElement;
      const element = candidate ?? page;
      scroller = element;
      element.scrollTop = 0;
      const kind = element === page ? 'page' : 'list';
      let x = window.innerWidth / 2;
      let y = window.innerHeight / 2;
      if (kind === 'list') {
        const rect = element.getBoundingClientRect();
        const top = Math.max(rect.top, 0);
        const bottom = Math.min(rect.bottom, window.innerHeight);
        x = rect.left + rect.width / 2;
        y = (top + bottom) / 2;
      }
      return { x, y, distance: element.scrollHeight - element.clientHeight, kind };
    },
    startFrames() {
      frames.length = 0;
      recording = true;
      requestAnimationFrame(record);
      return performance.now();
    },
    stopFrames(): FrameLog {
      recording = false;
      const deltas: number[] = [];
      for (let i = 1; i < frames.length; i++) deltas.push((frames[i] as number) - (frames[i - 1] as number));
      const element = scroller;
      const max = element ? element.scrollHeight - element.clientHeight : 0;
      return { deltas, reached: element && max > 0 ? element.scrollTop / max : 1 };
    },
  };
  return api;
}
