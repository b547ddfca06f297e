import { ErrorState } from '@connector-kit/ui';
import { LookupForm } from './LookupForm.tsx';
import type { AdminMessages } from './messages.tsx';

/** A connector looked up by UUID that could not be read. */
export interface FailedLookup {
  uuid: string;
  error: unknown;
  retry: () => void;
}

export interface HiddenConnectorsNoteProps {
  /** The id of the note's title, which the page's lead links to. */
  titleId: string;
  onLookup: (uuid: string) => void;
  onForget: (uuid: string) => void;
  failedLookups: readonly FailedLookup[];
  messages: AdminMessages;
}

/** Where hidden connectors come from, with the form that looks one up by UUID and the lookups that failed. */
export function HiddenConnectorsNote({
  titleId,
  onLookup,
  onForget,
  failedLookups,
  messages,
}: HiddenConnectorsNoteProps) {
  return (
    <section className="demo-note" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1} className="demo-note__title">
        {messages.hiddenNoteTitle}
      </h2>
      <p>{messages.hiddenNote}</p>
      <LookupForm onLookup={onLookup} messages={messages} />
      {failedLookups.map((lookup) => (
        <div key={lookup.uuid} className="demo-failure">
          <p>{messages.lookupFailed(<code>{lookup.uuid}</code>)}</p>
          <ErrorState error={lookup.error} onRetry={lookup.retry} />
          <button type="button" className="ck-button ck-button--link" onClick={() => onForget(lookup.uuid)}>
            {messages.forgetUuid}
          </button>
        </div>
      ))}
    </section>
  );
}
