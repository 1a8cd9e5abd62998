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
  type?: 'text' | 'password' | 'search' | 'date' | 'time';
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

type TextAreaProps = Common & {
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  maxLength?: number;
  spellcheck?: boolean;
};

export function TextAreaField({ id, label, hint, error, optional, value, onValue, rows = 4, ...rest }: TextAreaProps) {
  return (
    <Frame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        value={value}
        onInput={(e) => onValue((e.currentTarget as HTMLTextAreaElement).value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </Frame>
  );
}

// A group of checkboxes under one question (a fieldset and its legend).
type CheckboxesProps = {
  id: string;
  legend: string;
  hint?: string;
  error?: string | null;
  options: { value: string; label: string; hint?: string; class?: string }[];
  values: readonly string[];
  onValues: (values: string[]) => void;
  small?: boolean;
};

export function CheckboxesField({ id, legend, hint, error, options, values, onValues, small }: CheckboxesProps) {
  const toggle = (value: string, on: boolean) =>
    onValues(on ? [...values.filter((v) => v !== value), value] : values.filter((v) => v !== value));
  return (
    <fieldset
      id={id}
      class={`field checkboxes${small ? ' checkboxes-small' : ''}${error ? ' field-error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
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
      {options.map((o) => {
        const optionId = `${id}-${o.value}`;
        return (
          <div class={`checkbox${o.class ? ` ${o.class}` : ''}`} key={o.value}>
            <input
              type="checkbox"
              id={optionId}
              name={id}
              value={o.value}
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)}
              aria-describedby={o.hint ? `${optionId}-hint` : undefined}
            />
            <label for={optionId}>{o.label}</label>
            {o.hint && (
              <span class="checkbox-hint" id={`${optionId}-hint`}>
                {o.hint}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChecked,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChecked: (on: boolean) => void;
}) {
  return (
    <div class="field checkbox">
      <input
        type="checkbox"
        id={id}
        name={id}
        checked={checked}
        onChange={(e) => onChecked((e.currentTarget as HTMLInputElement).checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label for={id}>{label}</label>
      {hint && (
        <span class="checkbox-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
