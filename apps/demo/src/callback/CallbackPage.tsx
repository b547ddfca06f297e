import type { Handoff } from '@connector-kit/core';
import { ConnectCallback } from '@connector-kit/ui';
import { ConnectionsPanel } from '../connect/ConnectionsPanel.tsx';
import type { DemoMessages } from '../i18n.ts';

export interface CallbackPageProps {
  messages: DemoMessages;
  locale: string;
}

/** The Connect page, with the bank chosen again when there is one (`#/connect/<uuid>`). */
function connectPage(handoff: Handoff | null): string {
  return handoff?.connectorUuid ? `/#/connect/${encodeURIComponent(handoff.connectorUuid)}` : '/#/connect';
}

/**
 * The app's `redirect_uri` (`/callback`): Powens sends the user back here. The outcome comes first; below it, the
 * user's connections as the server lists them, so that a new one shows at once.
 */
export function CallbackPage({ messages, locale }: CallbackPageProps) {
  return (
    <div className="demo-page demo-callback">
      <div className="demo-card demo-callback__outcome">
        <ConnectCallback
          onRetry={(handoff) => window.location.assign(connectPage(handoff))}
          onDone={() => window.location.assign('/#/connect')}
        />
      </div>
      <ConnectionsPanel messages={messages} locale={locale} />
    </div>
  );
}
