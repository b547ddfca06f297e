import {
  type AuthMechanism,
  buildFieldsSchema,
  type Connector,
  type ConnectorField,
  type ConnectorFormKind,
  type ConnectorFormPlan,
  type FormStep,
  planConnectorForm,
  preloadSafeRegexEngine,
} from '@connector-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { fieldsResolver } from './fields-resolver.ts';

/** The form's values, by field key (see `connectorFieldKey`): every value is a string. */
export type ConnectorFormValues = Record<string, string>;

/** What a completed form hands over: values keyed by field `name`, for the fields of the plan only. */
export interface ConnectorFormSubmission {
  connector: Connector;
  /** The mechanism the plan was made for (the one chosen in the form). */
  authMechanism: AuthMechanism;
  values: Record<string, string>;
  /**
   * Whether the last step ends at the bank's own page ("Continue to your bank"): the app sends the user there (for
   * example with `buildWebauthUrl`) instead of posting credentials.
   */
  webauth: boolean;
  /** The source the last step adds, by name (`null` when the plan is not sequenced by source). */
  source: string | null;
}

/** What a webauth step hands over when the user continues to the bank: the values of that step's fields. */
export interface ConnectorWebauthRequest {
  connector: Connector;
  /** The source this step adds (`null` when the plan is not sequenced by source, e.g. payments). */
  source: string | null;
  /** The step's own mechanism (`webauth`). */
  authMechanism: AuthMechanism;
  values: Record<string, string>;
}

export interface UseConnectorFormOptions {
  /** The mechanism to plan for. Controlled when not `undefined`. */
  authMechanism?: AuthMechanism | undefined;
  /** The first mechanism when uncontrolled; by default the connector's own (see `planConnectorForm`). */
  defaultAuthMechanism?: AuthMechanism | undefined;
  /** Called when the user picks another mechanism. */
  onAuthMechanismChange?: ((authMechanism: AuthMechanism) => void) | undefined;
  /**
   * Prefilled values by field `name`: one connector's entry of the Powens Webview's `connectorFieldValues`. Read on
   * the first render and again when the connector changes.
   */
  fieldValues?: Readonly<Record<string, string>> | undefined;
  /** Names of fields whose prefilled value cannot be edited. A field without a prefilled value stays editable. */
  readOnly?: readonly string[] | undefined;
  /** `connection` (default) asks for `fields`; `payment` for `payment_fields`. */
  kind?: ConnectorFormKind | undefined;
  /**
   * The step to open on: the first (default), or the last, for credentials asked again after the bank refused them
   * (the earlier steps keep their values).
   */
  defaultStep?: 'first' | 'last' | undefined;
  /** Called with the values once the last step is valid. */
  onSubmit: (submission: ConnectorFormSubmission) => void | Promise<void>;
  /**
   * Called when the user continues to the bank from a webauth step, with that step's values. On an earlier step the
   * form then moves on to the next one. Without it, a webauth step that ends the form submits through `onSubmit`.
   */
  onWebauth?: ((request: ConnectorWebauthRequest) => void | Promise<void>) | undefined;
}

export interface UseConnectorFormResult {
  /** The react-hook-form instance: register inputs under `fieldKey(field.name)`. */
  form: UseFormReturn<ConnectorFormValues>;
  plan: ConnectorFormPlan;
  steps: FormStep[];
  /** The current step. */
  step: FormStep;
  stepIndex: number;
  isFirstStep: boolean;
  isLastStep: boolean;
  /** Validates the current step only; moves on when it is valid. Resolves to whether it moved. */
  next: () => Promise<boolean>;
  /** Goes back one step, values kept. */
  back: () => void;
  /**
   * What Enter or the primary button does: on an earlier step, `next`; on a webauth step, `continueToBank`; on the
   * last step, validates the planned fields and calls `onSubmit`. Resolves to whether it went through.
   */
  submit: () => Promise<boolean>;
  /** The action of a webauth step: validates it, calls `onWebauth`, then moves on (or submits, see `onWebauth`). */
  continueToBank: () => Promise<boolean>;
  /** Whether `onSubmit` or `onWebauth` is running. */
  isSubmitting: boolean;
  authMechanism: AuthMechanism;
  availableAuthMechanisms: AuthMechanism[];
  /** Plans the form again for another mechanism, from its first step; values typed in fields that still apply stay. */
  setAuthMechanism: (authMechanism: AuthMechanism) => void;
  /** The react-hook-form name of a field (its `name`, escaped when it could not be used as a form path). */
  fieldKey: (name: string) => string;
  /** Whether a field shows its prefilled value without letting the user change it. */
  isReadOnly: (name: string) => boolean;
}

