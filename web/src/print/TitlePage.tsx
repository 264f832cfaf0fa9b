import type { BriefData } from '@marsad/contracts';
import { formatDualDate } from '../format/dates.ts';
import type { Language } from '../i18n/language.ts';
import { briefSubject, formatStamp, localName } from './briefText.ts';
import { useReader } from './briefContext.ts';

/** A day in both calendars, Gregorian first and the Umm al-Qura Hijri date beside it. */
export function DualDay({ iso, language }: { iso: string; language: Language }) {
  const date = formatDualDate(iso, language);
  if (date === null) return <span>—</span>;
  return (
    <span className="dual-date">
      <time dateTime={iso.slice(0, 10)}>{date.gregorian}</time>
      <span className="hijri" data-testid="hijri-date">
        {date.hijri}
      </span>
    </span>
  );
}

/** The first page: who, what, when, for whom, and the data's time. */
export function TitlePage({ brief }: { brief: BriefData }) {
  const { language, m } = useReader();
  const { meeting, requester } = brief;
  return (
    <section className="title-page">
      <header className="title-org">
        <span className="brand">{m.brand}</span>
        <span className="organization">{language === 'en' ? requester.organization_en : requester.organization_ar}</span>
      </header>
      <div className="title-main">
        <p className="title-kind">{m.kindTitle[brief.kind]}</p>
        <h1>{briefSubject(brief, language)}</h1>
        {brief.kind !== 'country' && <p className="title-sub">{localName(brief.country, language)}</p>}
        {brief.kind === 'meeting' && brief.governorate !== null && <p className="title-sub">{localName(brief.governorate, language)}</p>}
        <p className="title-date">
          <DualDay iso={brief.generated_at} language={language} />
        </p>
      </div>
      <dl className="title-facts">
        {meeting !== null && (
          <>
            <dt>{m.meetingOn}</dt>
            <dd>
              <DualDay iso={meeting.held_on} language={language} />
            </dd>
            <dt>{m.meetingLevel}</dt>
            <dd>
              {isLevel(meeting.level, m.level) ? m.level[meeting.level] : meeting.level} — {meeting.agenda_frozen ? m.agendaFrozen : m.agendaLive}
            </dd>
          </>
        )}
        <dt>{m.preparedFor}</dt>
        <dd>
          <bdi>{requester.display_name}</bdi> — {language === 'en' ? requester.organization_en : requester.organization_ar}
        </dd>
        {brief.shared_only_with !== null && (
          <>
            <dt className="shared-only">{m.sharedOnly}</dt>
            <dd className="shared-only">
              <bdi>{brief.shared_only_with}</bdi>
            </dd>
          </>
        )}
        <dt>{m.dataAsOf}</dt>
        <dd>
          <bdi>{formatStamp(brief.data_as_of, language)}</bdi>
        </dd>
      </dl>
    </section>
  );
}

function isLevel<T extends object>(level: string, names: T): level is Extract<keyof T, string> {
  return Object.hasOwn(names, level);
}
