/** A title and a sentence that says what happened and what to do. */
export interface OutcomeMessages {
  title: string;
  text: string;
}

/** Strings of the hand-off to Powens and of the page the user comes back to (`ConnectCallback`). */
export interface ConnectMessages {
  /** The hand-off stage while the address is prepared. */
  handoffOpening: (connectorName: string) => string;
  /** The hand-off stage when it waits for the person (back from the bank with the browser's Back button). */
  handoffHint: (connectorName: string) => string;
  handoffContinue: string;
  /** While the callback is checked. */
  callbackReading: string;
  /** Connected, when the bank's name is known. */
  connectedTitle: (connectorName: string) => string;
  /** Connected, when it is not (a callback opened in another tab). */
  connectedTitleUnnamed: string;
  connectedText: (connectionCount: number) => string;
  deleted: OutcomeMessages;
  /** The button that leaves the callback page after a success. */
  done: string;
  /** The button that starts again after a link that cannot be used. */
  startAgain: string;
  /** Failures, by the callback's error code; `forged` for a forged, replayed or malformed link. */
  outcomes: {
    accessDenied: OutcomeMessages;
    tosDeclined: OutcomeMessages;
    sessionExpired: OutcomeMessages;
    serverError: OutcomeMessages;
    forged: OutcomeMessages;
    unknown: OutcomeMessages;
  };
}
