import type { ConnectorSearchResult } from '@connector-kit/core';
import {
  type ConnectorSearchActiveSource,
  connectorOptionProps,
  type GetLogoUrl,
  type UseConnectorSearchResult,
} from '@connector-kit/react';
import {
  type MouseEvent,
  memo,
  type NamedExoticComponent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ConnectorAvatar } from '../avatar/ConnectorAvatar.tsx';
import { cx, shallowEqual } from '../class-names.ts';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import type { PickerMessages } from '../i18n/picker.ts';
import { CheckIcon } from '../icons.tsx';
import { ConnectorBadge, connectorBadgeKinds } from './badges.tsx';
import { Highlight } from './Highlight.tsx';
import { useVirtualRows } from './use-virtual-rows.ts';

/** Extra classes for each part of the list, added to the built-in `ck-list__*` ones. */
export interface ConnectorListClassNames {
  /** The outer element (the `className` prop goes there too). */
  root?: string | undefined;
  /** The scrolling `role="listbox"` element. */
  listbox?: string | undefined;
  /** The "Popular" and "All banks" `role="group"` elements. */
  group?: string | undefined;
  groupHeading?: string | undefined;
  option?: string | undefined;
  avatar?: string | undefined;
  /** The column with the name, the badges and the reason. */
  text?: string | undefined;
  name?: string | undefined;
  mark?: string | undefined;
  badges?: string | undefined;
  badge?: string | undefined;
  /** Why a restricted connector cannot be picked. */
  reason?: string | undefined;
  /** The check mark of the chosen connector. */
  check?: string | undefined;
  /** The polite live region that announces the result count. */
  status?: string | undefined;
  /** The wrapper of the `empty` content. */
  empty?: string | undefined;
}

export interface ConnectorListProps extends LocaleOptions {
  /** The options, in order (e.g. `useConnectorSearch().results`). */
  results: readonly ConnectorSearchResult[];
  /**
   * How many of the first `results` form the "Popular" group; when more than 0, the options are shown in two groups,
   * "Popular" and "All banks".
   */
  popularCount?: number | undefined;
  /** The count announced in the live region; `results.length - popularCount` by default. */
  matchCount?: number | undefined;
  /** The option the keyboard is on (`-1` for none); it is kept rendered and scrolled into view. */
  activeIndex?: number | undefined;
  /** What moved the active option last (`useConnectorSearch().activeSource`): the keyboard's is scrolled into view. */
  activeSource?: ConnectorSearchActiveSource | null | undefined;
  /** The uuid of the chosen connector. */
  value?: string | null | undefined;
  /**
   * The options' props: `useConnectorSearch().getOptionProps`, whose ids, ARIA and handlers then apply (`onSelect`,
   * `onActiveIndexChange` and `getOptionId` are not used). Without it, the list makes its own from those three.
   */
  getOptionProps?: UseConnectorSearchResult['getOptionProps'] | undefined;
  /** A click on an option that can be picked. Restricted options never call it. */
  onSelect?: ((result: ConnectorSearchResult, index: number) => void) | undefined;
  /** The pointer moved over an option. */
  onActiveIndexChange?: ((index: number) => void) | undefined;
  /** Id of the listbox; generated when absent. */
  id?: string | undefined;
  /** Ids of the options, for `aria-activedescendant` (`useConnectorSearch().getOptionId`); `${id}-option-${index}` by default. */
  getOptionId?: ((index: number) => string) | undefined;
  /** The listbox's label; `messages.picker.listLabel` by default. */
  'aria-label'?: string | undefined;
  'aria-labelledby'?: string | undefined;
  /** Shown instead of the listbox when `results` is empty. */
  empty?: ReactNode;
  /** Announce the result count in a polite live region (default true). */
  announce?: boolean | undefined;
  /** How long the count must stay the same before it is announced, in ms (default 600): no chatter while typing. */
  announceDelay?: number | undefined;
  /** Height of an option row in CSS pixels (default 56); restricted rows are 24 px taller for their reason. */
  rowHeight?: number | undefined;
  /**
   * Rows rendered beyond each edge of the visible area at rest (default 6). While the list scrolls, that many ahead
   * and one behind; during a fling, whose every step goes past all the rendered rows, only the rows in view.
   */
  overscan?: number | undefined;
  /**
   * The address of each connector's logo: the `ConnectorsProvider`'s `getLogoUrl` when absent, initials only with
   * `null`. Keep its identity stable: a new function renders every row again.
   */
  getLogoUrl?: GetLogoUrl | null | undefined;
  className?: string | undefined;
  classNames?: ConnectorListClassNames | undefined;
}

