import { ConnectFlow, ErrorState } from '@connector-kit/ui';
import { type Ref, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { DemoMessages } from '../i18n.ts';
import { type ConnectPath, useConnectPath } from '../preferences.ts';
import { ConnectionsPanel } from './ConnectionsPanel.tsx';
import { useHandoffOptions } from './handoff.ts';
import { type MaskedSubmission, maskSubmission, type Submission } from './mask.ts';
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

/**
 * The whole connect flow, two ways: handed off to the Powens Webview (any client), or direct (Agent status) with our
 * form. Beside it, the user's connections and, on the direct path, what the app receives from the form.
 */
export function ConnectPage({ messages, locale, connectorUuid = null, headingRef }: ConnectPageProps) {
  const [result, setResult] = useState<MaskedSubmission | null>(null);
  const [round, setRound] = useState(0);
  const [preferredPath, setPath] = useConnectPath();
  const { config, options } = useHandoffOptions();
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const flow = useRef<HTMLDivElement>(null);
  // Until the server said whether it can hand off, the Webview path waits; without it, the direct path is the only one.
  const webviewAvailable = !config.isSuccess || config.data.webview;
  const path: ConnectPath = webviewAvailable ? preferredPath : 'direct';

  // Only the masked copy is kept: the real values go no further than this call.
  const onSubmit = useCallback((submission: Submission) => setResult(maskSubmission(submission)), []);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  // A new round starts in the search field.
  const started = useRef(round);
  useEffect(() => {
    if (started.current === round) return;
    started.current = round;
    flow.current?.querySelector<HTMLElement>('input[role="combobox"]')?.focus();
  }, [round]);

  const ready = path === 'direct' || options !== null;
  return (
    <div className="demo-page demo-connect">
      <h1 ref={headingRef} tabIndex={-1} className="demo-page__title">
        {messages.connectTitle}
      </h1>
      <p className="demo-lead">{messages.connectIntro}</p>
      <PathChoice path={path} onChange={setPath} webviewAvailable={webviewAvailable} messages={messages} />
      <div className="demo-connect__layout">
        <div ref={flow} className="demo-card demo-connect__flow">
          {ready ? (
            <ConnectFlow
              key={`${path}-${round}-${connectorUuid ?? ''}`}
              defaultConnectorUuid={connectorUuid}
              {...(path === 'webview'
                ? { webview: options ?? undefined }
                : { onSubmit, webauth: options ?? undefined })}
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
          <ConnectionsPanel messages={messages} locale={locale} />
          {path === 'direct' ? (
            <ResultPanel
              result={result}
              messages={messages}
              headingRef={resultHeading}
              onReset={() => {
                setResult(null);
                setRound((current) => current + 1);
              }}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
