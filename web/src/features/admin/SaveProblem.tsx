import { useTranslation } from 'react-i18next';
import type { FormProblem } from './formProblem.ts';

/**
 * Why a save failed, next to the form: what it means for a conflict, then the API's own
 * `detail` (in English, hence `dir="auto"`).
 */
export function SaveProblem({ problem, conflict, testId }: { problem: FormProblem; conflict: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="panel-error admin-problem" data-testid={testId} data-status={problem.status ?? undefined}>
      {problem.status === 409 && <p>{conflict}</p>}
      <p>{t('admin.failed')}</p>
      <p dir="auto" data-testid={`${testId}-detail`}>
        {problem.detail}
      </p>
    </div>
  );
}
