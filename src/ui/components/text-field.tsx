// A labelled input with an optional hint and error, wired with aria-describedby and aria-invalid.
import type { JSX } from 'preact';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password';
  hint?: string | undefined;
  error?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onInput, hint, error } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const handleInput = (event: JSX.TargetedEvent<HTMLInputElement>) => onInput(event.currentTarget.value);

  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      <input
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={value}
        onInput={handleInput}
        autoComplete={props.autoComplete}
        required={props.required}
        maxLength={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        spellcheck={false}
        autoCapitalize="off"
      />
    </div>
  );
}
