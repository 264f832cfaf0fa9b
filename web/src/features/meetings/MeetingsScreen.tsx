import type { SessionUser } from '@marsad/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreenCountry } from '../../api/useScreenCountry.ts';
import { directionOf, type Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { useSession } from '../account/useSession.ts';
import { obstacleMessages } from '../obstacles/messages.ts';
import '../../ui/screen.css';
import '../obstacleOverview/obstacleOverview.css';
import { MeetingDetail } from './MeetingDetail.tsx';
import { MeetingTable } from './MeetingList.tsx';
import { isoDay, splitMeetings } from './meetingForms.ts';
import { useMeetings, useMeetingsChanged } from './meetingsApi.ts';
import { meetingsMessages } from './messages.ts';
import { NewMeetingDialog } from './NewMeetingDialog.tsx';
import { CountryField } from '../../ui/CountryField.tsx';
import './meetings.css';

/** Who creates meetings and records and closes decisions (api/src/access/obstacleAccess.ts MEETING_ORGANIZERS). */
const ORGANIZERS: readonly string[] = ['admin', 'minister', 'planner'];

/**
 * The meetings screen: a country's meetings, upcoming and past (level, date in both calendars,
 * whether the agenda froze, open and overdue decisions), a new meeting for organizers, and one
 * meeting's agenda and decisions. Its state lives in the address (`view=meetings&meeting=12`).
 */
export default function MeetingsScreen({
  country: chosen,
  meeting,
  language,
  user,
  onCountryChange,
  onOpenMeeting,
  onOpenProject,
  children,
}: {
  country: string | null;
  meeting: number | null;
  language: Language;
  user: SessionUser | null;
  onCountryChange: (country: string) => void;
  onOpenMeeting: (id: number | null) => void;
  onOpenProject: (id: number) => void;
  /** The project drawer, when a project is open. */
  children?: ReactNode;
}) {
  useMessages('obstacles', obstacleMessages);
  useMessages('meetings', meetingsMessages);
  const { t } = useTranslation();
  const session = useSession().data ?? null;
  const { country, choices } = useScreenCountry(chosen, user, language);
  const meetings = useMeetings(country, user !== null);
  const changed = useMeetingsChanged();
  const [creating, setCreating] = useState(false);
  const today = isoDay(new Date());
  const lists = useMemo(() => splitMeetings(meetings.data?.items ?? [], today), [meetings.data, today]);
  const organizer = user !== null && ORGANIZERS.includes(user.role);

  return (
    <main className="meetings-screen screen" id="meetings" tabIndex={-1} dir={directionOf(language)} data-testid="meetings-screen">
      <div className="screen-toolbar">
        <h2 className="screen-title">{t('meetings.title')}</h2>
        <CountryField label={t('meetings.country')} country={country} choices={choices} testId="meetings-country" onChange={onCountryChange} />
        {organizer && country !== null && (
          <button type="button" className="primary-button" onClick={() => setCreating(true)} data-testid="new-meeting">
            {t('meetings.newMeeting')}
          </button>
        )}
      </div>
      <div className="obstacle-body">
        {user === null ? (
          <p className="screen-status" role="status">
            {t('meetings.signIn')}
          </p>
        ) : meeting !== null && session !== null ? (
          <MeetingDetail key={meeting} id={meeting} language={language} user={user} csrfToken={session.csrfToken} onBack={() => onOpenMeeting(null)} onOpenProject={onOpenProject} />
        ) : (
          <>
            <p className="screen-status" role="status" data-testid="meetings-status">
              {meetings.error !== null ? <span className="screen-error">{t('meetings.error', { detail: meetings.error.message })}</span> : meetings.data === undefined ? t('meetings.loading') : null}
            </p>
            {meetings.data !== undefined && (
              <>
                <MeetingTable heading={t('meetings.upcoming')} meetings={lists.upcoming} language={language} testId="meetings-upcoming" onOpen={onOpenMeeting} />
                <MeetingTable heading={t('meetings.past')} meetings={lists.past} language={language} testId="meetings-past" onOpen={onOpenMeeting} />
              </>
            )}
          </>
        )}
      </div>
      {creating && country !== null && session !== null && (
        <NewMeetingDialog
          country={country}
          csrfToken={session.csrfToken}
          language={language}
          onCreated={(id) => {
            setCreating(false);
            void changed();
            onOpenMeeting(id);
          }}
          onClose={() => setCreating(false)}
        />
      )}
      {children}
    </main>
  );
}
