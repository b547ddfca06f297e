import { ConnectFlow } from '@connector-kit/ui';
import { type Ref, useCallback, useEffect, useRef, useState } from 'react';
import type { DemoMessages } from '../i18n.ts';
import { type MaskedSubmission, maskSubmission, type Submission } from './mask.ts';
import { ResultPanel } from './ResultPanel.tsx';

export interface ConnectPageProps {
  messages: DemoMessages;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}

/** The whole connect flow, and beside it what the host app would receive from it. */
export function ConnectPage({ messages, headingRef }: ConnectPageProps) {
  const [result, setResult] = useState<MaskedSubmission | null>(null);
  const [round, setRound] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const flow = useRef<HTMLDivElement>(null);

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

  return (
    <div className="demo-page demo-connect">
      <h1 ref={headingRef} tabIndex={-1} className="demo-page__title">
        {messages.connectTitle}
      </h1>
      <p className="demo-lead">{messages.connectIntro}</p>
      <div className="demo-connect__layout">
        <div ref={flow} className="demo-card demo-connect__flow">
          <ConnectFlow key={round} onSubmit={onSubmit} />
        </div>
        <ResultPanel
          result={result}
          messages={messages}
          headingRef={resultHeading}
          onReset={() => {
            setResult(null);
            setRound((current) => current + 1);
          }}
        />
      </div>
    </div>
  );
}
