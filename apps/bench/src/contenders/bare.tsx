import type { Connector } from '@connector-kit/core';
import { type UIEvent, useMemo, useState } from 'react';
import type { ContenderSelectors } from '../protocol.ts';
import './bare.css';

export const selectors: ContenderSelectors = {
  input: '.bare-input',
  option: '.bare-row',
  results: '.bare-list',
  scroller: '.bare-list',
};

const ROW_HEIGHT = 40;
/** The height of `.bare-list` (20rem), until the first scroll event measures it. */
const INITIAL_HEIGHT = 320;
/** Rows rendered beyond each edge of the visible ones. */
const OVERSCAN = 5;

/** Accent- and case-blind form of a text. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The first and last rows in view for a scroll position and a visible height. */
const visibleRows = (top: number, height: number) =>
  [Math.floor(top / ROW_HEIGHT), Math.ceil((top + height) / ROW_HEIGHT) - 1] as const;

/**
 * The lower bound: a plain input over a hand-written virtualized list, searching a folded index built once. No roles,
 * no keyboard handling, no selection: what a picker cannot beat.
 */
export function Contender({ connectors }: { connectors: readonly Connector[] }) {
  const index = useMemo(
    () => connectors.map((connector) => ({ name: connector.name, folded: fold(connector.name) })),
    [connectors],
  );
  const [query, setQuery] = useState('');
  const [[first, last], setRange] = useState(() => visibleRows(0, INITIAL_HEIGHT));
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const { scrollTop, clientHeight } = event.currentTarget;
    const [nextFirst, nextLast] = visibleRows(scrollTop, clientHeight);
    // Re-render only when another row comes into view.
    setRange((range) => (range[0] === nextFirst && range[1] === nextLast ? range : [nextFirst, nextLast]));
  };

  const folded = fold(query);
  const rows = folded ? index.filter((entry) => entry.folded.includes(folded)) : index;
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(rows.length, last + 1 + OVERSCAN);
  const shown = [];
  for (let position = start; position < end; position++) {
    shown.push(
      // Keyed by position: while scrolling, the rows that stay in view are left alone.
      <div key={position} className="bare-row" style={{ top: position * ROW_HEIGHT }}>
        {rows[position]?.name}
      </div>,
    );
  }
  return (
    <div>
      <input
        className="bare-input"
        placeholder="Search for your bank"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="bare-list" onScroll={onScroll}>
        <div className="bare-sizer" style={{ height: rows.length * ROW_HEIGHT }}>
          {shown}
        </div>
      </div>
    </div>
  );
}
