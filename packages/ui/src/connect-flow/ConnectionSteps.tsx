import type { Connector } from '@connector-kit/core';
import type { ConnectionFlowStep, UseConnectionFlowResult } from '@connector-kit/react';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { ConnectorAvatar } from '../avatar/ConnectorAvatar.tsx';
import { ErrorState } from '../error-state/ErrorState.tsx';
import type { BankOutcomeMessages } from '../i18n/connect.ts';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import { CheckIcon, ExternalIcon } from '../icons.tsx';

export interface ConnectionStepViewProps extends LocaleOptions {
  connector: Pick<Connector, 'uuid' | 'name' | 'color' | 'urls'>;
  flow: UseConnectionFlowResult;
  /** Opens the bank's own page for a `webauth` step; absent when the app gave the flow no way to. */
  onWebauth?: (() => void) | undefined;
  /** "Choose another bank". */
  onBack: () => void;
  /** The form of a `fields` step (the same field renderer as the credentials). */
  fieldsForm: ReactNode;
}

/** Seconds since `startedAt`, updated every second while shown. */
function useElapsedSeconds(startedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - startedAt) / 1000));
}

function seconds(locale: string, value: number): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(value);
  } catch {
    return `${value} s`;
  }
}

/** The bank's first website, when it is a plain http(s) address (data is never trusted as a link). */
function bankWebsite(connector: Pick<Connector, 'urls'>): string | null {
  for (const url of connector.urls ?? []) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href;
    } catch {
      // Not a URL: not a link either.
    }
  }
  return null;
}

function Elapsed({ startedAt, label, locale }: { startedAt: number; label: string; locale: string }) {
  const elapsed = useElapsedSeconds(startedAt);
  // Not live: a screen reader would hear every second. The person reads it when they want.
  return (
    <p className="ck-step__elapsed">
      {label}: <span className="ck-step__elapsed-value">{seconds(locale, elapsed)}</span>
    </p>
  );
}

/** A wait in progress: what is happening (announced once), and the time it has taken so far. */
function Waiting({
  text,
  startedAt,
  label,
  locale,
}: {
  text: string;
  startedAt: number;
  label: string;
  locale: string;
}) {
  return (
    <>
      <p role="status" className="ck-handoff__opening">
        <span aria-hidden="true" className="ck-spinner" />
        {text}
      </p>
      <Elapsed startedAt={startedAt} label={label} locale={locale} />
    </>
  );
}

