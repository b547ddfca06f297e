import type { Connector } from '@connector-kit/core';
import type { ComponentPropsWithoutRef } from 'react';
import { cx } from '../class-names.ts';
import { NEUTRAL_BACKGROUND, parseBrandColor, readableTextColor } from './color.ts';
import { initialsOf } from './initials.ts';

export interface ConnectorAvatarProps extends Omit<ComponentPropsWithoutRef<'svg'>, 'children' | 'color'> {
  connector: Pick<Connector, 'name' | 'color'>;
  /** Side in CSS pixels (default 32). */
  size?: number;
  locale?: string;
}

/**
 * The connector's initials on its branding color. Decorative: the name is always written beside it.
 * Colors go through SVG attributes after validation, never through a style.
 */
export function ConnectorAvatar({ connector, size = 32, locale, className, ...rest }: ConnectorAvatarProps) {
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
