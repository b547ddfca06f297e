import type { Handoff, WebviewCallbackResult } from '@connector-kit/core';
import { type UseWebviewCallbackOptions, useWebviewCallback } from '@connector-kit/react';
import { useEffect, useId, useRef } from 'react';
import { ConnectorAvatar } from '../avatar/ConnectorAvatar.tsx';
import { cx } from '../class-names.ts';
import type { ConnectMessages, OutcomeMessages } from '../i18n/connect.ts';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import { CheckIcon, CrossIcon } from '../icons.tsx';

export interface ConnectCallbackClassNames {
  root?: string | undefined;
  title?: string | undefined;
  text?: string | undefined;
  actions?: string | undefined;
  primaryButton?: string | undefined;
}

export interface ConnectCallbackProps extends LocaleOptions, UseWebviewCallbackOptions {
  /**
   * "Try again" after a failure, with the hand-off it answers (`null` for a link that cannot be used): send the person
   * back to your flow with the same bank. By default the browser goes to the hand-off's return path (`/` without one).
   */
  onRetry?: ((handoff: Handoff | null) => void) | undefined;
  /** "Continue" after a success. By default the browser goes to the hand-off's return path (`/` without one). */
  onDone?: ((result: WebviewCallbackResult, handoff: Handoff | null) => void) | undefined;
  /** Level of the title (default 1: this is the page's main content). */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 | undefined;
  className?: string | undefined;
  classNames?: ConnectCallbackClassNames | undefined;
}

const NO_CLASS_NAMES: ConnectCallbackClassNames = {};

/** The strings of a failure, by its code: anything that cannot be trusted reads as a link that cannot be used. */
function failureMessages(error: string, messages: ConnectMessages): OutcomeMessages {
  switch (error) {
    case 'access_denied':
      return messages.outcomes.accessDenied;
    case 'tos_declined':
      return messages.outcomes.tosDeclined;
    case 'session_expired':
      return messages.outcomes.sessionExpired;
    case 'server_error':
      return messages.outcomes.serverError;
    case 'state_mismatch':
    case 'invalid_callback':
      return messages.outcomes.forged;
    default:
      return messages.outcomes.unknown;
  }
}

function goTo(path: string): void {
  globalThis.location?.assign(path);
}

/**
 * The page your `redirect_uri` shows: it reads the way back from Powens (see `useWebviewCallback`), refuses a forged,
 * replayed or expired callback, and says what happened in the user's language: connected, removed, cancelled
 * ("You left before finishing"), terms declined, too slow, a problem at Powens, or a link that cannot be used. A
 * failure offers "Try again" (`onRetry`, with the bank it was for); a success "Continue" (`onDone`). The outcome's
 * title takes the focus when it shows.
 */
export function ConnectCallback({
  onRetry,
  onDone,
  headingLevel = 1,
  url,
  store,
  cleanUrl,
  onConnected,
  onDeleted,
  locale: localeProp,
  dir: dirProp,
  messages: messagesProp,
  className,
  classNames = NO_CLASS_NAMES,
}: ConnectCallbackProps) {
  const { locale, dir, messages } = useLocale({ locale: localeProp, dir: dirProp, messages: messagesProp });
  const connectMessages = messages.connect;
  const { status, result, handoff } = useWebviewCallback({ url, store, cleanUrl, onConnected, onDeleted });
  const titleRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const Heading = `h${headingLevel}` as const;

  useEffect(() => {
    if (status === 'read') titleRef.current?.focus();
  }, [status]);

  if (status === 'reading') {
    return (
      <div className={cx('ck', 'ck-callback', className, classNames.root)} dir={dir} lang={locale}>
        <p role="status" className="ck-callback__reading">
          <span aria-hidden="true" className="ck-spinner" />
          {connectMessages.callbackReading}
        </p>
      </div>
    );
  }

  const returnPath = handoff?.returnPath ?? '/';
  const name = handoff?.connectorName ?? null;
  let title: string;
  let text: string;
  let action: { label: string; run: () => void };
  if (result.status === 'connected') {
    title = name ? connectMessages.connectedTitle(name) : connectMessages.connectedTitleUnnamed;
    text = connectMessages.connectedText(result.connectionIds.length);
    action = { label: connectMessages.done, run: () => (onDone ? onDone(result, handoff) : goTo(returnPath)) };
  } else if (result.status === 'deleted') {
    ({ title, text } = connectMessages.deleted);
    action = { label: connectMessages.done, run: () => (onDone ? onDone(result, handoff) : goTo(returnPath)) };
  } else {
    ({ title, text } = failureMessages(result.error, connectMessages));
    action = {
      label: handoff ? messages.common.retry : connectMessages.startAgain,
      run: () => (onRetry ? onRetry(handoff) : goTo(returnPath)),
    };
  }
  const succeeded = result.status !== 'error';

  return (
    <section
      className={cx('ck', 'ck-callback', className, classNames.root)}
      data-outcome={result.status === 'error' ? result.error : result.status}
      aria-labelledby={titleId}
      dir={dir}
      lang={locale}
    >
      <div className="ck-callback__header">
        {name ? (
          <ConnectorAvatar
            connector={{ name, color: handoff?.connectorColor ?? null, uuid: handoff?.connectorUuid ?? undefined }}
            size={48}
            locale={locale}
          />
        ) : null}
        <span
          className={cx('ck-callback__mark', succeeded ? 'ck-callback__mark--success' : 'ck-callback__mark--failure')}
        >
          {succeeded ? <CheckIcon size={20} /> : <CrossIcon size={20} />}
        </span>
      </div>
      <Heading id={titleId} ref={titleRef} tabIndex={-1} className={cx('ck-callback__title', classNames.title)}>
        {title}
      </Heading>
      <p className={cx('ck-callback__text', classNames.text)}>{text}</p>
      <div className={cx('ck-callback__actions', classNames.actions)}>
        <button type="button" className={cx('ck-button', classNames.primaryButton)} onClick={action.run}>
          {action.label}
        </button>
      </div>
    </section>
  );
}