/**
 * The react-hook-form name of a connector field. A field `name` comes from the server and could contain dots or
 * brackets (paths for react-hook-form) or shadow an object member; such names are escaped to `$` and the hex code
 * points joined by `-`, which no plain name contains, so two fields never share a key.
 */
export function connectorFieldKey(name: string): string {
  // react-hook-form neither reads nor writes `__proto__`, `constructor` and `prototype`; the first two, like
  // `toString`, are members of every object.
  if (/^[A-Za-z_][\w-]*$/.test(name) && name !== 'prototype' && !(name in Object.prototype)) return name;
  return `$${Array.from(name, (c) => (c.codePointAt(0) as number).toString(16)).join('-')}`;
}

/** Every field of the connector for the form's kind, whatever the mechanism: their values live side by side. */
function allFields(connector: Connector, kind: ConnectorFormKind): ConnectorField[] {
  const given = kind === 'payment' ? connector.payment_fields : connector.fields;
  return (Array.isArray(given) ? given : []).filter(
    (field): field is ConnectorField => typeof field?.name === 'string',
  );
}

/** Whether a value counts as empty, as the schema reads it. */
const isEmpty = (field: ConnectorField, value: string) => (field.type === 'password' ? !value : !value.trim());

/** The form's starting values: the prefilled value of each field, or `''`. */
function initialValues(fields: ConnectorField[], defaults: Readonly<Record<string, string>> | undefined) {
  const values: ConnectorFormValues = {};
  for (const field of fields) {
    const key = connectorFieldKey(field.name);
    if (key in values) continue;
    const value = defaults && Object.hasOwn(defaults, field.name) ? defaults[field.name] : undefined;
    values[key] = typeof value === 'string' ? value : '';
  }
  return values;
}

/**
 * The connection (or payment) form of a connector, as react-hook-form state plus the planned steps.
 *
 * - One `useForm` for every field of the connector, validated by the zod schema of the planned fields
 *   (`buildFieldsSchema`); errors are the keys `required`, `pattern`, `date`, `list` for the UI to localize. Fields are
 *   validated once touched, then on every change.
 * - `next` validates the current step only; `submit` on the last step validates every planned field, and when one of an
 *   earlier step is wrong (a prefilled value, say), goes back to that step. The first invalid field gets the focus.
 * - Values are kept when moving back and forth and when switching mechanism; `onSubmit` gets the values of the
 *   planned fields only, keyed by field `name`, an optional field left empty left out.
 * - The safe regex engine starts loading as soon as a field has a pattern.
 * - Secrets stay in react-hook-form's state: nothing here stores, logs or puts a value in a URL, and every value is
 *   cleared when the component using the hook unmounts.
 */
