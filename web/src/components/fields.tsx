// Copyright 2026 The onestory Authors. SPDX-License-Identifier: Apache-2.0
//
// Form fields with a visible label, an optional hint and an error, all tied
// to the control for assistive technology.
import type { ComponentChildren } from 'preact';

interface Common {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  optional?: string;
}

function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Frame({ id, label, hint, error, optional, children }: Common & { children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field-error' : ''}`}>
      <label for={id}>
        {label}
        {optional && <span class="optional"> {optional}</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

type InputProps = Common & {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'password' | 'search' | 'date';
  autoComplete?: string;
  autoCapitalize?: 'none' | 'off';
  spellcheck?: boolean;
  required?: boolean;
  maxLength?: number;
};

export function TextField({ id, label, hint, error, optional, value, onValue, type = 'text', ...rest }: InputProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        id={id}
        name={id}
        // Preact types each input type separately; these four take the same attributes.
        type={type as 'text'}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </Frame>
  );
}

type SelectProps = Common & {
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
  required?: boolean;
  disabled?: boolean;
};

export function SelectField({ id, label, hint, error, optional, value, onValue, options, required, disabled }: SelectProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        disabled={disabled}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
