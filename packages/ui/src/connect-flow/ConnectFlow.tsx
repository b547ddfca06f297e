import type { AuthMechanism, Connection, Connector, ConnectorSearchFilters } from '@connector-kit/core';
import {
  type ConnectorFormSubmission,
  type ConnectorSearchSummary,
  type ConnectorWebauthRequest,
  type HandoffConnector,
  type UseWebviewHandoffOptions,
  useControllableState,
  useWebviewHandoff,
  type WebviewHandoffRequest,
} from '@connector-kit/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { cx } from '../class-names.ts';
import type { ConnectorFormClassNames } from '../form/class-names.ts';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import {
  type ConnectorNotFoundContext,
  ConnectorPicker,
  type ConnectorPickerClassNames,
} from '../picker/ConnectorPicker.tsx';
import type { ConnectFlowEvent } from './events.ts';
import { DirectStage, ReconnectStage, WebviewStage } from './stages.tsx';

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
   * Direct path, for an app that sends the credentials itself: called with `{ connector, authMechanism, values,
   * webauth, source }` when the user completes a connector's form, and the flow stops there. Without it, the flow
   * creates the connection (`useConnectionFlow`: the client needs the user's token, added by your server) and walks
   * the user through every step the bank asks for.
   */
  onSubmit?: ((submission: ConnectorFormSubmission) => void | Promise<void>) | undefined;
  /** Called once the connection is synced (direct path). The hand-off path's is `ConnectCallback`'s `onConnected`. */
  onConnected?: ((connection: Connection) => void) | undefined;
  /** Reports what happens, for analytics and logs; no field value, token or code is ever part of an event. */
  onEvent?: ((event: ConnectFlowEvent) => void) | undefined;
  /**
   * Reconnect this connection (direct path; with `webview`, use `useWebviewHandoff`'s `reconnect` flow): the flow
   * loads it and opens on the step its state asks for (its credentials after `wrongpass`, the bank's page after
   * `SCARequired`, its questions). "Choose another bank" leaves it for the picker.
   */
  connectionId?: number | null | undefined;
  /** How long to wait for an approval in the bank's app before offering to try again (default 5 minutes). */
  decoupledTimeoutMs?: number | undefined;
  /** The first wait between two polls of a connection (default 2 s). */
  pollIntervalMs?: number | undefined;
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
  defaultCountryCode?: string | null | undefined;
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

/** How long the typing pauses before a search is reported. */
const SEARCH_EVENT_DELAY_MS = 600;

/** What an event says of a failure: the Powens code, or the kind of failure; never its message. */
function errorCode(error: unknown): string | null {
  if (error !== null && typeof error === 'object') {
    const { code, kind } = error as { code?: unknown; kind?: unknown };
    if (typeof code === 'string') return code;
    if (typeof kind === 'string') return kind;
  }
  return null;
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
 * - Without it (the direct path, for clients with Agent status): the chosen connector's form, then the connection
 *   through every step the bank asks for (an OTP, an approval in its app, its own page, new credentials...), to a
 *   success screen and `onConnected`; or `onSubmit`, for an app that sends the values itself. A form or a step that
 *   ends at the bank goes to its page through `/webauth` when `webauth` is given.
 * - `connectionId` reconnects an existing connection; `onEvent` reports what happens, without any secret.
 */
export function ConnectFlow(props: ConnectFlowProps) {
  const {
    webview,
    webauth,
    connectionId,
    onEvent,
    connectorUuid,
    defaultConnectorUuid = null,
    onConnectorUuidChange,
    defaultCountryCode,
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

  // A reconnect shows its connection until the person leaves it for the picker.
  const [reconnecting, setReconnecting] = useState(!webview && connectionId !== null && connectionId !== undefined);

  const reportEvent = useRef(onEvent);
  reportEvent.current = onEvent;
  const emit = useCallback((event: ConnectFlowEvent) => reportEvent.current?.(event), []);
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    emit({ type: 'open' });
  }, [emit]);
  // A search is reported once the typing pauses, not for every key.
  const searchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pendingSearch = useRef<ConnectorSearchSummary | null>(null);
  const flushSearch = useCallback(() => {
    clearTimeout(searchTimer.current);
    const summary = pendingSearch.current;
    pendingSearch.current = null;
    if (summary) emit({ type: 'search', ...summary });
  }, [emit]);
  const onSearch = useCallback(
    (summary: ConnectorSearchSummary) => {
      clearTimeout(searchTimer.current);
      pendingSearch.current = summary;
      searchTimer.current = setTimeout(flushSearch, SEARCH_EVENT_DELAY_MS);
    },
    [flushSearch],
  );
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  const onCountryCodeChange = useCallback(
    (next: string | null) => {
      setCountryCode(next);
      emit({ type: 'country', countryCode: next });
    },
    [emit],
  );

  const handoff = useWebviewHandoff(webview ?? webauth ?? NO_HANDOFF);
  const { start: startWebviewHandoff, reset: resetHandoff, status: handoffStatus, error: handoffError } = handoff;
  const country = countryCode ?? defaultCountryCode ?? null;
  const startHandoff = useCallback(
    (connector: HandoffConnector, request?: WebviewHandoffRequest) => {
      if (!request) emit({ type: 'handoff', target: 'webview', connectorUuid: connector.uuid });
      startWebviewHandoff(connector, request ?? { countryCode: country });
    },
    [startWebviewHandoff, country, emit],
  );
  useEffect(() => {
    if (handoffStatus === 'error') emit({ type: 'error', code: errorCode(handoffError), place: 'handoff' });
  }, [handoffStatus, handoffError, emit]);

  const onSelect = useCallback(
    (connector: Connector) => {
      setPicked(connector.uuid);
      setPickedConnector(connector);
      setUuid(connector.uuid);
      // The search that led to the pick comes first, even when the pick came before the pause.
      flushSearch();
      emit({ type: 'connector', connectorUuid: connector.uuid, connectorName: connector.name });
      // The pick is the person's go-ahead: the hand-off starts from this event, never on its own.
      if (webview) startHandoff(connector);
    },
    [setUuid, webview, startHandoff, emit, flushSearch],
  );
  const onBack = useCallback(() => {
    if (webview) emit({ type: 'exit', place: 'handoff' });
    resetHandoff();
    setReconnecting(false);
    setUuid(null);
  }, [setUuid, resetHandoff, webview, emit]);

  // The stage that comes on screen gets the focus: the search field of the picker, or the connector's stage.
  const stageRef = useRef<HTMLDivElement>(null);
  const onPicker = uuid === null && !reconnecting;
  const shown = useRef(onPicker ? null : uuid);
  useEffect(() => {
    const current = onPicker ? null : uuid;
    if (shown.current === current) return;
    shown.current = current;
    const stage = stageRef.current;
    if (!stage) return;
    const target = onPicker ? stage.querySelector<HTMLElement>('input[role="combobox"]') : stage;
    target?.focus();
  }, [uuid, onPicker]);

  const reconnectId = reconnecting ? (connectionId ?? null) : null;
  const Stage = webview ? WebviewStage : reconnectId !== null ? ReconnectStage : DirectStage;
  return (
    <div className={cx('ck', 'ck-flow', className, classNames.root)} dir={dir}>
      <div
        ref={stageRef}
        // Focusable from script only, to take the focus when a connector is picked.
        tabIndex={-1}
        className={cx('ck-flow__stage', classNames.stage)}
        data-stage={onPicker ? 'picker' : webview ? 'handoff' : 'connector'}
      >
        {onPicker ? (
          <ConnectorPicker
            id={`${baseId}-picker`}
            query={query}
            onQueryChange={setQuery}
            countryCode={countryCode}
            onCountryCodeChange={onCountryCodeChange}
            defaultCountryCode={defaultCountryCode}
            popular={popular}
            filters={filters}
            onNotFound={onNotFound}
            onSearch={onSearch}
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
            key={`${uuid}-${reconnectId}`}
            uuid={uuid}
            connectionId={reconnectId}
            baseId={baseId}
            onBack={onBack}
            flowProps={props}
            handoff={handoff}
            startHandoff={startHandoff}
            picked={pickedConnector}
            emit={emit}
          />
        )}
      </div>
    </div>
  );
}
