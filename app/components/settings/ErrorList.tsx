/** A form's refusals, one per line, announced to screen readers. */
export function ErrorList({ errors, testId }: { errors: readonly string[]; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <ul className="form-errors" role="alert" data-testid={testId}>
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
