import type { AuthMechanism, Connector, ConnectorSearchFilters } from '@connector-kit/core';
import {
  type ConnectorFormSubmission,
  type ConnectorWebauthRequest,
  type HandoffConnector,
  type UseWebviewHandoffOptions,
  type UseWebviewHandoffResult,
  useConnector,
  useControllableState,
  useWebviewHandoff,
} from '@connector-kit/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { cx } from '../class-names.ts';
import { ErrorState } from '../error-state/ErrorState.tsx';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import type { ConnectorFormClassNames } from '../form/class-names.ts';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import {
  type ConnectorNotFoundContext,
  ConnectorPicker,
  type ConnectorPickerClassNames,
} from '../picker/ConnectorPicker.tsx';
import { HandoffStage } from './HandoffStage.tsx';

/** Extra classes for each part of the flow. */
export interface ConnectFlowClassNames {
  root?: string | undefined;
  /** The box of the current stage (picker, loading, error or form). */
  stage?: string | undefined;
  /** The loading and error states of the connector. */
  status?: string | undefined;
  picker?: ConnectorPickerClassNames | undefined;
  form?: ConnectorFormClassNames | undefined;
}

export interface ConnectFlowProps extends LocaleOptions {
  /**
   * The hand-off path, for every Powens client (one without Agent status may not send credentials): picking a bank
   * sends the user to the Powens Webview for that bank, and `ConnectCallback` reads the way back. Without it, the
   * flow shows the connector's form (the direct path).
   */
  webview?: UseWebviewHandoffOptions | undefined;
  /**
   * The direct path's way to the bank's own page: a form that ends on a webauth step ("Continue to your bank") sends
   * the user to `/webauth` for that connector and source, and `ConnectCallback` reads the way back.
   */
  webauth?: UseWebviewHandoffOptions | undefined;
  /**
   * Direct path: called with `{ connector, authMechanism, values, webauth, source }` when the user completes a
   * connector's form (but for a form that ends at the bank, when `webauth` is given).
   */
  onSubmit?: ((submission: ConnectorFormSubmission) => void | Promise<void>) | undefined;
  /**
   * Called when the user continues to the bank from a webauth step (see `ConnectorForm`), for an app that takes the
   * user there itself. Not called when `webauth` is given: the flow does it.
   */
  onWebauth?: ((request: ConnectorWebauthRequest) => void | Promise<void>) | undefined;

  /** The connector whose form is shown, `null` for the picker. Controlled when not `undefined`. */
  connectorUuid?: string | null | undefined;
  /** The connector to start with (a deep link); the picker by default. */
  defaultConnectorUuid?: string | null | undefined;
  /** Called when the user picks a connector, or goes back to the picker (`null`). */
  onConnectorUuidChange?: ((uuid: string | null) => void) | undefined;

  /** Picker: the first country (see `ConnectorPicker`). */
  defaultCountry?: string | null | undefined;
  /** Picker: a "Popular" group while the query is empty. */
  popular?: readonly string[] | number | undefined;
  /** Picker: capabilities, products, an allowlist of uuids. */
  filters?: Omit<ConnectorSearchFilters, 'countryCodes'> | undefined;
  /** Picker: shows "My bank is not listed" when nothing matches. */
  onNotFound?: ((context: ConnectorNotFoundContext) => void) | undefined;

  /** Form: the mechanism to start with, when a connector offers several. */
  defaultAuthMechanism?: AuthMechanism | undefined;
  /** Form: prefilled values by connector uuid, then by field name (like the Webview's `connectorFieldValues`). */
  connectorFieldValues?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  /** Form: names of prefilled fields the user cannot change. */
  readOnly?: readonly string[] | undefined;
  /** Form: disables the submit button while your app works on the values. */
  pending?: boolean | undefined;

  /** Base of the ids of the parts; generated when absent. */
  id?: string | undefined;
  className?: string | undefined;
  classNames?: ConnectFlowClassNames | undefined;
}

const NO_CLASS_NAMES: ConnectFlowClassNames = {};
const FORM_EXPANDS = ['fields', 'sources'] as const;

