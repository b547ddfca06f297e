/** A title and a sentence that says what happened and what to do. */
export interface OutcomeMessages {
  title: string;
  text: string;
}

/** A title that names the bank, and a sentence that says what to do. */
export interface BankOutcomeMessages {
  title: (connectorName: string) => string;
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
  /** The direct path, while the bank is called: it may take minutes. */
  connecting: (connectorName: string) => string;
  connectingHint: string;
  /** The label of the time elapsed since the call started. */
  elapsedLabel: string;
  cancel: string;
  /** The bank's questions (an OTP, a security question). */
  fieldsTitle: (connectorName: string) => string;
  fieldsSubmit: string;
  /** An approval in the bank's app. */
  decoupledTitle: (connectorName: string) => string;
  decoupledHint: string;
  decoupledWaiting: string;
  decoupledApproved: string;
  decoupledTimedOut: OutcomeMessages;
  /** Powens working on it. */
  validatingTitle: (connectorName: string) => string;
  validatingTimedOut: OutcomeMessages;
  /** A confirmation on the bank's own website (`SCARequired`, `webauthRequired`). */
  webauth: BankOutcomeMessages;
  /** When the app gave the flow no way to open the bank's website. */
  webauthUnavailable: string;
  /** Something the user must do on the bank's website. */
  bankActions: { actionNeeded: BankOutcomeMessages; passwordExpired: BankOutcomeMessages };
  openBankWebsite: (connectorName: string) => string;
  /** Nothing to do but wait. */
  retryLater: { rateLimiting: BankOutcomeMessages; websiteUnavailable: BankOutcomeMessages; bug: BankOutcomeMessages };
  connectAnother: string;
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
