import type { Connector } from '@connector-kit/core';
import {
  type ConnectionFlowStep,
  type ConnectorFormSubmission,
  type HandoffConnector,
  type UseWebviewHandoffResult,
  useConnection,
  useConnectionFlow,
  useConnector,
  type WebviewHandoffRequest,
} from '@connector-kit/react';
import { type ReactNode, useEffect, useRef } from 'react';
import { cx } from '../class-names.ts';
import { ErrorState } from '../error-state/ErrorState.tsx';
import { ConnectorForm } from '../form/ConnectorForm.tsx';
import { useLocale } from '../i18n/context.tsx';
import type { ConnectFlowClassNames, ConnectFlowProps } from './ConnectFlow.tsx';
import { ConnectionStepView } from './ConnectionSteps.tsx';
import type { ConnectFlowEvent } from './events.ts';
import { HandoffStage } from './HandoffStage.tsx';

/** What every stage of the flow gets from `ConnectFlow`. */
export interface StageProps {
  /** The connector of the stage; `null` for a reconnect until its connection says. */
  uuid: string | null;
  /** The connection of a reconnect. */
  connectionId: number | null;
  baseId: string;
  onBack: () => void;
  flowProps: ConnectFlowProps;
  handoff: UseWebviewHandoffResult;
  startHandoff: (connector: HandoffConnector, request?: WebviewHandoffRequest) => void;
  /** The connector as the picker had it, to show its name and avatar before anything loads. */
  picked: Connector | null;
  emit: (event: ConnectFlowEvent) => void;
}

const NO_CLASS_NAMES: ConnectFlowClassNames = {};
const FORM_EXPANDS = ['fields', 'sources'] as const;
/** The bank's websites, read only for a step that sends the person there. */
const WEBSITE_EXPANDS = ['urls'] as const;

/** A stage whose data has not come yet, or could not: the loading state or the error with a retry, and a way back. */
export function StageStatus({
  query,
  onBack,
  flowProps,
}: {
  query: { isError: boolean; error: unknown; refetch: () => unknown };
  onBack: () => void;
  flowProps: ConnectFlowProps;
}) {
  const { locale, dir, messages: messagesProp, classNames = NO_CLASS_NAMES } = flowProps;
  const { messages } = useLocale({ locale, dir, messages: messagesProp });
  return (
    <div className={cx('ck-flow__status', classNames.status)}>
      {query.isError ? (
        <ErrorState
          error={query.error}
          onRetry={() => void query.refetch()}
          locale={locale}
          dir={dir}
          messages={messagesProp}
        />
      ) : (
        <div role="status" className="ck-flow__loading">
          <p className="ck-flow__status-text">{messages.common.loading}</p>
          <div aria-hidden="true" className="ck-flow__skeleton-group">
            <div className="ck-flow__skeleton ck-flow__skeleton--title" />
            <div className="ck-flow__skeleton" />
            <div className="ck-flow__skeleton" />
          </div>
        </div>
      )}
      <button type="button" className="ck-button ck-button--link ck-flow__back" onClick={onBack}>
        {messages.form.backToList}
      </button>
    </div>
  );
}

/** The hand-off path's stage: the picked connector, or the one of a deep link once loaded. */
export function WebviewStage({ uuid, baseId, onBack, flowProps, handoff, startHandoff, picked }: StageProps) {
  const { locale, dir, messages } = flowProps;
  const known = picked && picked.uuid === uuid ? picked : null;
  const query = useConnector(known ? null : uuid);
  const connector = known ?? query.data;
  if (!connector) return <StageStatus query={query} onBack={onBack} flowProps={flowProps} />;
  return (
    <HandoffStage
      connector={connector}
      handoff={handoff}
      onContinue={() => startHandoff(connector)}
      onBack={onBack}
      baseId={baseId}
      locale={locale}
      dir={dir}
      messages={messages}
    />
  );
}

/** A reconnect: the connection says which connector it is, then the direct stage takes it from there. */
export function ReconnectStage(stage: StageProps) {
  const query = useConnection(stage.connectionId);
  const uuid = query.data?.connector_uuid;
  if (!uuid) return <StageStatus query={query} onBack={stage.onBack} flowProps={stage.flowProps} />;
  return <DirectStage {...stage} uuid={uuid} />;
}

/** A number that changes with every new step, to give each form a fresh start (a refused password is cleared). */
function useStepSerial(step: ConnectionFlowStep): number {
  const last = useRef({ step, serial: 0 });
  if (last.current.step !== step) last.current = { step, serial: last.current.serial + 1 };
  return last.current.serial;
}

/** The connector of a bank's questions: only those fields, in one step, with no choice of mechanism. */
function questionsOf(connector: Connector, fields: Connector['fields']): Connector {
  return {
    ...connector,
    fields,
    sources: [],
    auth_mechanism: 'credentials',
    available_auth_mechanisms: ['credentials'],
  };
}

/**
 * The direct path's stage: the connector's form, then every step of the connection (`useConnectionFlow`), and the
 * bank's own page through `/webauth` when a form or a step ends there. Each new step takes the focus on its title.
 */
