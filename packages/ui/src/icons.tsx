/** Small decorative icons shared by the components: round strokes in `currentColor`, hidden from assistive technology. */
interface IconProps {
  /** Side in CSS pixels. */
  size: number;
  className?: string | undefined;
}

/** One stroked path on a 20 × 20 grid (24 × 24 for `grid={24}`). */
function Icon({ size, className, d, grid = 20 }: IconProps & { d: string; grid?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 ${grid} ${grid}`}
      width={size}
      height={size}
      className={className}
    >
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export const CheckIcon = (props: IconProps) => <Icon {...props} d="M4 10.5l4 4 8-9" />;
export const ChevronIcon = (props: IconProps) => <Icon {...props} d="M5 7.5l5 5 5-5" />;
export const SearchIcon = (props: IconProps) => (
  <Icon {...props} d="M14 8.5a5.5 5.5 0 1 1-11 0 5.5 5.5 0 0 1 11 0M13 13l4.5 4.5" />
);
export const CrossIcon = (props: IconProps) => <Icon {...props} d="M5 5l10 10M15 5L5 15" />;
/** An arrow out of a box: the action opens another site. */
export const ExternalIcon = (props: IconProps) => (
  <Icon {...props} d="M11.25 3.75h5v5M16.25 3.75l-7.5 7.5M13.75 11.9v4.35h-10v-10h4.4" />
);
/** An eye, struck through when `crossed`. */
export const EyeIcon = ({ crossed, ...props }: IconProps & { crossed: boolean }) => (
  <Icon
    {...props}
    grid={24}
    d={`M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zM15 12a3 3 0 1 1-6 0 3 3 0 0 1 6 0${crossed ? 'M4 20L20 4' : ''}`}
  />
);
