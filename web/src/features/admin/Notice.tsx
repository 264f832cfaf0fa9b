/** What the last save did, announced politely (the form it came from has closed). */
export function Notice({ message, testId }: { message: string | null; testId: string }) {
  return (
    <div aria-live="polite" role="status">
      {message !== null && (
        <p className="form-success" data-testid={testId}>
          {message}
        </p>
      )}
    </div>
  );
}
