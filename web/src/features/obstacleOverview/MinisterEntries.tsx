import { useTranslation } from 'react-i18next';
import type { Screen } from '../../url/planViewState.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { ministerEntryMessages } from './entryMessages.ts';

const ENTRIES = [
  { screen: 'obstacles', icon: '⚑' },
  { screen: 'meetings', icon: '☷' },
] as const;

/**
 * The header's ways into the obstacles and meetings screens, and back to the map from them, for
 * anyone signed in (the ministry, engineers, donors: the API scopes what each sees). The header
 * loads them, with their strings, only for a signed-in user (obstacles are not shown to visitors),
 * or to lead a visitor who arrived on one of the screens back to the map.
 */
export default function MinisterEntries({ screen, signedIn, onScreenChange }: { screen: Screen; signedIn: boolean; onScreenChange: (screen: Screen) => void }) {
  useMessages('ministerEntry', ministerEntryMessages);
  const { t } = useTranslation();
  // Signed out on one of these screens (an address shared, or a sign-out there): only the way back to the map.
  return ENTRIES.filter((entry) => signedIn || entry.screen === screen).map((entry) => {
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
