/**
 * What the picker → form page (`?page=flow`) and its runner (`flow.ts`) share: the page renders `ConnectFlow` on the
 * emulator, picks the bank to choose, and times the step from the click on its option to the form painted.
 */

/** The form's first control, once the chosen connector's form is in the flow's stage. */
export const FORM_INPUT = '.ck-flow__stage form input, .ck-flow__stage form select, .ck-flow__stage form textarea';
/** The picker's options and search box. */
export const PICKER_OPTION = '.ck-flow__stage [role="option"]';
export const PICKER_INPUT = '.ck-flow__stage input[role="combobox"]';

/** The bank the runner chooses: found in the list the picker shows, its name found by no other connector. */
export interface FlowTarget {
  uuid: string;
  name: string;
  countryCode: string;
}

/** One pick, in the page's clock (`performance.now()`, ms since navigation start). */
export interface FlowTiming {
  /** The click's `timeStamp`: when the browser received it (input delay included). */
  click: number;
  /** When the click reached the window (capture phase), before any handler of the page ran. */
  clickHandled: number;
  /** The form's first control attached to the document. */
  inputAttached: number;
  /** Two animation frames later: the frame that showed the form has been painted. */
  painted: number;
  /** What was on the stage meanwhile: `loading` when a loading state was shown before the form. */
  sawLoading: boolean;
}

export interface FlowApi {
  n: number;
  seed: number;
  /** `?cached`: the connector the form needs was put in the query cache before the flow rendered. */
  cached: boolean;
  target: FlowTarget;
  /** Whether the query the form reads (`GET /connectors/{uuid}?expand=fields,sources`) is in the cache now. */
  isCached(): boolean;
  /** Resolves once nothing under the flow has changed for `quietMs` (false when `capMs` passed first). */
  idle(quietMs: number, capMs: number): Promise<boolean>;
  /** The index (`data-index`) of the target's option among those shown, or -1. */
  targetOption(): number;
  /** Listens for the next click and the form's first control; `result` resolves with the times. */
  arm(): void;
  result(capMs: number): Promise<FlowTiming | null>;
  /** The form's heading, once shown. */
  formTitle(): string;
}

declare global {
  interface Window {
    __flow?: FlowApi;
  }
}
