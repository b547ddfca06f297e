import { type Connector, countConnectorsByCountry } from '@connector-kit/core';
import { resolveDefaultCountry, useControllableState } from '@connector-kit/react';
import * as Select from '@radix-ui/react-select';
import {
  memo,
  type NamedExoticComponent,
  startTransition,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import { cx } from '../class-names.ts';
import { type LocaleOptions, useLocale } from '../i18n/context.tsx';
import { CheckIcon, ChevronIcon } from '../icons.tsx';

/** Extra classes for each part, added to the built-in `ck-country-select__*` ones. */
export interface CountrySelectClassNames {
  root?: string | undefined;
  label?: string | undefined;
  trigger?: string | undefined;
  value?: string | undefined;
  icon?: string | undefined;
  /** The pop-up list. */
  content?: string | undefined;
  viewport?: string | undefined;
  item?: string | undefined;
  itemText?: string | undefined;
  /** The number of connectors beside a country. */
  itemCount?: string | undefined;
  itemIndicator?: string | undefined;
  scrollButton?: string | undefined;
}

export interface CountrySelectProps extends LocaleOptions {
  /** The connectors to count per country (fetched with the `countries` expand). */
  connectors?: readonly Connector[] | null | undefined;
  /** Or the counts themselves, by upper-case ISO 3166-1 alpha-2 code (see `countConnectorsByCountry`). */
  counts?: ReadonlyMap<string, number> | undefined;
  /** The count shown beside "All countries"; the number of visible `connectors` by default. */
  total?: number | undefined;
  /** The chosen country, `null` for every country. Controlled when not `undefined`. */
  countryCode?: string | null | undefined;
  /**
   * The first country when uncontrolled. When absent: the region of the browser's language if it has connectors,
   * else every country.
   */
  defaultCountryCode?: string | null | undefined;
  onCountryCodeChange?: ((countryCode: string | null) => void) | undefined;
  /** Id of the trigger button (the visible label points at it); generated when absent. */
  id?: string | undefined;
  disabled?: boolean | undefined;
  /** Name of the hidden native select, when inside a form. */
  name?: string | undefined;
  className?: string | undefined;
  classNames?: CountrySelectClassNames | undefined;
}

/** Radix Select needs a non-empty value for "every country"; no ISO code looks like this. */
const ALL = '*';
const NO_CLASS_NAMES: CountrySelectClassNames = {};

/** How much of the pop-up is rendered: nothing, its frame, or its frame and options. */
type Popup = 'none' | 'frame' | 'options';

interface CountryOption {
  code: string;
  name: string;
  count: number;
}

/**
 * The name of a region in `locale`. The region names are loaded on the first call (loading them costs more than
 * rendering the picker's first rows, and a select set to every country needs none before it opens).
 */
function regionNames(locale: string): (code: string) => string {
  let names: Intl.DisplayNames | null | undefined;
  return (code) => {
    if (names === undefined) {
      try {
        names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
      } catch {
        names = null; // No region names in this runtime: codes it is.
      }
    }
    try {
      return names?.of(code) ?? code;
    } catch {
      // Not a well-formed region code: show it as it is.
      return code;
    }
  };
}

function collatorFor(locale: string): Intl.Collator {
  try {
    return new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  } catch {
    return new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  }
}

function CountrySelectImpl({
  connectors,
  counts: countsProp,
  total: totalProp,
  countryCode,
  defaultCountryCode,
  onCountryCodeChange,
  id,
  disabled,
  name,
  locale: localeProp,
  dir,
  messages: messagesProp,
  className,
  classNames = NO_CLASS_NAMES,
}: CountrySelectProps) {
  const { locale, dir: direction, messages } = useLocale({ locale: localeProp, dir, messages: messagesProp });
  const counts = useMemo(
    () => countsProp ?? (connectors ? countConnectorsByCountry(connectors) : new Map<string, number>()),
    [countsProp, connectors],
  );
  const total = useMemo(
    () => totalProp ?? connectors?.filter((connector) => connector.hidden !== true).length,
    [totalProp, connectors],
  );

  // `undefined` until someone chooses: the default then follows the data as it arrives.
  const [chosen, setChosen] = useControllableState<string | null | undefined>({
    value: countryCode,
    defaultValue: undefined,
    onChange: (next) => onCountryCodeChange?.(next ?? null),
  });
  const current = chosen !== undefined ? chosen : resolveDefaultCountry({ defaultCountryCode, available: counts });

  const generatedId = useId();
  const triggerId = id ?? `ck-country${generatedId}`;
  const labelId = `${triggerId}-label`;

  // The pop-up is rendered inside this component, so that it inherits the theme, the font and the direction.
  const [container, setContainer] = useState<HTMLDivElement | null>(null);

  const handleChange = useCallback((next: string) => setChosen(next === ALL ? null : next), [setChosen]);

  // The pop-up is rendered after the first paint (or on opening, whichever comes first): a page with a picker shows
  // its list sooner, and the closed select names its value itself (below). First its frame, then its options in a
  // transition: Radix renders a closed pop-up's options into a fragment that it creates in a layout effect, so options
  // mounted with the frame are rendered again at once, in one long task, instead of in slices.
  const [popup, setPopup] = useState<Popup>('none');
  useEffect(() => {
    if (popup === 'options') return;
    if (popup === 'frame') {
      startTransition(() => setPopup('options'));
      return;
    }
    // A task queued from an animation frame runs after that frame is painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPopup('frame'));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [popup]);
  const handleOpenChange = useCallback((open: boolean) => {
    if (open) setPopup('options');
  }, []);
  const nameOf = useMemo(() => regionNames(locale), [locale]);
  const options = useMemo<CountryOption[]>(() => {
    if (popup !== 'options') return [];
    // A code from the data that reads like "every country" is not a country: it would shadow that option.
    const list: CountryOption[] = [...counts]
      .filter(([code]) => code !== ALL)
      .map(([code, count]) => ({ code, name: nameOf(code), count }));
    // A chosen country without connectors stays visible, with 0.
    if (current !== null && current !== ALL && !counts.has(current)) {
      list.push({ code: current, name: nameOf(current), count: 0 });
    }
    const collator = collatorFor(locale);
    return list.sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  }, [popup, counts, current, locale, nameOf]);

  const currentLabel = current === null || current === ALL ? messages.picker.allCountries : nameOf(current);

  const item = (code: string, label: string, count: number | undefined) => {
    const countText = count === undefined ? undefined : messages.picker.countryCount(count);
    return (
      <Select.Item
        key={code}
        value={code}
        // The count belongs in the accessible name, not only the country.
        aria-labelledby={undefined}
        aria-label={countText ? `${label}, ${countText}` : label}
        className={cx('ck-country-select__item', classNames.item)}
      >
        {/* Radix copies ItemText into the trigger and drops its class: the class goes on a wrapper. */}
        <span className={cx('ck-country-select__item-text', classNames.itemText)}>
          <Select.ItemText>{label}</Select.ItemText>
        </span>
        {countText ? (
          <span className={cx('ck-country-select__count', classNames.itemCount)} aria-hidden="true" dir="auto">
            {countText}
          </span>
        ) : null}
        <Select.ItemIndicator className={cx('ck-country-select__indicator', classNames.itemIndicator)}>
          <CheckIcon size={16} />
        </Select.ItemIndicator>
      </Select.Item>
    );
  };

  return (
    <div ref={setContainer} className={cx('ck ck-country-select', className, classNames.root)} dir={direction}>
      <label id={labelId} htmlFor={triggerId} className={cx('ck-country-select__label', classNames.label)}>
        {messages.picker.countryLabel}
      </label>
      <Select.Root
        value={current ?? ALL}
        onValueChange={handleChange}
        onOpenChange={handleOpenChange}
        dir={direction}
        disabled={disabled}
        name={name}
      >
        <Select.Trigger
          id={triggerId}
          aria-labelledby={labelId}
          className={cx('ck-country-select__trigger', classNames.trigger)}
        >
          <Select.Value className={cx('ck-country-select__value', classNames.value)}>{currentLabel}</Select.Value>
          <Select.Icon className={cx('ck-country-select__icon', classNames.icon)}>
            <ChevronIcon size={20} />
          </Select.Icon>
        </Select.Trigger>
        {popup !== 'none' ? (
          <Select.Portal container={container}>
            <Select.Content
              position="popper"
              sideOffset={4}
              collisionPadding={8}
              className={cx('ck-country-select__content', classNames.content)}
            >
              <Select.ScrollUpButton className={cx('ck-country-select__scroll', classNames.scrollButton)}>
                <ChevronIcon size={20} />
              </Select.ScrollUpButton>
              <Select.Viewport className={cx('ck-country-select__viewport', classNames.viewport)}>
                {popup === 'options' ? item(ALL, messages.picker.allCountries, total) : null}
                {options.map((option) => item(option.code, option.name, option.count))}
              </Select.Viewport>
              <Select.ScrollDownButton className={cx('ck-country-select__scroll', classNames.scrollButton)}>
                <ChevronIcon size={20} />
              </Select.ScrollDownButton>
            </Select.Content>
          </Select.Portal>
        ) : null}
      </Select.Root>
    </div>
  );
}

/**
 * A country filter on Radix Select: "All countries" first, then every country that has connectors, named in the UI
 * locale (`Intl.DisplayNames`) and sorted by its collation, each with its number of connectors (shown, and part of the
 * option's accessible name).
 *
 * Without a `countryCode` or `defaultCountryCode`, it starts on the region of the browser's language when that country has
 * connectors, else on every country (see `resolveDefaultCountry`).
 */
// Typed by its props alone, so that the declaration names no internal function.
export const CountrySelect: NamedExoticComponent<CountrySelectProps> = memo(CountrySelectImpl);
