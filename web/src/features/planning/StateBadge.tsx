import { useTranslation } from 'react-i18next';
import type { PeriodState } from './returnPeriods.ts';

/** Where a return stands, as a word with its mark: never by colour alone. */
export function StateBadge({ state }: { state: PeriodState }) {
  const { t } = useTranslation();
  return (
    <span className="planning-state" data-state={state}>
      {t(`planning.state.${state}`)}
    </span>
  );
}
