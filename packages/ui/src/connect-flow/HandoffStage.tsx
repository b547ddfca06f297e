import type { Connector } from '@connector-kit/core';
import type { UseWebviewHandoffResult } from '@connector-kit/react';
import { useEffect, useRef } from 'react';
import { ConnectorAvatar } from '../avatar/ConnectorAvatar.tsx';
import { ErrorState } from '../error-state/ErrorState.tsx';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import { ExternalIcon } from '../icons.tsx';

export interface HandoffStageProps extends LocaleOptions {
  /** The connector handed off: its name and color at least. */
  connector: Pick<Connector, 'uuid' | 'name' | 'color'>;
  handoff: UseWebviewHandoffResult;
  /** Starts (or starts again) the hand-off of this connector. */
  onContinue: () => void;
  onBack: () => void;
  baseId: string;
}

/**
 * The connector's stage on the hand-off path: "Opening <bank>'s secure page…" while the code is fetched and the
 * browser leaves; the reason and a retry when it failed; a button to continue when the person is back on this page
 * without having finished (the browser's Back button), so that the page never leaves on its own.
 */
export function HandoffStage({ connector, handoff, onContinue, onBack, baseId, ...localeOptions }: HandoffStageProps) {
  const { messages, locale } = useLocale(localeOptions);
  const busy = handoff.status === 'pending' || handoff.status === 'leaving';
  const titleId = `${baseId}-handoff-title`;
  const hintId = `${baseId}-handoff-hint`;

  // A failure takes the focus to its retry, so that a keyboard or screen reader user hears it and can act.
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (handoff.status === 'error') errorRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [handoff.status]);

  return (
    <section className="ck-handoff" aria-labelledby={titleId} aria-busy={busy || undefined}>
      <div className="ck-handoff__header">
        <ConnectorAvatar connector={connector} size={48} locale={locale} />
        <h2 id={titleId} className="ck-handoff__title">
          {messages.form.title(connector.name)}
        </h2>
      </div>
      {/* Announced when it changes: opening, then the outcome. */}
      <div role="status" className="ck-handoff__status">
        {busy ? (
          <p className="ck-handoff__opening">
            <span aria-hidden="true" className="ck-spinner" />
            {messages.connect.handoffOpening(connector.name)}
          </p>
        ) : null}
      </div>
      {handoff.status === 'error' ? (
        <div ref={errorRef}>
          <ErrorState error={handoff.error} onRetry={onContinue} {...localeOptions} />
        </div>
      ) : null}
      {handoff.status === 'idle' ? (
        <>
          <p id={hintId} className="ck-handoff__hint">
            {messages.connect.handoffHint(connector.name)}
          </p>
          <button
            type="button"
            className="ck-button ck-handoff__continue"
            aria-describedby={hintId}
            onClick={onContinue}
          >
            {messages.connect.handoffContinue}
            <ExternalIcon size={16} className="ck-form__external" />
          </button>
        </>
      ) : null}
      <button type="button" className="ck-button ck-button--link ck-flow__back" onClick={onBack}>
        {messages.form.backToList}
      </button>
    </section>
  );
}
