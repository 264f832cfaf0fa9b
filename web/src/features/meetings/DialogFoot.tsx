import type { ReactNode } from 'react';

/** The foot every meeting dialog shares: what went wrong (said, not thrown) and the submit button. */
export function DialogFoot({ banner, sending, testId, label }: { banner: string | null; sending: boolean; testId: string; label: ReactNode }) {
  return (
    <>
      {banner !== null && (
        <p className="panel-error" role="alert" data-testid={`${testId}-failure`}>
          {banner}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary-button" disabled={sending} data-testid={`${testId}-submit`}>
          {label}
        </button>
      </div>
    </>
  );
}
