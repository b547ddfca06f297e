import type { Connector } from '@connector-kit/core';
import { type GetLogoUrl, useConnectorLogoUrl } from '@connector-kit/react';
import { type ComponentPropsWithoutRef, useCallback, useState } from 'react';
import { cx } from '../class-names.ts';
import { NEUTRAL_BACKGROUND, parseBrandColor, readableTextColor } from './color.ts';
import { initialsOf } from './initials.ts';

export interface ConnectorAvatarProps extends Omit<ComponentPropsWithoutRef<'svg'>, 'children' | 'color'> {
  /** The connector; its logo is asked for only when it has a `uuid`. */
  connector: Pick<Connector, 'name' | 'color'> & { uuid?: string | undefined };
  /** Side in CSS pixels (default 32). */
  size?: number;
  locale?: string;
  /**
   * The address of the connector's logo (see `useConnectorLogoUrl`): the `ConnectorsProvider`'s `getLogoUrl` when
   * absent, no logo with `null`.
   */
  getLogoUrl?: GetLogoUrl | null | undefined;
}

/**
 * Logos that failed to load. A list renders a row again each time it scrolls back into view: the initials then show
 * at once, with no second request and no flash of an empty image.
 */
const failedLogos = new Set<string>();
const FAILED_LOGOS_SIZE = 1_000;

function rememberFailure(url: string): void {
  if (failedLogos.size >= FAILED_LOGOS_SIZE) failedLogos.clear();
  failedLogos.add(url);
}

/**
 * The connector's logo when there is an address for it (`getLogoUrl`), else its initials on its branding color; the
 * initials also stand in for a logo that fails to load. Either way a box of `size` × `size`, so nothing moves when
 * one replaces the other. Decorative: the name is always written beside it. Colors go through SVG attributes after
 * validation, never through a style; a logo address is used only when it is http(s) or on the page's origin.
 */
export function ConnectorAvatar({
  connector,
  size = 32,
  locale,
  getLogoUrl,
  className,
  ...rest
}: ConnectorAvatarProps) {
  const logoUrl = useConnectorLogoUrl(connector, getLogoUrl);
  // The address that failed here, so that this avatar renders its initials at once.
  const [failed, setFailed] = useState<string | null>(null);
  const fail = useCallback(() => {
    if (logoUrl === null) return;
    rememberFailure(logoUrl);
    setFailed(logoUrl);
  }, [logoUrl]);
  // An image that failed before React could listen (server rendering, a broken image in the memory cache).
  const checkLoaded = useCallback(
    (image: HTMLImageElement | null) => {
      if (image?.complete && image.naturalWidth === 0) fail();
    },
    [fail],
  );

  if (logoUrl !== null && logoUrl !== failed && !failedLogos.has(logoUrl)) {
    return (
      <img
        // Another connector's address is another element: a row reused while scrolling never shows the last logo.
        key={logoUrl}
        ref={checkLoaded}
        src={logoUrl}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        className={cx('ck-avatar ck-avatar--logo', className)}
        onError={fail}
        // The attributes both elements take (class, id, data-*, aria-*); the svg ones are ignored by an image.
        {...(rest as ComponentPropsWithoutRef<'img'>)}
      />
    );
  }

  const background = parseBrandColor(connector.color) ?? NEUTRAL_BACKGROUND;
  const initials = initialsOf(connector.name, locale);
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 40 40"
      className={cx('ck-avatar', className)}
      data-initials={initials}
      {...rest}
    >
      <rect width="40" height="40" rx="10" fill={background} />
      <text
        x="20"
        y="20"
        dy="0.35em"
        textAnchor="middle"
        fill={readableTextColor(background)}
        fontSize={initials.length > 1 ? 15 : 18}
        fontWeight="600"
        fontFamily="inherit"
      >
        {initials}
      </text>
    </svg>
  );
}