const DEFAULT_ROW_HEIGHT = 56;
const RESTRICTED_EXTRA = 24;
const HEADING_HEIGHT = 40;
const DEFAULT_OVERSCAN = 6;
const DEFAULT_ANNOUNCE_DELAY = 600;
const NO_CLASS_NAMES: ConnectorListClassNames = {};

const keepFocus = (event: MouseEvent) => event.preventDefault();

type GetOptionProps = UseConnectorSearchResult['getOptionProps'];

/** Where a row sits in the sizer: moved down with a transform (no layout), at its own height. */
const rowStyle = (start: number, size: number) => ({ transform: `translateY(${start}px)`, height: `${size}px` });

/** Where the rows of a grouped list are: a heading row before each group. */
interface Layout {
  readonly rowCount: number;
  /** Row of an option. */
  rowOf(index: number): number;
  /** Option of a row, or -1 for a heading row. */
  optionAt(row: number): number;
  readonly headingRows: readonly number[];
}

function createLayout(count: number, popularCount: number): Layout {
  if (popularCount <= 0 || popularCount >= count) {
    return { rowCount: count, rowOf: (index) => index, optionAt: (row) => row, headingRows: [] };
  }
  const allHeading = popularCount + 1;
  return {
    rowCount: count + 2,
    rowOf: (index) => (index < popularCount ? index + 1 : index + 2),
    optionAt: (row) => (row === 0 || row === allHeading ? -1 : row < allHeading ? row - 1 : row - 2),
    headingRows: [0, allHeading],
  };
}

/** Whether `next` starts with every connector of `previous` (not empty), in the same order. */
function extendsResults(previous: readonly ConnectorSearchResult[], next: readonly ConnectorSearchResult[]): boolean {
  if (previous.length === 0 || next.length < previous.length) return false;
  return previous.every((result, index) => next[index]?.connector.uuid === result.connector.uuid);
}

