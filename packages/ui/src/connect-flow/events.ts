import type { ConnectionFlowStepKind } from '@connector-kit/react';

/** Where in the flow something happened: the picker, a connector's stage on either path, or a connection step. */
export type ConnectFlowPlace = 'picker' | 'handoff' | ConnectionFlowStepKind;

/**
 * What `ConnectFlow` reports through `onEvent`, for analytics and logs. An event never carries a field value, a
 * token or a code: only what the person chose and where they are.
 */
export type ConnectFlowEvent =
  /** The flow is on screen. */
  | { type: 'open' }
  /** A search settled (after a pause in the typing): what was typed, in which country, how many banks matched. */
  | { type: 'search'; query: string; countryCode: string | null; resultCount: number }
  /** The person chose a country (`null`: every country). */
  | { type: 'country'; countryCode: string | null }
  /** The person picked a bank. */
  | { type: 'connector'; connectorUuid: string; connectorName: string }
  /** The credentials form was sent (its values are not part of the event). */
  | { type: 'credentials-submitted'; connectorUuid: string; authMechanism: string }
  /** A step of the connection came on screen. */
  | { type: 'step'; step: ConnectionFlowStepKind; connectorUuid: string | null }
  /** The person is sent to Powens: the Webview, or the bank's own page through `/webauth`. */
  | { type: 'handoff'; target: 'webview' | 'webauth'; connectorUuid: string }
  /** Something failed: the Powens code, or the kind of failure (`network`, `timeout`...), when known. */
  | { type: 'error'; code: string | null; place: ConnectFlowPlace }
  /** The person left a stage for the picker, or cancelled a call. */
  | { type: 'exit'; place: ConnectFlowPlace }
  /** The connection is synced. */
  | { type: 'connected'; connectionId: number; connectorUuid: string | null };

export type ConnectFlowEventType = ConnectFlowEvent['type'];
