import type { ReactNode } from 'react';

/**
 * A switch that is a native checkbox (`role="switch"`): focusable, toggled with the space key, named
 * by its label and described by its hint — antd-mobile's Switch is a div a keyboard cannot reach.
 */
export const Toggle = ({
  id,
  label,
  checked,
  onChange,
  disabled = false,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: ReactNode;
}) => (
  <div className="qs-toggle-row">
    <label className="qs-toggle" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        disabled={disabled}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
    </label>
    {hint !== undefined && (
      <p id={`${id}-hint`} className="qs-meta qs-toggle-hint">
        {hint}
      </p>
    )}
  </div>
);