/** `text`, once it has stayed the same for `delay` ms; `''` until it first changes after mount. */
function useSettledAnnouncement(text: string, delay: number | null): string {
  const [announced, setAnnounced] = useState('');
  const baseline = useRef(text);
  useEffect(() => {
    if (delay === null || text === baseline.current) return;
    const timer = setTimeout(() => {
      baseline.current = text;
      setAnnounced(text);
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay]);
  return announced;
}

interface OptionRowProps {
  result: ConnectorSearchResult;
  index: number;
  active: boolean;
  selected: boolean;
  start: number;
  size: number;
  locale: string;
  /** The picker's strings (badges, restricted reason): one object for as long as the messages stay the same. */
  labels: PickerMessages;
  classNames: ConnectorListClassNames;
  getLogoUrl: GetLogoUrl | null | undefined;
  /** Stable across renders: the row re-renders for its own props only. */
  getOptionProps: GetOptionProps;
}

/**
 * One option. Memoized: moving the active option re-renders the two rows concerned, not every visible one. Its
 * id, role, state and handlers come from `getOptionProps`. The accessible name is the connector's name (the avatar,
 * the badges and the reason are hidden from it); the badges and the reason, visible, are the description.
 */
const OptionRow = memo(function OptionRow({
  result,
  index,
  active,
  selected,
  start,
  size,
  locale,
  labels,
  classNames,
  getLogoUrl,
  getOptionProps,
}: OptionRowProps) {
  const { connector, disabled } = result;
  const kinds = connectorBadgeKinds(connector, disabled);
  const props = getOptionProps({ index, result });
  const id = props.id ?? '';
  const badgesId = `${id}-badges`;
  const reasonId = `${id}-reason`;
  const describedBy = cx(kinds.length > 0 && badgesId, disabled && reasonId) || undefined;
  return (
    // Not focusable on purpose (see `connectorOptionProps`): the focus stays in the search input.
    <div
      {...props}
      aria-describedby={describedBy}
      data-active={active || undefined}
      data-index={index}
      className={cx('ck-list__option', classNames.option)}
      style={rowStyle(start, size)}
    >
      <ConnectorAvatar
        connector={connector}
        size={32}
        locale={locale}
        getLogoUrl={getLogoUrl}
        className={cx('ck-list__avatar', classNames.avatar)}
      />
      <span className={cx('ck-list__text', classNames.text)}>
        <span className="ck-list__line">
          {/* Names are data, in any script: their direction comes from their own text. */}
          <span dir="auto" className={cx('ck-list__name', classNames.name)}>
            <Highlight
              text={connector.name}
              ranges={result.matches}
              markClassName={cx('ck-list__mark', classNames.mark)}
            />
          </span>
          {kinds.length > 0 ? (
            <span id={badgesId} aria-hidden="true" className={cx('ck-list__badges', classNames.badges)}>
              {kinds.map((kind) => (
                <ConnectorBadge key={kind} kind={kind} label={labels.badges[kind]} className={classNames.badge} />
              ))}
            </span>
          ) : null}
        </span>
        {disabled ? (
          <span id={reasonId} aria-hidden="true" className={cx('ck-list__reason', classNames.reason)}>
            {labels.restrictedReason}
          </span>
        ) : null}
      </span>
      {selected ? <CheckIcon size={20} className={cx('ck-list__check', classNames.check)} /> : null}
    </div>
  );
});

function ConnectorListImpl({
  results,
  popularCount = 0,
  matchCount,
  activeIndex = -1,
  activeSource,
  value = null,
  getOptionProps,
  onSelect,
  onActiveIndexChange,
  id,
  getOptionId,
  'aria-label': ariaLabel,
  'aria-labelledby': ariaLabelledBy,
  empty,
  announce = true,
  announceDelay = DEFAULT_ANNOUNCE_DELAY,
  rowHeight = DEFAULT_ROW_HEIGHT,
  overscan = DEFAULT_OVERSCAN,
  getLogoUrl,
  locale: localeProp,
  dir,
  messages: messagesProp,
  className,
  classNames = NO_CLASS_NAMES,
}: ConnectorListProps) {
  const { locale, dir: direction, messages } = useLocale({ locale: localeProp, dir, messages: messagesProp });
  const generatedId = useId();
  const listboxId = id ?? `ck-list${generatedId}`;
  const optionId = useCallback(
    (index: number) => (getOptionId ? getOptionId(index) : `${listboxId}-option-${index}`),
    [getOptionId, listboxId],
  );

  const count = results.length;
  const layout = useMemo(() => createLayout(count, popularCount), [count, popularCount]);
  const grouped = layout.headingRows.length > 0;
  const activeRow = activeIndex >= 0 && activeIndex < count ? layout.rowOf(activeIndex) : -1;

  const scrollRef = useRef<HTMLDivElement>(null);
  const restrictedHeight = rowHeight + RESTRICTED_EXTRA;
  const rowSize = useCallback(
    (row: number) => {
      const index = layout.optionAt(row);
      if (index < 0) return HEADING_HEIGHT;
      return results[index]?.disabled ? restrictedHeight : rowHeight;
    },
    [layout, results, rowHeight, restrictedHeight],
  );
  // Headings stay rendered (they label the groups), and so does the active option (aria-activedescendant must point
  // at an element), even when scrolled away.
  const extraRows = activeRow >= 0 ? [...layout.headingRows, activeRow] : layout.headingRows;
  const { rows, totalSize, scrollToRow, scrollToOffset } = useVirtualRows({
    count: layout.rowCount,
    rowSize,
    scrollRef,
    overscan,
    extraRows,
  });

  // The pointer moved onto this option: it is visible already, do not scroll.
  const pointerIndex = useRef(-1);
  // Without `getOptionProps`, the options' props come from the list's own callbacks, through a getter as stable.
  const latest = useRef({ optionId, value, onSelect, onActiveIndexChange, activeIndex });
  latest.current = { optionId, value, onSelect, onActiveIndexChange, activeIndex };
  const ownOptionProps = useCallback<GetOptionProps>(
    ({ index, result, ...props }) =>
      connectorOptionProps(
        {
          id: latest.current.optionId(index),
          selected: latest.current.value !== null && result.connector.uuid === latest.current.value,
          disabled: result.disabled,
          onPick: () => {
            if (!result.disabled) latest.current.onSelect?.(result, index);
          },
          onPointerMove: () => {
            if (index === latest.current.activeIndex) return;
            pointerIndex.current = index;
            latest.current.onActiveIndexChange?.(index);
          },
        },
        props,
      ),
    [],
  );
  const optionProps = getOptionProps ?? ownOptionProps;

  useEffect(() => {
    if (activeRow < 0) return;
    if (activeSource === 'pointer' || activeIndex === pointerIndex.current) {
      pointerIndex.current = -1;
      return;
    }
    pointerIndex.current = -1;
    // The first option: show its group heading too.
    if (activeIndex === 0) scrollToOffset(0);
    else scrollToRow(activeRow);
  }, [activeIndex, activeSource, activeRow, scrollToOffset, scrollToRow]);

  // New results start at the top, unless they keep every option shown in its place and only add more after them (a
  // long list's first results, then all of them): then the list stays where the person scrolled it.
  const shown = useRef({ results, popularCount });
  useEffect(() => {
    const previous = shown.current;
    shown.current = { results, popularCount };
    if (previous.results === results) return;
    if (popularCount === previous.popularCount && extendsResults(previous.results, results)) return;
    scrollToOffset(0);
  }, [results, popularCount, scrollToOffset]);

  const announced = useSettledAnnouncement(
    messages.picker.resultCount(matchCount ?? count - Math.max(0, popularCount)),
    announce ? announceDelay : null,
  );

  const headingIds = [`${listboxId}-popular`, `${listboxId}-all`] as const;
  const groups: ReactNode[][] = grouped ? [[], []] : [[]];
  for (const item of rows) {
    const index = layout.optionAt(item.row);
    const group = grouped && item.row >= (layout.headingRows[1] ?? 0) ? 1 : 0;
    if (index < 0) {
      groups[group]?.push(
        <div
          key={item.key}
          id={headingIds[group]}
          className={cx('ck-list__heading', classNames.groupHeading)}
          style={rowStyle(item.start, item.size)}
        >
          {group === 0 ? messages.picker.popularHeading : messages.picker.allHeading}
        </div>,
      );
      continue;
    }
    const result = results[index];
    if (result === undefined) continue;
    const rowGroup = grouped && index >= popularCount ? 1 : 0;
    groups[rowGroup]?.push(
      <OptionRow
        key={item.key}
        result={result}
        index={index}
        active={index === activeIndex}
        selected={value !== null && result.connector.uuid === value}
        start={item.start}
        size={item.size}
        locale={locale}
        labels={messages.picker}
        classNames={classNames}
        getLogoUrl={getLogoUrl}
        getOptionProps={optionProps}
      />,
    );
  }

  return (
    <div className={cx('ck ck-list', className, classNames.root)} dir={direction}>
      <div
        ref={scrollRef}
        id={listboxId}
        role="listbox"
        aria-label={ariaLabelledBy ? undefined : (ariaLabel ?? messages.picker.listLabel)}
        aria-labelledby={ariaLabelledBy}
        hidden={count === 0}
        className={cx('ck-list__listbox', classNames.listbox)}
        onMouseDown={keepFocus}
      >
        <div className="ck-list__sizer" style={{ height: `${totalSize}px` }}>
          {grouped
            ? groups.map((options, group) => (
                // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox, not of form fields
                <div
                  key={headingIds[group]}
                  role="group"
                  aria-labelledby={headingIds[group]}
                  className={cx('ck-list__group', classNames.group)}
                >
                  {options}
                </div>
              ))
            : groups[0]}
        </div>
      </div>
      {count === 0 && empty !== undefined && empty !== null ? (
        <div className={cx('ck-list__empty', classNames.empty)}>{empty}</div>
      ) : null}
      {announce ? (
        <div
          role="status"
          aria-live="polite"
          aria-atomic="true"
          className={cx('ck-visually-hidden', classNames.status)}
        >
          {announced}
        </div>
      ) : null}
    </div>
  );
}

function sameProps(previous: ConnectorListProps, next: ConnectorListProps): boolean {
  for (const key of Object.keys({ ...previous, ...next }) as (keyof ConnectorListProps)[]) {
    if (key === 'classNames') {
      if (!shallowEqual(previous.classNames, next.classNames)) return false;
    } else if (!Object.is(previous[key], next[key])) {
      return false;
    }
  }
  return true;
}

/**
 * The list of connectors of a picker: a virtualized `role="listbox"` that renders only the rows in view (plus a few),
 * so that 20,000 connectors scroll as smoothly as 20. Presentational: results in, events out; pair it with
 * `useConnectorSearch` (pass `activeIndex`, `value`, `getOptionId`, and the listbox id as `id`) or use
 * `ConnectorPicker`, which does.
 *
 * Each option shows the connector's avatar (its logo when `getLogoUrl` gives one, else its initials), its name with the matched text in `<mark>`, its badges (beta, unstable,
 * restricted) and, for a restricted connector, the reason it cannot be picked; the name is the option's accessible
 * name, the badges and reason its description. The result count is announced in a polite live region once it stops
 * changing. Rows have a fixed height (`rowHeight`), so nothing is measured while scrolling.
 */
// Typed by its props alone, so that the declaration names no internal function.
export const ConnectorList: NamedExoticComponent<ConnectorListProps> = memo(ConnectorListImpl, sameProps);
