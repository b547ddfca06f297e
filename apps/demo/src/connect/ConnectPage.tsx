import type { Connection } from '@connector-kit/core';
import { useWebviewHandoff } from '@connector-kit/react';
import { ConnectFlow, type ConnectFlowEvent, ErrorState } from '@connector-kit/ui';
import { type Ref, useCallback, useId, useRef, useState } from 'react';
import type { DemoMessages } from '../i18n.ts';
import { type ConnectPath, useConnectPath } from '../preferences.ts';
import { ConnectionsPanel } from './ConnectionsPanel.tsx';
import { useHandoffOptions } from './handoff.ts';
import { ResultPanel } from './ResultPanel.tsx';

export interface ConnectPageProps {
  messages: DemoMessages;
  locale: string;
  /** A bank chosen by the address (`#/connect/<uuid>`): "Try again" from the callback page comes back with it. */
  connectorUuid?: string | null | undefined;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}

function PathChoice({
  path,
  onChange,
  webviewAvailable,
  messages,
}: {
  path: ConnectPath;
  onChange: (path: ConnectPath) => void;
  webviewAvailable: boolean;
  messages: DemoMessages;
}) {
  const id = useId();
  const options: { value: ConnectPath; label: string; hint: string; disabled: boolean }[] = [
    { value: 'webview', label: messages.pathWebview, hint: messages.pathWebviewHint, disabled: !webviewAvailable },
    { value: 'direct', label: messages.pathDirect, hint: messages.pathDirectHint, disabled: false },
  ];
  return (
    <fieldset className="demo-path">
      <legend className="demo-path__legend">{messages.pathLegend}</legend>
      <div className="demo-path__options">
        {options.map((option) => (
          <label key={option.value} className="demo-path__option" data-disabled={option.disabled || undefined}>
            <input
              type="radio"
              name={`${id}-path`}
              value={option.value}
              checked={path === option.value}
              disabled={option.disabled}
              aria-describedby={`${id}-${option.value}-hint`}
              onChange={() => onChange(option.value)}
            />
            <span className="demo-path__text">
              <span className="demo-path__label">{option.label}</span>
              <span id={`${id}-${option.value}-hint`} className="demo-path__hint">
                {option.disabled ? messages.pathWebviewUnavailable : option.hint}
              </span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The events kept on screen: the latest ones. */
const MAX_EVENTS = 40;

/** Hand-off options before the server said how it is set up: never started. */
const NO_HANDOFF = {
  clientId: '',
  domain: '',
  redirectUri: '',
  getCode: () => Promise.reject(new Error('not set up')),
};

/**
 * The whole connect flow, two ways: handed off to the Powens Webview (any client), or direct (Agent status) with our
 * form and every step the bank asks for. Beside it, the user's connections (with "Reconnect" for one that needs it)
 * and the events the app receives.
 */
export function ConnectPage({ messages, locale, connectorUuid = null, headingRef }: ConnectPageProps) {
  const [events, setEvents] = useState<readonly ConnectFlowEvent[]>([]);
  const [round, setRound] = useState(0);
  const [reconnectId, setReconnectId] = useState<number | null>(null);
  const [preferredPath, setPath] = useConnectPath();
  const { config, options } = useHandoffOptions();
  // Until the server said whether it can hand off, the Webview path waits; without it, the direct path is the only one.
  const webviewAvailable = !config.isSuccess || config.data.webview;
  const path: ConnectPath = webviewAvailable ? preferredPath : 'direct';

  const onEvent = useCallback(
    (event: ConnectFlowEvent) => setEvents((current) => [...current, event].slice(-MAX_EVENTS)),
    [],
  );
  // On the Webview path, a connection is reconnected in the Webview's own reconnect flow.
  const reconnectHandoff = useWebviewHandoff(options ?? NO_HANDOFF);
  const flow = useRef<HTMLDivElement>(null);
  const onReconnect = useCallback(
    (connection: Connection) => {
      if (path === 'webview') {
        const connector = connection.connector;
        reconnectHandoff.start(
          { uuid: connection.connector_uuid ?? '', name: connector?.name ?? '', color: connector?.color ?? null },
          { flow: 'reconnect', connectionId: connection.id },
        );
        return;
      }
      setReconnectId(connection.id);
      setRound((current) => current + 1);
      flow.current?.scrollIntoView({ block: 'start' });
    },
    [path, reconnectHandoff],
  );

  const ready = path === 'direct' || options !== null;
  return (
    <div className="demo-page demo-connect">
      <h1 ref={headingRef} tabIndex={-1} className="demo-page__title">
        {messages.connectTitle}
      </h1>
      <p className="demo-lead">{messages.connectIntro}</p>
      <PathChoice
        path={path}
        onChange={(next) => {
          // Another path is another flow: its events start afresh.
          setEvents([]);
          setPath(next);
        }}
        webviewAvailable={webviewAvailable}
        messages={messages}
      />
      <div className="demo-connect__layout">
        <div ref={flow} className="demo-card demo-connect__flow">
          {ready ? (
            <ConnectFlow
              key={`${path}-${round}-${connectorUuid ?? ''}`}
              defaultConnectorUuid={connectorUuid}
              onEvent={onEvent}
              {...(path === 'webview'
                ? { webview: options ?? undefined }
                : { webauth: options ?? undefined, connectionId: reconnectId })}
            />
          ) : config.isError ? (
            <ErrorState error={config.error} onRetry={() => void config.refetch()} />
          ) : (
            <p role="status" className="demo-muted">
              {messages.loadingSetup}
            </p>
          )}
        </div>
        <div className="demo-connect__side">
          <ConnectionsPanel
            messages={messages}
            locale={locale}
            onReconnect={onReconnect}
            reconnectError={
              reconnectHandoff.status === 'error'
                ? { error: reconnectHandoff.error, retry: reconnectHandoff.retry }
                : null
            }
          />
          <ResultPanel events={events} messages={messages} onClear={() => setEvents([])} />
        </div>
      </div>
    </div>
  );
}
