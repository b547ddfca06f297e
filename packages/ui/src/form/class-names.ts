/** Extra classes for each part of the form, added to the built-in `ck-form__*` ones. */
export interface ConnectorFormClassNames {
  root?: string | undefined;
  header?: string | undefined;
  title?: string | undefined;
  /** The step indicator ("Step 1 of 2" and the list of steps). */
  progress?: string | undefined;
  /** The choice of authentication mechanism. */
  mechanisms?: string | undefined;
  /** The list of problems shown after a failed attempt. */
  summary?: string | undefined;
  /** The box around the current step's fields. */
  fields?: string | undefined;
  field?: string | undefined;
  label?: string | undefined;
  input?: string | undefined;
  error?: string | undefined;
  /** The "continue to your bank" part of a webauth step. */
  webauth?: string | undefined;
  /** The row of buttons. */
  actions?: string | undefined;
  primaryButton?: string | undefined;
  secondaryButton?: string | undefined;
}
