import { type Ref, useId } from 'react';
import type { DemoMessages } from '../i18n.ts';
import type { MaskedSubmission } from './mask.ts';

export interface ResultPanelProps {
  /** `null` until the flow completes. */
  result: MaskedSubmission | null;
  messages: DemoMessages;
  onReset: () => void;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}

/** What the host app would receive from the flow, secrets masked. */
export function ResultPanel({ result, messages, onReset, headingRef }: ResultPanelProps) {
  const id = useId();
  return (
    <section className="demo-card demo-result" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="demo-result__title">
        {messages.resultTitle}
      </h2>
      <p className="demo-result__intro">{messages.resultIntro}</p>
      {result ? (
        <>
          <pre className="demo-result__json" dir="ltr" lang="en">
            <code>{JSON.stringify(result, null, 2)}</code>
          </pre>
          <button type="button" className="ck-button" onClick={onReset}>
            {messages.connectAnother}
          </button>
        </>
      ) : (
        <p className="demo-result__empty">{messages.resultEmpty}</p>
      )}
    </section>
  );
}
