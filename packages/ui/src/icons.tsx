/** Small decorative icons shared by the components; hidden from assistive technology. */
interface IconProps {
  /** Side in CSS pixels. */
  size: number;
  className?: string | undefined;
}

function Icon({ size, className, d }: IconProps & { d: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width={size} height={size} className={className}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export const CheckIcon = (props: IconProps) => <Icon {...props} d="M4 10.5l4 4 8-9" />;
export const ChevronIcon = (props: IconProps) => <Icon {...props} d="M5 7.5l5 5 5-5" />;
