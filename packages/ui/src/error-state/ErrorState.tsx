import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../class-names.ts';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import { describeError } from '../i18n/errors.ts';

export interface ErrorStateProps extends Omit<ComponentPropsWithoutRef<'div'>, 'role' | 'dir'>, LocaleOptions {
  error: unknown;
  /** Shows a retry button that calls it. */
  onRetry?: (() => void) | undefined;
}

/** A localized, announced error with a way to try again. Institution text from the server is shown as text. */
export function ErrorState({
  error,
  onRetry,
  locale,
  dir,
  messages: messagesProp,
  className,
  ...rest
}: ErrorStateProps) {
  const { messages, dir: direction } = useLocale({ locale, dir, messages: messagesProp });
  const described = describeError(error, messages.common);
  return (
    <div role="alert" dir={direction} className={cx('ck ck-error', className)} {...rest}>
      <p className="ck-error__text">{described.text}</p>
      {described.institutionMessage ? <p className="ck-error__institution">{described.institutionMessage}</p> : null}
      {described.reference ? (
        <p className="ck-error__reference">{messages.common.errorReference(described.reference)}</p>
      ) : null}
      {onRetry ? (
        <button type="button" className="ck-button ck-button--secondary" onClick={onRetry}>
          {messages.common.retry}
        </button>
      ) : null}
    </div>
  );
}