/** What every stage of a connector shows: the hand-off, or else the form. */
interface StageProps {
  uuid: string;
  baseId: string;
  onBack: () => void;
  props: ConnectFlowProps;
  handoff: UseWebviewHandoffResult;
  /** Starts the hand-off of this connector (to the Webview, or to the bank's page for a form that ends there). */
  startHandoff: (connector: HandoffConnector, submission?: ConnectorFormSubmission) => void;
  /** The connector as the picker had it, to show its name and avatar before anything loads. */
  picked: Connector | null;
}

function StageStatus({
  query,
  onBack,
  props,
}: {
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  onBack: () => void;
  props: ConnectFlowProps;
}) {
  const { locale, dir, messages, classNames = NO_CLASS_NAMES } = props;
  const { messages: m } = useLocale({ locale, dir, messages });
  return (
    <div className={cx('ck-flow__status', classNames.status)}>
      {query.isError ? (
        <ErrorState
          error={query.error}
          onRetry={() => void query.refetch()}
          locale={locale}
          dir={dir}
          messages={messages}
        />
      ) : (
        <div role="status" className="ck-flow__loading">
          <p className="ck-flow__status-text">{m.common.loading}</p>
          <div aria-hidden="true" className="ck-flow__skeleton-group">
            <div className="ck-flow__skeleton ck-flow__skeleton--title" />
            <div className="ck-flow__skeleton" />
            <div className="ck-flow__skeleton" />
          </div>
        </div>
      )}
      <button type="button" className="ck-button ck-button--link ck-flow__back" onClick={onBack}>
        {m.form.backToList}
      </button>
    </div>
  );
}

/** The hand-off path's stage: the picked connector, or the one of a deep link once loaded. */
function WebviewStage({ uuid, baseId, onBack, props, handoff, startHandoff, picked }: StageProps) {
  const { locale, dir, messages } = props;
  const known = picked?.uuid === uuid ? picked : null;
  const query = useConnector(known ? null : uuid);
  const connector = known ?? query.data;
  if (!connector) return <StageStatus query={query} onBack={onBack} props={props} />;
  return (
    <HandoffStage
      connector={connector}
      handoff={handoff}
      onContinue={() => startHandoff(connector)}
      onBack={onBack}
      baseId={baseId}
      locale={locale}
      dir={dir}
      messages={messages}
    />
  );
}

/** The direct path's stage: the connector's form, or its hand-off to the bank's page once the form ends there. */
function ConnectorStage({ uuid, baseId, onBack, props, handoff, startHandoff }: StageProps) {
  const { locale, dir, messages, classNames = NO_CLASS_NAMES } = props;
  const query = useConnector(uuid, { expand: FORM_EXPANDS });
  const connector: Connector | undefined = query.data;

  if (!connector) return <StageStatus query={query} onBack={onBack} props={props} />;
  if (handoff.status !== 'idle' && handoff.connector?.uuid === connector.uuid) {
    return (
      <HandoffStage
        connector={connector}
        handoff={handoff}
        onContinue={handoff.retry}
        onBack={onBack}
        baseId={baseId}
        locale={locale}
        dir={dir}
        messages={messages}
      />
    );
  }
  const onSubmit = (submission: ConnectorFormSubmission) => {
    if (submission.webauth && props.webauth) startHandoff(submission.connector, submission);
    else return props.onSubmit?.(submission);
  };
  return (
    <ConnectorForm
      key={connector.uuid}
      id={`${baseId}-form`}
      connector={connector}
      defaultAuthMechanism={props.defaultAuthMechanism}
      defaultValues={props.connectorFieldValues?.[connector.uuid]}
      readOnly={props.readOnly}
      pending={props.pending}
      onSubmit={onSubmit}
      // With `webauth`, the flow itself takes the user to the bank at the end of the form.
      onWebauth={props.webauth ? undefined : props.onWebauth}
      onBack={onBack}
      locale={locale}
      dir={dir}
      messages={messages}
      classNames={classNames.form}
    />
  );
}

/** Hand-off options for a flow that has none: the hook is always called, and never started. */
const NO_HANDOFF: UseWebviewHandoffOptions = {
  clientId: '',
  domain: '',
  redirectUri: '',
  getCode: () => Promise.reject(new Error('ConnectFlow: no `webview` or `webauth` options')),
};

