import type { ConnectFlowEvent } from '@connector-kit/ui';
import { type Ref, useId, useLayoutEffect, useRef } from 'react';
import type { DemoMessages } from '../i18n.ts';

export interface ResultPanelProps {
  /** What the flow reported so far, oldest first. */
  events: readonly ConnectFlowEvent[];
  messages: DemoMessages;
  onClear: () => void;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}

/** The events the host app receives from the flow (`onEvent`), as JSON: no field value, token or code is in them. */
export function ResultPanel({ events, messages, onClear, headingRef }: ResultPanelProps) {
  const id = useId();
  // The list scrolls within its box; the newest event stays in view.
  const log = useRef<HTMLPreElement>(null);
  useLayoutEffect(() => {
    const box = log.current;
    if (box && events.length > 0) box.scrollTop = box.scrollHeight;
  }, [events]);
  return (
    <section className="demo-card demo-result" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="demo-result__title">
        {messages.resultTitle}
      </h2>
      <p className="demo-result__intro">{messages.resultIntro}</p>
      {events.length > 0 ? (
        <>
          {/* A log named by the section's title, not read aloud at each event; focusable, so that a keyboard can
              scroll it. */}
          <pre
            ref={log}
            className="demo-result__json"
            dir="ltr"
            lang="en"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
            tabIndex={0}
            role="log"
            aria-live="off"
            aria-labelledby={`${id}-title`}
          >
            <code>{events.map((event) => JSON.stringify(event)).join('\n')}</code>
          </pre>
          <button type="button" className="ck-button ck-button--secondary" onClick={onClear}>
            {messages.clearEvents}
          </button>
        </>
      ) : (
        <p className="demo-result__empty">{messages.resultEmpty}</p>
      )}
    </section>
  );
}
