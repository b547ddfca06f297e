import type { AuthMechanism, Connector, ConnectorSearchFilters } from '@connector-kit/core';
import {
  type ConnectorFormSubmission,
  type ConnectorWebauthRequest,
  useConnector,
  useControllableState,
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
  /** Called with `{ connector, authMechanism, values }` when the user completes a connector's form. */
  onSubmit: (submission: ConnectorFormSubmission) => void | Promise<void>;
  /** Called when the user continues to the bank from a webauth step (see `ConnectorForm`). */
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

function ConnectorStage({
  uuid,
  baseId,
  onBack,
  props,
}: {
  uuid: string;
  baseId: string;
  onBack: () => void;
  props: ConnectFlowProps;
}) {
  const { locale, dir, messages, classNames = NO_CLASS_NAMES } = props;
  const { messages: m } = useLocale({ locale, dir, messages });
  const query = useConnector(uuid, { expand: FORM_EXPANDS });
  const connector: Connector | undefined = query.data;

  if (connector) {
    return (
      <ConnectorForm
        key={connector.uuid}
        id={`${baseId}-form`}
        connector={connector}
        defaultAuthMechanism={props.defaultAuthMechanism}
        defaultValues={props.connectorFieldValues?.[connector.uuid]}
        readOnly={props.readOnly}
        pending={props.pending}
        onSubmit={props.onSubmit}
        onWebauth={props.onWebauth}
        onBack={onBack}
        locale={locale}
        dir={dir}
        messages={messages}
        classNames={classNames.form}
      />
    );
  }

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

/**
 * The whole connection flow: the bank picker, then the chosen connector's form
 * (`useConnector(uuid, { expand: ['fields', 'sources'] })`), with a way back. The picker keeps the query and country
 * the user chose when they come back to it. Each stage has its loading state and its error state with a retry.
 * Needs a `ConnectorsProvider` above it.
 */
export function ConnectFlow(props: ConnectFlowProps) {
  const {
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

  const onSelect = useCallback(
    (connector: Connector) => {
      setPicked(connector.uuid);
      setUuid(connector.uuid);
    },
    [setUuid],
  );
  const onBack = useCallback(() => setUuid(null), [setUuid]);

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

  return (
    <div className={cx('ck', 'ck-flow', className, classNames.root)} dir={dir}>
      <div
        ref={stageRef}
        // Focusable from script only, to take the focus when a connector is picked.
        tabIndex={-1}
        className={cx('ck-flow__stage', classNames.stage)}
        data-stage={uuid === null ? 'picker' : 'connector'}
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
          <ConnectorStage key={uuid} uuid={uuid} baseId={baseId} onBack={onBack} props={props} />
        )}
      </div>
    </div>
  );
}
