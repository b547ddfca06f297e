import { ErrorState, useLocale } from '@connector-kit/ui';
import type { AdminMessages } from './messages.tsx';
import { failureSentence, type WriteFailure } from './writes.ts';

/** The last write that failed: what was attempted and undone, why, a way to try again, and one to dismiss it. */
export function WriteFailureNotice({
  failure,
  onDismiss,
  messages,
}: {
  failure: WriteFailure;
  onDismiss: () => void;
  messages: AdminMessages;
}) {
  return (
    <div className="demo-failure demo-failure--write">
      <p className="demo-failure__title">{failureSentence(messages.writes, failure.action, failure.error)}</p>
      <div className="demo-failure__body">
        <ErrorState error={failure.error} onRetry={failure.retry} />
        <button type="button" className="ck-button ck-button--secondary" onClick={onDismiss}>
          {messages.dismiss}
        </button>
      </div>
    </div>
  );
}

/**
 * Says, politely, that refreshing what is on screen failed, with a way to try again. The live region stays in the
 * page, empty while there is nothing to say, so that screen readers announce the message when it appears.
 */
export function RefreshFailureNotice({
  onRetry,
  messages,
}: {
  /** Set while a refresh has failed and no other is running. */
  onRetry: (() => void) | null;
  messages: AdminMessages;
}) {
  const { messages: ui } = useLocale();
  return (
    <div className="demo-refresh">
      <p className="demo-refresh__message" role="status">
        {onRetry ? messages.refreshFailed : ''}
      </p>
      {onRetry ? (
        <button type="button" className="ck-button ck-button--link" onClick={onRetry}>
          {ui.common.retry}
        </button>
      ) : null}
    </div>
  );
}
