// A form-level error under the form; role=alert reads it out as soon as it appears.
export function FormError({ id, message }: { id: string; message: string | null }) {
  return (
    <div id={id} class={message ? 'form-error' : 'form-error-empty'} role="alert">
      {message && (
        <p>
          <span aria-hidden="true">⚠ </span>
          {message}
        </p>
      )}
    </div>
  );
}