export function DirectStage({
  uuid,
  connectionId,
  baseId,
  onBack,
  flowProps,
  handoff,
  startHandoff,
  emit,
}: StageProps) {
  const { locale, dir, messages: messagesProp, classNames = NO_CLASS_NAMES } = flowProps;
  const { messages } = useLocale({ locale, dir, messages: messagesProp });
  const query = useConnector(uuid, { expand: FORM_EXPANDS });
  const connector: Connector | undefined = query.data;
  const flow = useConnectionFlow(
    connectionId === null ? { connectorUuid: uuid as string } : { connectionId, connectorUuid: uuid ?? undefined },
    {
      connector,
      decoupledTimeoutMs: flowProps.decoupledTimeoutMs,
      pollIntervalMs: flowProps.pollIntervalMs,
      onConnected: flowProps.onConnected,
    },
  );
  const { step } = flow;
  const serial = useStepSerial(step);
  const websites = useConnector(step.kind === 'bank-action' ? uuid : null, { expand: WEBSITE_EXPANDS });
  // The mechanism the person chose, kept when the form comes back after the bank refused the credentials.
  const mechanism = useRef(flowProps.defaultAuthMechanism);

  // Every step is reported once, failures with their code.
  const reported = useRef<ConnectionFlowStep | null>(null);
  useEffect(() => {
    if (reported.current === step) return;
    const first = reported.current === null;
    reported.current = step;
    if (first && step.kind === 'credentials') return;
    emit({ type: 'step', step: step.kind, connectorUuid: uuid });
    if (step.kind === 'done') {
      emit({
        type: 'connected',
        connectionId: step.connection.id,
        connectorUuid: step.connection.connector_uuid ?? uuid,
      });
    }
    if (step.kind === 'error' || step.kind === 'retry-later') {
      const code = step.kind === 'error' ? step.code : step.reason;
      emit({ type: 'error', code, place: step.kind });
    }
  }, [step, emit, uuid]);

  // A new step takes the focus on its title, so that it is read first.
  const container = useRef<HTMLDivElement>(null);
  const focused = useRef(serial);
  useEffect(() => {
    if (focused.current === serial) return;
    focused.current = serial;
    const heading = container.current?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
  }, [serial]);

  if (!connector) return <StageStatus query={query} onBack={onBack} flowProps={flowProps} />;

  const leave = () => {
    emit({ type: 'exit', place: step.kind });
    onBack();
  };
  const toBank = (request: WebviewHandoffRequest) => {
    emit({ type: 'handoff', target: 'webauth', connectorUuid: connector.uuid });
    startHandoff(connector, request);
  };

  if (handoff.status !== 'idle' && handoff.connector?.uuid === connector.uuid) {
    return (
      <HandoffStage
        connector={connector}
        handoff={handoff}
        onContinue={handoff.retry}
        onBack={leave}
        baseId={baseId}
        locale={locale}
        dir={dir}
        messages={messagesProp}
      />
    );
  }

  const existing = flow.connection?.id;
  const onSubmit = (submission: ConnectorFormSubmission) => {
    mechanism.current = submission.authMechanism;
    emit({ type: 'credentials-submitted', connectorUuid: connector.uuid, authMechanism: submission.authMechanism });
    if (submission.webauth && flowProps.webauth) {
      toBank({
        target: 'webauth',
        source: submission.source,
        ...(existing === undefined ? {} : { connectionId: existing }),
      });
    } else if (flowProps.onSubmit) {
      return flowProps.onSubmit(submission);
    } else {
      flow.submitCredentials(submission.values);
    }
  };

  let content: ReactNode;
  if (step.kind === 'credentials') {
    const prefilled = flowProps.connectorFieldValues?.[connector.uuid];
    content = (
      <ConnectorForm
        key={`credentials-${serial}`}
        id={`${baseId}-form`}
        connector={connector}
        defaultAuthMechanism={mechanism.current}
        fieldValues={step.reason === 'wrongpass' ? { ...prefilled, ...flow.keptValues } : prefilled}
        defaultStep={step.reason === 'wrongpass' ? 'last' : 'first'}
        readOnly={flowProps.readOnly}
        pending={flowProps.pending}
        bankMessage={step.message}
        onSubmit={onSubmit}
        // With `webauth`, the flow itself takes the user to the bank at the end of the form.
        onWebauth={flowProps.webauth ? undefined : flowProps.onWebauth}
        onBack={leave}
        locale={locale}
        dir={dir}
        messages={messagesProp}
        classNames={classNames.form}
      />
    );
  } else {
    content = (
      <ConnectionStepView
        connector={websites.data ? { ...connector, urls: websites.data.urls } : connector}
        flow={{
          ...flow,
          cancel: () => {
            emit({ type: 'exit', place: step.kind });
            flow.cancel();
          },
        }}
        onWebauth={
          flowProps.webauth
            ? () => toBank({ target: 'webauth', ...(existing === undefined ? {} : { connectionId: existing }) })
            : undefined
        }
        onBack={leave}
        fieldsForm={
          step.kind === 'fields' ? (
            <ConnectorForm
              key={`fields-${serial}`}
              id={`${baseId}-questions`}
              connector={questionsOf(connector, step.fields)}
              title={messages.connect.fieldsTitle(connector.name)}
              submitLabel={messages.connect.fieldsSubmit}
              bankMessage={step.message}
              onSubmit={({ values }) => flow.submitFields(values)}
              onBack={leave}
              locale={locale}
              dir={dir}
              messages={messagesProp}
              classNames={classNames.form}
            />
          ) : null
        }
        locale={locale}
        dir={dir}
        messages={messagesProp}
      />
    );
  }
  return (
    <div ref={container} className="ck-flow__connection" data-step={step.kind}>
      {content}
    </div>
  );
}
