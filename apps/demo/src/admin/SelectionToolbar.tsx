import type { Connector } from '@connector-kit/core';
import type { AdminMessages } from './messages.tsx';

export interface SelectionToolbarProps {
  selectedCount: number;
  /** What the filters leave, or `''` before the list has loaded. */
  summary: string;
  /** The selected connectors a batch would hide, and those it would show again. */
  toHide: readonly Connector[];
  toUnhide: readonly Connector[];
  onSetHidden: (connectors: readonly Connector[], hidden: boolean) => void;
  onClear: () => void;
  messages: AdminMessages;
}

/** The count of selected and matching connectors, and what can be done with the selection. */
export function SelectionToolbar({
  selectedCount,
  summary,
  toHide,
  toUnhide,
  onSetHidden,
  onClear,
  messages,
}: SelectionToolbarProps) {
  return (
    <div className="demo-toolbar">
      <p className="demo-toolbar__count" role="status">
        {selectedCount > 0 ? messages.selectedCount(selectedCount) : ''}
        {summary}
      </p>
      <div className="demo-toolbar__actions">
        <button
          type="button"
          className="ck-button ck-button--secondary"
          disabled={toHide.length === 0}
          onClick={() => onSetHidden(toHide, true)}
        >
          {messages.hideSelected(toHide.length)}
        </button>
        <button
          type="button"
          className="ck-button ck-button--secondary"
          disabled={toUnhide.length === 0}
          onClick={() => onSetHidden(toUnhide, false)}
        >
          {messages.unhideSelected(toUnhide.length)}
        </button>
        <button type="button" className="ck-button ck-button--link" disabled={selectedCount === 0} onClick={onClear}>
          {messages.clearSelection}
        </button>
      </div>
    </div>
  );
}
