import type { ConnectorSearchRange } from '@connector-kit/core';
import { memo, type ReactNode } from 'react';

export interface HighlightProps {
  /** The text to show, e.g. `connector.name`. */
  text: string;
  /** Ranges `[start, end)` of `text` to mark, e.g. a search result's `matches`. Invalid ranges are ignored. */
  ranges: readonly ConnectorSearchRange[] | undefined;
  className?: string | undefined;
  /** Class of each `<mark>`. */
  markClassName?: string | undefined;
}

/** Cuts `text` into plain and marked pieces; overlapping or out-of-bounds ranges are clipped. */
export function highlightSegments(
  text: string,
  ranges: readonly ConnectorSearchRange[] | undefined,
): { text: string; marked: boolean; start: number }[] {
  if (!ranges || ranges.length === 0) return text === '' ? [] : [{ text, marked: false, start: 0 }];
  const sorted = [...ranges]
    .filter((range) => Number.isInteger(range.start) && Number.isInteger(range.end))
    .sort((a, b) => a.start - b.start);
  const segments: { text: string; marked: boolean; start: number }[] = [];
  let cursor = 0;
  for (const range of sorted) {
    const start = Math.max(range.start, cursor);
    const end = Math.min(range.end, text.length);
    if (end <= start) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false, start: cursor });
    segments.push({ text: text.slice(start, end), marked: true, start });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false, start: cursor });
  return segments;
}

/** Text with the matched parts in `<mark>`: what the user typed, found in a connector's name. */
export const Highlight = memo(function Highlight({ text, ranges, className, markClassName }: HighlightProps) {
  const segments = highlightSegments(text, ranges);
  const children: ReactNode[] = segments.map((segment) =>
    segment.marked ? (
      <mark key={segment.start} className={markClassName}>
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
  return <span className={className}>{children}</span>;
});
