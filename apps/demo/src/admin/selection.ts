import type { Connector } from '@connector-kit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminWrites } from './writes.ts';

export interface ConnectorSelection {
  /** The UUIDs of the selected connectors. */
  selected: ReadonlySet<string>;
  toggle: (uuid: string, on: boolean) => void;
  /** Selects, or deselects, every one of these connectors. */
  toggleAll: (connectors: readonly Connector[], on: boolean) => void;
  clear: () => void;
  /** Hides or shows again these selected connectors in one write, and clears the selection meanwhile. */
  setHidden: (connectors: readonly Connector[], hidden: boolean) => void;
}

/**
 * The rows the admin selected, by UUID. The selection a batch write started from is cleared while the write runs,
 * and given back if the write fails, as the change itself is undone.
 */
export function useConnectorSelection(writes: AdminWrites): ConnectorSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const toggle = useCallback(
    (uuid: string, on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(uuid);
        else next.delete(uuid);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(
    (connectors: readonly Connector[], on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        for (const connector of connectors) {
          if (on) next.add(connector.uuid);
          else next.delete(connector.uuid);
        }
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setSelected(new Set()), []);

  const batchSelection = useRef<{ uuids: readonly string[]; selection: ReadonlySet<string> } | null>(null);
  const setHidden = (connectors: readonly Connector[], hidden: boolean) => {
    batchSelection.current = { uuids: connectors.map((connector) => connector.uuid), selection: selected };
    writes.setHidden(connectors, hidden);
    setSelected(new Set());
  };
  useEffect(() => {
    const started = batchSelection.current;
    if (!started || started.uuids.some((uuid) => writes.pending.has(uuid))) return;
    batchSelection.current = null;
    if (writes.failure) setSelected((current) => (current.size === 0 ? started.selection : current));
  }, [writes.pending, writes.failure]);

  return { selected, toggle, toggleAll, clear, setHidden };
}
