import { useTranslation } from 'react-i18next';
import type { Screen } from '../../url/planViewState.ts';
import './plansEntry.css';

/** The header's way into the plans matrix, and back to the map from it. */
export function PlansEntry({ screen, onScreenChange }: { screen: Screen; onScreenChange: (screen: Screen) => void }) {
  const { t } = useTranslation();
  const onPlans = screen === 'plans';
  return (
    <button
      type="button"
      className="plans-entry"
      title={t(onPlans ? 'plansEntry.backToMapLabel' : 'plansEntry.openLabel')}
      onClick={() => onScreenChange(onPlans ? 'map' : 'plans')}
      data-testid="plans-entry"
      data-screen={screen}
    >
      <span aria-hidden="true">{onPlans ? '◧' : '▦'}</span> {t(onPlans ? 'plansEntry.backToMap' : 'plansEntry.open')}
    </button>
  );
}
