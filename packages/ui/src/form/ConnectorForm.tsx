import type { Connector, ConnectorField, FormStep } from '@connector-kit/core';
import {
  type ConnectorFormValues,
  connectorFieldKey,
  type UseConnectorFormOptions,
  type UseConnectorFormResult,
  useConnectorForm,
} from '@connector-kit/react';
import { type FormEvent, type MouseEvent, useEffect, useId, useRef, useState } from 'react';
import { type FieldErrors, useFormState } from 'react-hook-form';
import { ConnectorAvatar } from '../avatar/ConnectorAvatar.tsx';
import { cx } from '../class-names.ts';
import { ErrorState } from '../error-state/ErrorState.tsx';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import type { FormMessages } from '../i18n/form.ts';
import { formatNumber } from '../i18n/locale.ts';
import { ExternalIcon } from '../icons.tsx';
import type { ConnectorFormClassNames } from './class-names.ts';
import { errorText, FieldControl, fieldLabel } from './FieldControl.tsx';

/**
 * The form's props: the options of `useConnectorForm` (mechanism, prefilled `fieldValues`, kind, `onSubmit`,
 * `onWebauth`...), plus what it shows. While a promise returned by `onSubmit` (or `onWebauth`) is pending the submit
 * button waits; a rejection is said in the form (a localized error with "Try again", which sends again), the values
 * kept.
 */
export interface ConnectorFormProps extends LocaleOptions, UseConnectorFormOptions {
  /** The connector, with the `fields` and `sources` expands (`payment_fields` for a payment). */
  connector: Connector;
  /** Shows "Choose another bank" on the first step, and calls this when it is pressed. */
  onBack?: (() => void) | undefined;
  /** Disables the submit button while your app works on the values. */
  pending?: boolean | undefined;
  /** Level of the title (default 2). */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 | undefined;
  /** The title instead of "Connect <bank>" (a bank's questions: "<bank> needs more information"). */
  title?: string | undefined;
  /** The last step's button instead of "Connect". */
  submitLabel?: string | undefined;
  /** The bank's own text (its question, or why it refused the credentials), shown above the fields as it came. */
  bankMessage?: string | null | undefined;
  /** Base of the ids of the parts; generated when absent. */
  id?: string | undefined;
  className?: string | undefined;
  classNames?: ConnectorFormClassNames | undefined;
}

const NO_CLASS_NAMES: ConnectorFormClassNames = {};

