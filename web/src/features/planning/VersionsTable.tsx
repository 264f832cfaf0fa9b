import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { targetsXlsxUrl, type PlanVersion } from './planningApi.ts';

/** Who did it and when: the date in both calendars, then the name. */
function WhoWhen({ at, by, language }: { at: string | null; by: string | null; language: Language }) {
  const { t } = useTranslation();
  if (at === null) return <span>—</span>;
  return (
    <>
      <DualDate iso={at} language={language} />
      {by !== null && (
        <span className="muted planning-by">
          {' '}
          {t('planning.versions.by', { name: by })}
        </span>
      )}
    </>
  );
}

/** The plan's versions, newest first: number, status, who created and approved it and when, the note, how many lines, its file. */
export function VersionsTable({ country, year, versions, language }: { country: string; year: number; versions: readonly PlanVersion[]; language: Language }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <section className="planning-section" aria-labelledby={captionId}>
      <div className="planning-scroll">
        <table className="data-table planning-versions" data-testid="plan-versions">
          <caption id={captionId}>{t('planning.versions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planning.versions.number')}</th>
              <th scope="col">{t('planning.versions.status')}</th>
              <th scope="col">{t('planning.versions.created')}</th>
              <th scope="col">{t('planning.versions.approved')}</th>
              <th scope="col">{t('planning.versions.note')}</th>
              <th scope="col">{t('planning.versions.targets')}</th>
              <th scope="col">{t('planning.versions.file')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.number} data-number={v.number} data-status={v.status} data-targets={v.targets}>
                <th scope="row">{formatCount(v.number, language)}</th>
                <td>
                  <span className="planning-badge" data-status={v.status}>
                    {t(`planning.versions.state.${v.status}`)}
                  </span>
                </td>
                <td>
                  <WhoWhen at={v.created_at} by={v.created_by} language={language} />
                </td>
                <td>
                  <WhoWhen at={v.approved_at} by={v.approved_by} language={language} />
                </td>
                <td className="planning-note">{v.note === null ? '—' : <bdi>{v.note}</bdi>}</td>
                <td className="number">{formatCount(v.targets, language)}</td>
                <td>
                  <a
                    href={targetsXlsxUrl(country, year, v.number)}
                    download
                    aria-label={t('planning.versions.downloadVersionLabel', { number: formatCount(v.number, language) })}
                    data-testid={`plan-version-download-${v.number}`}
                  >
                    {t('planning.versions.downloadVersion')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