export function useConnectorForm(connector: Connector, options: UseConnectorFormOptions): UseConnectorFormResult {
  const {
    authMechanism: controlledMechanism,
    defaultAuthMechanism,
    onAuthMechanismChange,
    fieldValues,
    readOnly,
    kind = 'connection',
    defaultStep = 'first',
    onSubmit,
    onWebauth,
  } = options;
  const connectorKey = `${kind}\u0000${connector.uuid}`;

  // The mechanism chosen in the form when uncontrolled, for the connector it was chosen for.
  const [chosenMechanism, setChosenMechanism] = useState<{ for: string; mechanism: AuthMechanism | undefined }>(() => ({
    for: connectorKey,
    mechanism: defaultAuthMechanism,
  }));
  const requestedMechanism =
    controlledMechanism ?? (chosenMechanism.for === connectorKey ? chosenMechanism.mechanism : defaultAuthMechanism);
  const plan = useMemo(
    () => planConnectorForm(connector, { authMechanism: requestedMechanism, kind }),
    [connector, requestedMechanism, kind],
  );
  const { steps } = plan;
  const planKey = `${connectorKey}\u0000${plan.authMechanism}`;

  const fields = useMemo(() => allFields(connector, kind), [connector, kind]);
  const plannedFields = useMemo(() => steps.flatMap((planStep) => planStep.fields), [steps]);
  const resolver = useMemo(
    () =>
      fieldsResolver(
        buildFieldsSchema(plannedFields.map((field) => ({ ...field, name: connectorFieldKey(field.name) }))),
      ),
    [plannedFields],
  );

  const fieldValuesRef = useRef(fieldValues);
  fieldValuesRef.current = fieldValues;
  const form = useForm<ConnectorFormValues>({
    defaultValues: initialValues(fields, fieldValues),
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });

  // A new connector: start over with its own prefilled values.
  const formFor = useRef(connectorKey);
  useEffect(() => {
    if (formFor.current === connectorKey) return;
    formFor.current = connectorKey;
    form.reset(initialValues(fields, fieldValuesRef.current));
  }, [connectorKey, fields, form]);

  // Values are cleared on unmount. Under StrictMode's simulated unmount they are put back on the next mount.
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const cleared = useRef(false);
  useEffect(() => {
    if (cleared.current) {
      cleared.current = false;
      form.reset(initialValues(fieldsRef.current, fieldValuesRef.current));
    }
    return () => {
      cleared.current = true;
      const blank: ConnectorFormValues = {};
      for (const key of Object.keys(form.getValues())) blank[key] = '';
      form.reset(blank);
    };
  }, [form]);

  useEffect(() => {
    if (fields.some((field) => typeof field.regex === 'string' && field.regex !== '')) void preloadSafeRegexEngine();
  }, [fields]);

  const [position, setPosition] = useState(() => ({
    for: planKey,
    index: defaultStep === 'last' ? steps.length - 1 : 0,
  }));
  const stepIndex = position.for === planKey ? Math.min(position.index, steps.length - 1) : 0;
  const step = steps[stepIndex] as FormStep;
  const isFirstStep = stepIndex === 0;
  const isLastStep = stepIndex === steps.length - 1;
  const goTo = useCallback((index: number) => setPosition({ for: planKey, index }), [planKey]);

  // A field to focus once its step is on screen (an invalid field of another step).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    pendingFocus.current = null;
    form.setFocus(key);
  });

  const readOnlyNames = useMemo(() => new Set(readOnly ?? []), [readOnly]);
  const isReadOnly = useCallback(
    (name: string) => {
      if (!readOnlyNames.has(name)) return false;
      const value = fieldValuesRef.current?.[name];
      return typeof value === 'string' && value !== '';
    },
    [readOnlyNames],
  );

  /** The values to hand over for these fields, by field `name`: an optional field left empty is left out. */
  const submittedValues = useCallback(
    (fieldsToSubmit: readonly ConnectorField[]) => {
      const entries: [string, string][] = [];
      for (const field of fieldsToSubmit) {
        const readOnlyValue = isReadOnly(field.name) ? fieldValuesRef.current?.[field.name] : undefined;
        const raw = readOnlyValue ?? form.getValues(connectorFieldKey(field.name));
        const value = typeof raw === 'string' ? raw : '';
        if (!isEmpty(field, value) || field.required === true) entries.push([field.name, value]);
      }
      // Own properties whatever the name, `__proto__` included.
      return Object.fromEntries(entries);
    },
    [form, isReadOnly],
  );

  /** Validates these fields; on failure focuses the first invalid one, on its own step if need be. */
  const validate = useCallback(
    async (fieldsToValidate: readonly ConnectorField[]) => {
      const keys = fieldsToValidate.map((field) => connectorFieldKey(field.name));
      if (!keys.length) return true;
      const valid = await form.trigger(keys);
      if (valid) return true;
      const firstInvalid = fieldsToValidate.find((field) => form.getFieldState(connectorFieldKey(field.name)).invalid);
      if (firstInvalid) {
        const key = connectorFieldKey(firstInvalid.name);
        const ownStepIndex = steps.findIndex((planStep) => planStep.fields.includes(firstInvalid));
        if (ownStepIndex >= 0 && ownStepIndex !== stepIndex) {
          pendingFocus.current = key;
          goTo(ownStepIndex);
        } else {
          form.setFocus(key);
        }
      }
      return false;
    },
    [form, steps, stepIndex, goTo],
  );

  const [isSubmitting, setSubmitting] = useState(false);
  const submitting = useRef(false);
  /** Runs a submission (`onSubmit` or `onWebauth`) unless one is running already; resolves to whether it went through. */
  const runExclusiveSubmission = useCallback(async (submission: () => Promise<boolean>) => {
    if (submitting.current) return false;
    submitting.current = true;
    setSubmitting(true);
    try {
      return await submission();
    } finally {
      submitting.current = false;
      setSubmitting(false);
    }
  }, []);

  // The callbacks and plan of the last render, read once a submission's validation has resolved.
  const latest = useRef({ onSubmit, onWebauth, connector, plan });
  latest.current = { onSubmit, onWebauth, connector, plan };

  const next = useCallback(async () => {
    if (isLastStep) return false;
    if (!(await validate(step.fields))) return false;
    goTo(stepIndex + 1);
    return true;
  }, [isLastStep, validate, step, goTo, stepIndex]);

  const back = useCallback(() => {
    if (stepIndex > 0) goTo(stepIndex - 1);
  }, [goTo, stepIndex]);

  /** Validates every planned field and hands the values to `onSubmit`. */
  const validateAndSubmit = useCallback(async () => {
    if (!(await validate(plannedFields))) return false;
    const { onSubmit: submitTo, connector: current, plan: currentPlan } = latest.current;
    const lastStep = currentPlan.steps[currentPlan.steps.length - 1];
    await submitTo({
      connector: current,
      authMechanism: currentPlan.authMechanism,
      values: submittedValues(plannedFields),
      webauth: lastStep?.webauth ?? false,
      source: lastStep?.source ?? null,
    });
    return true;
  }, [validate, plannedFields, submittedValues]);

  const continueToBank = useCallback(
    () =>
      runExclusiveSubmission(async () => {
        if (!(await validate(step.fields))) return false;
        const { onWebauth: webauthTo, connector: current } = latest.current;
        if (webauthTo) {
          await webauthTo({
            connector: current,
            source: step.source,
            authMechanism: step.authMechanism,
            values: submittedValues(step.fields),
          });
          if (!isLastStep) goTo(stepIndex + 1);
          return true;
        }
        if (!isLastStep) {
          goTo(stepIndex + 1);
          return true;
        }
        return validateAndSubmit();
      }),
    [runExclusiveSubmission, validate, step, submittedValues, isLastStep, goTo, stepIndex, validateAndSubmit],
  );

  const submit = useCallback(async () => {
    if (step.webauth) return continueToBank();
    if (!isLastStep) return next();
    return runExclusiveSubmission(validateAndSubmit);
  }, [step, continueToBank, isLastStep, next, runExclusiveSubmission, validateAndSubmit]);

  const setAuthMechanism = useCallback(
    (mechanism: AuthMechanism) => {
      if (mechanism === plan.authMechanism) return;
      if (controlledMechanism === undefined) setChosenMechanism({ for: connectorKey, mechanism });
      form.clearErrors();
      onAuthMechanismChange?.(mechanism);
    },
    [plan.authMechanism, controlledMechanism, connectorKey, form, onAuthMechanismChange],
  );

  return {
    form,
    plan,
    steps,
    step,
    stepIndex,
    isFirstStep,
    isLastStep,
    next,
    back,
    submit,
    continueToBank,
    isSubmitting,
    authMechanism: plan.authMechanism,
    availableAuthMechanisms: plan.availableAuthMechanisms,
    setAuthMechanism,
    fieldKey: connectorFieldKey,
    isReadOnly,
  };
}