function StepFrame({
  connector,
  title,
  locale,
  mark,
  children,
}: {
  connector: ConnectionStepViewProps['connector'];
  title: string;
  locale: string;
  mark?: 'success' | undefined;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section className="ck-step" aria-labelledby={titleId}>
      <div className="ck-handoff__header">
        <ConnectorAvatar connector={connector} size={48} locale={locale} />
        {mark === 'success' ? (
          <span className="ck-callback__mark ck-callback__mark--success">
            <CheckIcon size={20} />
          </span>
        ) : null}
      </div>
      <h2 id={titleId} tabIndex={-1} className="ck-step__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function BankMessage({ message }: { message: string | null }) {
  return message ? <p className="ck-form__bank-message">{message}</p> : null;
}

/**
 * One step of a connection on the direct path, as `useConnectionFlow` says: connecting (with the time elapsed and a
 * cancel), the bank's questions, an approval in the bank's app (a live wait, "I have approved", a time limit), a
 * confirmation on the bank's website, something to do there, a wait, an error, and the success. It only renders:
 * every decision is the hook's.
 */
export function ConnectionStepView({
  connector,
  flow,
  onWebauth,
  onBack,
  fieldsForm,
  locale: localeProp,
  dir,
  messages: messagesProp,
}: ConnectionStepViewProps) {
  const { locale, messages } = useLocale({ locale: localeProp, dir, messages: messagesProp });
  const connectMessages = messages.connect;
  const step: ConnectionFlowStep = flow.step;
  const name = connector.name;
  const back = (
    <button type="button" className="ck-button ck-button--link ck-flow__back" onClick={onBack}>
      {messages.form.backToList}
    </button>
  );
  const retry = (
    <button type="button" className="ck-button" onClick={flow.retry}>
      {messages.common.retry}
    </button>
  );
  const cancel = (
    <button type="button" className="ck-button ck-button--secondary" onClick={flow.cancel}>
      {connectMessages.cancel}
    </button>
  );
  const waiting = (text: string, startedAt: number) => (
    <Waiting text={text} startedAt={startedAt} label={connectMessages.elapsedLabel} locale={locale} />
  );
  const frame = (title: string, children: ReactNode, mark?: 'success') => (
    <StepFrame connector={connector} title={title} locale={locale} mark={mark}>
      {children}
    </StepFrame>
  );
  const outcome = (texts: BankOutcomeMessages, message: string | null, actions: ReactNode) =>
    frame(
      texts.title(name),
      <>
        <p className="ck-step__text">{texts.text}</p>
        <BankMessage message={message} />
        <div className="ck-step__actions">{actions}</div>
      </>,
    );
  const website = bankWebsite(connector);

  switch (step.kind) {
    case 'credentials':
      return null;
    case 'connecting':
      return frame(
        connectMessages.connecting(name),
        <>
          {waiting(connectMessages.connectingHint, step.startedAt)}
          <div className="ck-step__actions">{cancel}</div>
        </>,
      );
    case 'fields':
      return <>{fieldsForm}</>;
    case 'decoupled':
      if (step.timedOut) {
        return frame(
          connectMessages.decoupledTimedOut.title,
          <>
            <p className="ck-step__text">{connectMessages.decoupledTimedOut.text}</p>
            <div className="ck-step__actions">
              {retry}
              {cancel}
            </div>
          </>,
        );
      }
      return frame(
        connectMessages.decoupledTitle(name),
        <>
          <p className="ck-step__text">{connectMessages.decoupledHint}</p>
          <BankMessage message={step.message} />
          {waiting(connectMessages.decoupledWaiting, step.startedAt)}
          <div className="ck-step__actions">
            <button type="button" className="ck-button" onClick={flow.resume}>
              {connectMessages.decoupledApproved}
            </button>
            {cancel}
          </div>
        </>,
      );
    case 'validating':
      if (step.timedOut) {
        return frame(
          connectMessages.validatingTimedOut.title,
          <>
            <p className="ck-step__text">{connectMessages.validatingTimedOut.text}</p>
            <div className="ck-step__actions">
              {retry}
              {back}
            </div>
          </>,
        );
      }
      return frame(connectMessages.validatingTitle(name), waiting(connectMessages.connectingHint, step.startedAt));
    case 'webauth':
      return outcome(
        onWebauth
          ? connectMessages.webauth
          : { title: connectMessages.webauth.title, text: connectMessages.webauthUnavailable },
        step.message,
        <>
          {onWebauth ? (
            <button type="button" className="ck-button" onClick={onWebauth}>
              {messages.form.continueToBank}
              <ExternalIcon size={16} className="ck-form__external" />
            </button>
          ) : null}
          {back}
        </>,
      );
    case 'bank-action':
      return outcome(
        connectMessages.bankActions[step.reason],
        step.message,
        <>
          {website ? (
            <a className="ck-button ck-button--secondary" href={website} target="_blank" rel="noopener noreferrer">
              {connectMessages.openBankWebsite(name)}
              <ExternalIcon size={16} className="ck-form__external" />
            </a>
          ) : null}
          {retry}
          {back}
        </>,
      );
    case 'retry-later':
      return outcome(
        connectMessages.retryLater[step.reason],
        step.message,
        <>
          {retry}
          {back}
        </>,
      );
    case 'error':
      return frame(
        connectMessages.outcomes.unknown.title,
        <>
          {step.error ? (
            <ErrorState error={step.error} locale={localeProp} dir={dir} messages={messagesProp} />
          ) : (
            <p className="ck-step__text">{connectMessages.outcomes.unknown.text}</p>
          )}
          <BankMessage message={step.error ? null : step.message} />
          <div className="ck-step__actions">
            {retry}
            {back}
          </div>
        </>,
      );
    case 'done':
      return frame(
        connectMessages.connectedTitle(name),
        <>
          <p className="ck-step__text">{connectMessages.connectedText(1)}</p>
          <div className="ck-step__actions">
            <button type="button" className="ck-button ck-button--secondary" onClick={onBack}>
              {connectMessages.connectAnother}
            </button>
          </div>
        </>,
        'success',
      );
  }
}
