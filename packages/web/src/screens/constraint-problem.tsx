import type { ApiError } from '../api/client.js';

/** A refusal in words; a stale edit (412) is explained with a reload, never overwritten silently. */
export function Problem({ error, reload }: { error: ApiError; reload: () => void }) {
  if (error.status === 412) {
    return (
      <div className="error-box" role="alert">
        <p>Someone else changed this constraint after you opened it, so your change was not saved.</p>
        <button type="button" onClick={reload}>Reload to see their change</button>
      </div>
    );
  }
  return <p className="error-box" role="alert">{error.problem.detail}</p>;
}

/** The server's message for a field (or any of its items, e.g. `dependsOn.2`), to show beside that field. */
export function fieldMessage(error: ApiError | null, path: string): string | undefined {
  return error?.problem.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
}

/** Props that tie an input to its server error: aria-invalid and aria-describedby when there is one. */
export function invalidProps(message: string | undefined, errorId: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return message ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
}

/** The server's message beside a field, with the id its input points to. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? <p id={id} className="field-error">{message}</p> : null;
}