/**
 * The whole connection flow, from the bank picker on. The picker keeps the query and country the user chose when they
 * come back to it; each stage has its loading state and its error state with a retry. Needs a `ConnectorsProvider`.
 *
 * - With `webview` (any Powens client): picking a bank hands the user off to the Powens Webview for that bank
 *   ("Opening <bank>'s secure page…"); `ConnectCallback` on your `redirect_uri` page reads the way back.
 * - Without it (the direct path, for clients with Agent status): the chosen connector's form
 *   (`useConnector(uuid, { expand: ['fields', 'sources'] })`), then `onSubmit`; a form that ends at the bank goes to
 *   its page through `/webauth` when `webauth` is given.
 */
export function ConnectFlow(props: ConnectFlowProps) {
  const {
    webview,
    webauth,
    connectorUuid,
    defaultConnectorUuid = null,
    onConnectorUuidChange,
    defaultCountry,
    popular,
    filters,
    onNotFound,
    id: idProp,
    locale,
    dir: dirProp,
    messages,
    className,
    classNames = NO_CLASS_NAMES,
  } = props;
  const { dir } = useLocale({ locale, dir: dirProp, messages });
  const generatedId = useId();
  const baseId = idProp ?? `ck-flow${generatedId}`;

  const [uuid, setUuid] = useControllableState<string | null>({
    value: connectorUuid,
    defaultValue: defaultConnectorUuid,
    onChange: onConnectorUuidChange,
  });
  // What the user typed and chose in the picker outlives it while the form is shown.
  const [query, setQuery] = useState('');
  const [countryCode, setCountryCode] = useState<string | null | undefined>(undefined);
  const [picked, setPicked] = useState<string | null>(null);
  // The connector itself, for the hand-off stage to show before (or without) loading it.
  const [pickedConnector, setPickedConnector] = useState<Connector | null>(null);

  const handoff = useWebviewHandoff(webview ?? webauth ?? NO_HANDOFF);
  const { start: startWebviewHandoff, reset: resetHandoff } = handoff;
  const country = countryCode ?? defaultCountry ?? null;
  const startHandoff = useCallback(
    (connector: HandoffConnector, submission?: ConnectorFormSubmission) =>
      startWebviewHandoff(
        connector,
        submission ? { target: 'webauth', source: submission.source } : { countryCode: country },
      ),
    [startWebviewHandoff, country],
  );

  const onSelect = useCallback(
    (connector: Connector) => {
      setPicked(connector.uuid);
      setPickedConnector(connector);
      setUuid(connector.uuid);
      // The pick is the person's go-ahead: the hand-off starts from this event, never on its own.
      if (webview) startHandoff(connector);
    },
    [setUuid, webview, startHandoff],
  );
  const onBack = useCallback(() => {
    resetHandoff();
    setUuid(null);
  }, [setUuid, resetHandoff]);

  // The stage that comes on screen gets the focus: the search field of the picker, or the connector's stage.
  const stageRef = useRef<HTMLDivElement>(null);
  const shown = useRef(uuid);
  useEffect(() => {
    if (shown.current === uuid) return;
    shown.current = uuid;
    const stage = stageRef.current;
    if (!stage) return;
    const target = uuid === null ? stage.querySelector<HTMLElement>('input[role="combobox"]') : stage;
    target?.focus();
  }, [uuid]);

  const Stage = webview ? WebviewStage : ConnectorStage;
  return (
    <div className={cx('ck', 'ck-flow', className, classNames.root)} dir={dir}>
      <div
        ref={stageRef}
        // Focusable from script only, to take the focus when a connector is picked.
        tabIndex={-1}
        className={cx('ck-flow__stage', classNames.stage)}
        data-stage={uuid === null ? 'picker' : webview ? 'handoff' : 'connector'}
      >
        {uuid === null ? (
          <ConnectorPicker
            id={`${baseId}-picker`}
            query={query}
            onQueryChange={setQuery}
            countryCode={countryCode}
            onCountryCodeChange={setCountryCode}
            defaultCountry={defaultCountry}
            popular={popular}
            filters={filters}
            onNotFound={onNotFound}
            value={picked}
            onValueChange={setPicked}
            onSelect={onSelect}
            locale={locale}
            dir={dirProp}
            messages={messages}
            classNames={classNames.picker}
          />
        ) : (
          <Stage
            key={uuid}
            uuid={uuid}
            baseId={baseId}
            onBack={onBack}
            props={props}
            handoff={handoff}
            startHandoff={startHandoff}
            picked={pickedConnector}
          />
        )}
      </div>
    </div>
  );
}
