import type { Fault } from '@connector-kit/mock-api';

/** The localized sentences an error may end in, in the two languages every fault case checks. */
export const ERROR_TEXT = {
  timeout: { en: 'The server took too long to answer.', fr: 'Le serveur a mis trop de temps à répondre.' },
  server: {
    en: 'The service is having trouble right now. Please try again in a moment.',
    fr: 'Le service rencontre un problème. Veuillez réessayer dans un instant.',
  },
  rateLimited: {
    en: 'Too many requests. Please wait a moment, then try again.',
    fr: 'Trop de requêtes. Patientez un instant, puis réessayez.',
  },
  unauthorized: {
    en: 'This action is not allowed with the current credentials.',
    fr: 'Cette action n’est pas autorisée avec les identifiants actuels.',
  },
  notFound: { en: 'We could not find what you asked for.', fr: 'Nous n’avons pas trouvé ce que vous cherchez.' },
  response: { en: 'The server sent an answer we could not read.', fr: 'Le serveur a envoyé une réponse illisible.' },
  network: {
    en: 'We could not reach the server. Check your connection, then try again.',
    fr: 'Impossible de joindre le serveur. Vérifiez votre connexion, puis réessayez.',
  },
} as const;

export type ErrorTextKey = keyof typeof ERROR_TEXT;

export const RETRY_LABEL = { en: 'Try again', fr: 'Réessayer' } as const;
export const REFERENCE_TEXT = { en: /Reference: \d+/, fr: /Référence\s:\s\d+/u } as const;

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
