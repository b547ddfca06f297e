/** What a bench page exposes as `window.__bench`, and what the runner reads back. Types only. */

export const CONTENDERS = ['ours', 'cmdk', 'react-select', 'downshift', 'downshift-virtual', 'bare'] as const;
export type ContenderName = (typeof CONTENDERS)[number];

/** CSS selectors of the parts of a contender's page. */
export interface ContenderSelectors {
  /** The text input the user types into. */
  input: string;
  /** One option of the list. */
  option: string;
  /** The element that holds the results (its subtree is watched to know when they stop changing). */
  results: string;
  /** The element meant to scroll the list; the runner falls back to the nearest scrolling ancestor, then the page. */
  scroller: string;
}

/** One Event Timing entry, as recorded by the page. */
export interface EventRecord {
  name: string;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
  interactionId: number;
}

export interface SettleResult {
  /** From the keystroke's keydown to the last change of the results, in ms. */
  settledMs: number;
  /** The results were still changing when the wait was capped. */
  capped: boolean;
  /** Whether the results changed at all after the keystroke. */
  changed: boolean;
}

export interface KeystrokeLog {
  /** `timeStamp` of each trusted keydown, in order. */
  keyTimes: number[];
  /** Every keyboard and input Event Timing entry seen since the page loaded. */
  entries: EventRecord[];
}

export interface ScrollTarget {
  /** Where to put the pointer: the middle of the visible part of the scrolling element, in viewport pixels. */
  x: number;
  y: number;
  /** How far it can scroll, in CSS pixels. */
  distance: number;
  /** `'list'` when the list scrolls itself, `'page'` when the document does. */
  kind: 'list' | 'page';
}

export interface FrameLog {
  /** Time between consecutive animation frames, in ms. */
  deltas: number[];
  /** How far the scrolling element got, from 0 (top) to 1 (bottom). */
  reached: number;
}

export interface MountTiming {
  /** `performance.now()` when the data was in memory and React was asked to render. */
  renderStart: number;
  /** `performance.now()` when the first options had been painted (two animation frames after they were attached). */
  listRendered: number;
  /** Option elements in the DOM at that moment. */
  optionsInDom: number;
}

/** A task of 50 ms or more, from the Long Tasks API (times from `performance.now()`'s origin). */
export interface LongTask {
  startTime: number;
  duration: number;
}

export interface BenchApi {
  contender: ContenderName;
  n: number;
  seed: number;
  selectors: ContenderSelectors;
  /** Resolves once the first list is on screen (`performance.mark('list-rendered')`). */
  ready: Promise<void>;
  mount: MountTiming | null;
  /** Option elements in the DOM now. */
  optionCount(): number;
  /** Waits until the results have not changed for `quietMs` (at most `capMs`); `false` when capped. */
  idle(quietMs: number, capMs: number): Promise<boolean>;
  /** The value of the input now. */
  inputValue(): string;
  /** Starts recording a keystroke; returns its position, to pass to `settled`. */
  armKeystroke(): number;
  /** Waits until the results have not changed for `quietMs`, or `capMs` after the keystroke. */
  settled(position: number, quietMs: number, capMs: number): Promise<SettleResult>;
  keystrokes(): KeystrokeLog;
  /** The tasks of 50 ms and more since the page started. */
  longTasks(): LongTask[];
  /** Scrolls the list back to the top and says where and how far to scroll. */
  scrollTarget(): ScrollTarget;
  /** Starts reporting animation frames to `window.__benchFrame`; returns `performance.now()`. */
  startFrames(): number;
  stopFrames(): FrameLog;
}

declare global {
  interface Window {
    __bench?: BenchApi;
    /** Set by the runner: receives the time of each animation frame while frames are recorded. */
    __benchFrame?: (time: number) => void;
    /**
     * With `?manual`, the page loads its data and renders only when this is called. Resolves once the first list is
     * painted, or with `'attached'` once its options are in the DOM (the end of the task that rendered them).
     */
    __benchMount?: (until?: 'attached' | 'painted') => Promise<void>;
  }
}
