import type { Connector } from '@connector-kit/core';

/** The badges a connector can carry, in display order. */
export type ConnectorBadgeKind = 'beta' | 'unstable' | 'restricted';

/**
 * The badges of a connector: `beta` from `connector.beta`, `unstable` from `connector.stability.status`, `restricted`
 * when the connector cannot be picked (`connector.restricted`, or `disabled` as the search result says).
 */
export function connectorBadgeKinds(
  connector: Pick<Connector, 'beta' | 'restricted' | 'stability'>,
  disabled = false,
): ConnectorBadgeKind[] {
  const kinds: ConnectorBadgeKind[] = [];
  if (connector.beta === true) kinds.push('beta');
  if (connector.stability?.status === 'unstable') kinds.push('unstable');
  if (disabled || connector.restricted === true) kinds.push('restricted');
  return kinds;
}

export interface ConnectorBadgeProps {
  kind: ConnectorBadgeKind;
  /** The localized text (see `messages.picker.badges`). */
  label: string;
  id?: string | undefined;
  className?: string | undefined;
}

/** One badge: neutral for beta, a warning color for unstable and restricted. */
export function ConnectorBadge({ kind, label, id, className }: ConnectorBadgeProps) {
  const base = kind === 'beta' ? 'ck-badge' : 'ck-badge ck-badge--warning';
  return (
    <span id={id} className={className ? `${base} ${className}` : base} data-kind={kind}>
      {label}
    </span>
  );
}
