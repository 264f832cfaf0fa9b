import { useTranslation } from 'react-i18next';
import type { Screen } from '../../url/planViewState.ts';
import { useSession } from '../account/useSession.ts';

const ENTRIES = [
  { screen: 'obstacles', icon: '⚑' },
  { screen: 'meetings', icon: '☷' },
] as const;

/**
 * The header's ways into the obstacles and meetings screens, and back to the map from them, for
 * anyone signed in (the ministry, engineers, donors: the API scopes what each sees). Visitors see
 * none: obstacles are not shown to them.
 */
export function MinisterEntries({ screen, onScreenChange }: { screen: Screen; onScreenChange: (screen: Screen) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.data === null || session.data === undefined) return null;
  return ENTRIES.map((entry) => {
    const here = screen === entry.screen;
    return (
      <button
        key={entry.screen}
        type="button"
        className="plans-entry"
        title={t(here ? 'ministerEntry.backToMapLabel' : `ministerEntry.${entry.screen}Label`)}
        onClick={() => onScreenChange(here ? 'map' : entry.screen)}
        data-testid={`${entry.screen}-entry`}
        data-screen={screen}
      >
        <span aria-hidden="true">{here ? '◧' : entry.icon}</span> {t(here ? 'ministerEntry.backToMap' : `ministerEntry.${entry.screen}`)}
      </button>
    );
  });
}