function StepIndicator({
  id,
  steps,
  current,
  messages,
  locale,
  className,
}: {
  id: string;
  locale: string;
  steps: readonly FormStep[];
  current: number;
  messages: FormMessages;
  className: string | undefined;
}) {
  const total = steps.length;
  return (
    <div className={cx('ck-form__progress', className)}>
      <p id={id} className="ck-form__step-label" aria-live="polite">
        {messages.stepIndicator(current + 1, total)}
      </p>
      <ol className="ck-form__steps" aria-labelledby={id}>
        {steps.map((step, index) => (
          <li
            // A plan never has the same source twice, and has one step only when it has no source.
            key={step.source ?? ''}
            className="ck-form__step"
            data-state={index < current ? 'complete' : index === current ? 'current' : 'upcoming'}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="ck-visually-hidden">{formatNumber(locale, index + 1)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function MechanismSwitch({
  id,
  connectorForm,
  messages,
  className,
}: {
  id: string;
  connectorForm: UseConnectorFormResult;
  messages: FormMessages;
  className: string | undefined;
}) {
  const known = messages.authMechanisms as Record<string, string>;
  return (
    <fieldset className={cx('ck-form__mechanisms', className)}>
      <legend className="ck-form__label">{messages.authMechanismLabel}</legend>
      <div className="ck-form__radios">
        {connectorForm.availableAuthMechanisms.map((mechanism) => (
          <label key={mechanism} className="ck-form__radio">
            <input
              type="radio"
              name={`${id}-mechanism`}
              value={mechanism}
              checked={mechanism === connectorForm.authMechanism}
              onChange={() => connectorForm.setAuthMechanism(mechanism)}
              className="ck-form__radio-input"
            />
            <span>{Object.hasOwn(known, mechanism) ? known[mechanism] : mechanism}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ErrorSummary({
  fields,
  errors,
  idOf,
  onPick,
  messages,
  className,
}: {
  fields: readonly ConnectorField[];
  errors: FieldErrors<ConnectorFormValues>;
  idOf: (field: ConnectorField) => string;
  onPick: (field: ConnectorField) => void;
  messages: FormMessages;
  className: string | undefined;
}) {
  const problems = fields.flatMap((field) => {
    const text = errorText(errors, connectorFieldKey(field.name), messages);
    return text ? [{ field, text }] : [];
  });
  if (!problems.length) return null;
  return (
    <div role="alert" className={cx('ck-form__summary', className)}>
      <p className="ck-form__summary-title">{messages.errorSummary(problems.length)}</p>
      <ul className="ck-form__summary-list">
        {problems.map(({ field, text }) => (
          <li key={field.name}>
            <a
              href={`#${idOf(field)}`}
              onClick={(event: MouseEvent) => {
                event.preventDefault();
                onPick(field);
              }}
            >
              {fieldLabel(field)}: {text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The element to focus in a step that just came on screen: its first field's control, else the primary button. */
function firstControl(container: HTMLElement | null): HTMLElement | null {
  const field = container?.querySelector('.ck-form__field');
  if (!field) return null;
  return (
    field.querySelector<HTMLElement>('input[type="radio"]:checked') ??
    field.querySelector<HTMLElement>('input:not([type="hidden"]), button[role="combobox"]')
  );
}

/**
 * The connection form of a connector: its fields, step by step in the order its sources are added, validated as the
 * server would, with localized errors. It fetches nothing: give it a connector with its `fields` and `sources`.
 *
 * - One input per field type: text (and any unknown type), password, date, list (radio buttons up to three choices,
 *   a select beyond). Labels come from the field; required fields carry a mark and `aria-required`.
 * - Errors show once a field is left or after a failed attempt, linked with `aria-describedby`; a failed Next or
 *   Connect moves the focus to the first invalid field and lists the problems in an alert.
 * - Several steps: a step indicator, Back and Next; the last step's button is Connect. A webauth step shows its
 *   choices and "Continue to your bank" (see `onWebauth`). Several mechanisms: a choice on the first step.
 */
export function ConnectorForm({
  connector,
  onBack,
  pending = false,
  headingLevel = 2,
  title: titleProp,
  submitLabel,
  bankMessage,
  id: idProp,
  locale: localeProp,
  dir: dirProp,
  messages: messagesProp,
  className,
  classNames = NO_CLASS_NAMES,
  ...formOptions
}: ConnectorFormProps) {
  const { locale, dir, messages } = useLocale({ locale: localeProp, dir: dirProp, messages: messagesProp });
  const formMessages = messages.form;
  const generatedId = useId();
  const id = idProp ?? generatedId;
  const connectorForm = useConnectorForm(connector, formOptions);
  const { form, steps, step, stepIndex, isFirstStep, isLastStep } = connectorForm;
  const { errors } = useFormState({ control: form.control });
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const [showSummary, setShowSummary] = useState(false);

  // A step that comes on screen gets the focus on its first field (a field found invalid takes it afterwards).
  const shownStep = useRef(stepIndex);
  useEffect(() => {
    if (shownStep.current === stepIndex) return;
    shownStep.current = stepIndex;
    (firstControl(fieldsRef.current) ?? primaryRef.current)?.focus();
  }, [stepIndex]);

  // Why the app's `onSubmit` (or `onWebauth`) failed: said in the form, with the values kept and a way to send again.
  const [sendError, setSendError] = useState<{ error: unknown } | null>(null);
  const busy = pending || connectorForm.isSubmitting;
  const send = () => {
    if (busy) return;
    setSendError(null);
    connectorForm.submit().then(
      (ok) => setShowSummary(!ok),
      (error: unknown) => {
        setShowSummary(false);
        setSendError({ error });
      },
    );
  };
  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send();
  };

  const idOf = (field: ConnectorField) => `${id}-field-${connectorFieldKey(field.name)}`;
  const hintId = `${id}-webauth-hint`;
  const titleId = `${id}-title`;
  const Heading = `h${headingLevel}` as const;
  const title =
    titleProp ??
    (formOptions.kind === 'payment' ? formMessages.paymentTitle(connector.name) : formMessages.title(connector.name));
  const primaryLabel = step.webauth
    ? formMessages.continueToBank
    : isLastStep
      ? (submitLabel ?? formMessages.submit)
      : formMessages.next;

  return (
    <div ref={setRoot} className={cx('ck', 'ck-form', className, classNames.root)} dir={dir} lang={locale}>
      {/* `post`: a submission the script does not catch (server-rendered markup, before hydration) never puts the
          values, secrets included, in the URL. */}
      <form
        method="post"
        noValidate
        onSubmit={onFormSubmit}
        aria-labelledby={titleId}
        aria-describedby={bankMessage ? `${id}-bank-message` : undefined}
        aria-busy={busy || undefined}
        className="ck-form__form"
      >
        <div className={cx('ck-form__header', classNames.header)}>
          <ConnectorAvatar connector={connector} size={40} locale={locale} />
          <Heading id={titleId} className={cx('ck-form__title', classNames.title)}>
            {title}
          </Heading>
        </div>

        {bankMessage ? (
          <p id={`${id}-bank-message`} className="ck-form__bank-message">
            {bankMessage}
          </p>
        ) : null}

        {steps.length > 1 ? (
          <StepIndicator
            id={`${id}-progress`}
            steps={steps}
            current={stepIndex}
            messages={formMessages}
            locale={locale}
            className={classNames.progress}
          />
        ) : null}

        {isFirstStep && connectorForm.availableAuthMechanisms.length > 1 ? (
          <MechanismSwitch
            id={id}
            connectorForm={connectorForm}
            messages={formMessages}
            className={classNames.mechanisms}
          />
        ) : null}

        {showSummary ? (
          <ErrorSummary
            fields={step.fields}
            errors={errors}
            idOf={idOf}
            onPick={(field) => form.setFocus(connectorFieldKey(field.name))}
            messages={formMessages}
            className={classNames.summary}
          />
        ) : null}

        <div ref={fieldsRef} className={cx('ck-form__fields', classNames.fields)}>
          {step.fields.map((field) => (
            <FieldControl
              key={field.name}
              field={field}
              stepFields={step.fields}
              name={connectorFieldKey(field.name)}
              id={idOf(field)}
              form={form}
              readOnly={connectorForm.isReadOnly(field.name)}
              messages={formMessages}
              classNames={classNames}
              dir={dir}
              portalContainer={root}
            />
          ))}
          {!step.fields.length && !step.webauth ? <p className="ck-form__empty">{formMessages.noFields}</p> : null}
        </div>

        {step.webauth ? (
          <div className={cx('ck-form__webauth', classNames.webauth)}>
            <p id={hintId} className="ck-form__webauth-hint">
              {formMessages.webauthHint(connector.name)}
            </p>
          </div>
        ) : null}

        {sendError ? (
          <ErrorState
            error={sendError.error}
            onRetry={send}
            locale={localeProp}
            dir={dirProp}
            messages={messagesProp}
          />
        ) : null}
        <div className={cx('ck-form__actions', classNames.actions)}>
          <button
            ref={primaryRef}
            type="submit"
            className={cx('ck-button', 'ck-form__primary', classNames.primaryButton)}
            disabled={busy}
            aria-describedby={step.webauth ? hintId : undefined}
          >
            {primaryLabel}
            {step.webauth ? <ExternalIcon size={16} className="ck-form__external" /> : null}
          </button>
          {!isFirstStep ? (
            <button
              type="button"
              className={cx('ck-button', 'ck-button--secondary', 'ck-form__back', classNames.secondaryButton)}
              onClick={() => {
                setShowSummary(false);
                connectorForm.back();
              }}
            >
              {formMessages.back}
            </button>
          ) : onBack ? (
            <button
              type="button"
              className={cx('ck-button', 'ck-button--link', 'ck-form__back-to-list', classNames.secondaryButton)}
              onClick={onBack}
            >
              {formMessages.backToList}
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
