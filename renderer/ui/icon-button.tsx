import type { LucideIcon } from 'lucide-react';

/**
 * A button showing an icon and, for sighted and screen-reader users alike, its label: as the
 * accessible name and as a tooltip; `pressed` makes it a toggle (aria-pressed), `showLabel` writes
 * the label beside the icon.
 */
export function IconButton({
  icon: Icon,
  label,
  onClick,
  pressed,
  disabled,
  showLabel = false,
}: {
  icon: LucideIcon;
  label: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  showLabel?: boolean;
}) {
  return (
    <button
      type="button"
      className={`pd-icon-button${showLabel ? ' with-label' : ''}`}
      aria-label={showLabel ? undefined : label}
      aria-pressed={pressed}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon className="pd-icon" aria-hidden="true" strokeWidth={1.75} />
      {showLabel ? <span>{label}</span> : null}
    </button>
  );
}
