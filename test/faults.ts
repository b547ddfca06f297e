import type { Fault } from '@connector-kit/mock-api';

/**
 * The fault matrix: every fault the emulator can inject into an answer, each with the state a unit must end in.
 * The hooks (react), the picker and ConnectFlow (ui) and the demo's admin page each meet all of them.
 */

/** The kinds of error a fault ends in; each package shows them its own way (ui: a localized sentence). */
export type ErrorTextKey = 'timeout' | 'server' | 'rateLimited' | 'unauthorized' | 'notFound' | 'response' | 'network';

/** The waits the retry policy asks for between attempts: exponential, 1 s, 2 s, 4 s. */
export const BACKOFF_MS = [1000, 2000, 4000] as const;

/** What a fault must lead to. */
export type FaultOutcome =
  /** A loading state, then the data: nothing else. */
  | { kind: 'slow' }
  /** The component goes away before the answer arrives: nothing follows (no error, no state update). */
  | { kind: 'unmount' }
  /**
   * A localized error. `retried`: reads are retried automatically (three times, with `backoff`, `BACKOFF_MS` by
   * default); `reference`: the Powens request id is shown.
   */
  | { kind: 'error'; text: ErrorTextKey; retried: boolean; backoff?: readonly number[]; reference?: boolean };

export interface FaultCase {
  name: string;
  /** The client's timeout for this case; a generous one by default, so that a busy machine does not time out. */
  timeoutMs?: number;
  /** The fault, for the route of the request under test. */
  fault: Omit<Fault, 'route' | 'method' | 'times'>;
  outcome: FaultOutcome;
}

/** How long the slow answers take. */
export const LATENCY_MS = 120;

/** Every fault of the matrix, each with the state it must end in. */
export const FAULT_CASES: readonly FaultCase[] = [
  { name: 'latency', fault: { kind: 'latency', ms: LATENCY_MS }, outcome: { kind: 'slow' } },
  {
    name: 'timeout',
    timeoutMs: 200,
    fault: { kind: 'timeout' },
    outcome: { kind: 'error', text: 'timeout', retried: true },
  },
  {
    name: '500 with Powens error JSON',
    fault: { kind: 'status', status: 500 },
    outcome: { kind: 'error', text: 'server', retried: true, reference: true },
  },
  {
    name: '502 with an HTML body',
    fault: { kind: 'html', status: 502 },
    outcome: { kind: 'error', text: 'server', retried: true },
  },
  {
    name: '429 with Retry-After: 3',
    fault: { kind: 'status', status: 429, retryAfter: 3 },
    // Never sooner than the server asked: 3 s, 3 s, then the backoff's own 4 s.
    outcome: { kind: 'error', text: 'rateLimited', retried: true, backoff: [3000, 3000, 4000], reference: true },
  },
  {
    name: '401 with Powens error JSON',
    fault: { kind: 'status', status: 401 },
    outcome: { kind: 'error', text: 'unauthorized', retried: false, reference: true },
  },
  {
    name: '404 with Powens error JSON',
    fault: { kind: 'status', status: 404 },
    outcome: { kind: 'error', text: 'notFound', retried: false, reference: true },
  },
  {
    name: 'truncated JSON',
    fault: { kind: 'truncated-json' },
    outcome: { kind: 'error', text: 'response', retried: false },
  },
  {
    name: 'body of the wrong shape',
    fault: { kind: 'wrong-shape' },
    outcome: { kind: 'error', text: 'response', retried: false },
  },
  { name: 'offline', fault: { kind: 'network' }, outcome: { kind: 'error', text: 'network', retried: true } },
  {
    name: 'answer after unmount',
    fault: { kind: 'latency', ms: LATENCY_MS },
    outcome: { kind: 'unmount' },
  },
];
