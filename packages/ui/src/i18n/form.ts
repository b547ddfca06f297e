/** Strings of the connection form and the connect flow. */
export interface FormMessages {
  title: (connectorName: string) => string;
  /** Title of the form that validates a payment (`kind: 'payment'`). */
  paymentTitle: (connectorName: string) => string;
  stepIndicator: (current: number, total: number) => string;
  next: string;
  back: string;
  submit: string;
  backToList: string;
  requiredMark: string;
  optional: string;
  /** The password toggle's name. It stays the same when the password shows: `aria-pressed` tells the state. */
  showPassword: string;
  capsLock: string;
  selectPlaceholder: string;
  authMechanismLabel: string;
  authMechanisms: { credentials: string; webauth: string };
  continueToBank: string;
  webauthHint: (connectorName: string) => string;
  /** Heading of the list of problems shown after a failed submit. */
  errorSummary: (count: number) => string;
  /** Field errors, by the keys `buildFieldsSchema` reports. */
  fieldErrors: { required: string; pattern: string; date: string; list: string };
  noFields: string;
}
