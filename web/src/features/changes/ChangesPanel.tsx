import { BIG_JUMP_POINTS, CHANGE_KINDS, STALE_AFTER_DAYS, type ChangeItem, type ChangeKind } from '@marsad/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDualDate } from '../../format/dates.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import type { ChangePoint } from '../../map/deck/changesLayer.ts';
import { DualDate } from '../../ui/DualDate.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { PanelFrame } from '../../ui/PanelFrame.tsx';
import { CHANGE_SINCE, type ChangeSince } from '../../url/changesViewState.ts';
import { useChanges } from './changesApi.ts';
import { changesMessages } from './messages.ts';
import { useVisit } from './useVisit.ts';
import './changes.css';

export interface ChangesPanelProps {
  since: ChangeSince;
  /** The dashboard's filters as an API query (`filterQuery`): the changes follow them. */
  query: string;
  /** The signed-in user (for "since my last visit"), or null. */
  user: { id: number; csrfToken: string } | null;
  language: Language;
  onSinceChange: (since: ChangeSince) => void;
  onOpenProject: (id: number) => void;
  /** The listed projects, for the map's rings (`[]` when the panel closes). */
  onHighlight: (points: readonly ChangePoint[]) => void;
  onClose: () => void;
}

type Shown = ChangeKind | 'all';

/**
 * "What changed" (issue 15): since last week, last month or the reader's last visit, the projects
 * newly delayed, stalled or suspended, completed, with a big jump in progress, or reported — counted
 * per kind, listed (each row opens the project) and ringed on the map. The server decides what each
 * kind means (api/src/changes/changeQueries.ts) and whose projects are shown.
 */
export default function ChangesPanel({ since, query, user, language, onSinceChange, onOpenProject, onHighlight, onClose }: ChangesPanelProps) {
  useMessages('whatChanged', changesMessages);
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>('all');
  const visit = useVisit(user);
  // Since the last visit: the day it ended (UTC); without one (signed out, first visit) last week.
  const previous = visit.data?.previous_visit ?? null;
  const asked = since === 'visit' ? (previous === null ? (user !== null && visit.isPending ? null : 'week') : previous.slice(0, 10)) : since;
  const changes = useChanges(asked, query);
  const data = changes.data;

  const listed = useMemo(() => {
    if (data === undefined) return [];
    const kinds = shown === 'all' ? CHANGE_KINDS : [shown];
    return kinds.map((kind) => ({ kind, group: data.kinds[kind] }));
  }, [data, shown]);
  const points = useMemo(() => {
    const seen = new Map<number, ChangePoint>();
    for (const { group } of listed) for (const item of group.items) seen.set(item.id, { projectId: item.id, position: [item.lon, item.lat] });
    return [...seen.values()];
  }, [listed]);
  useEffect(() => onHighlight(points), [points, onHighlight]);
  useEffect(() => () => onHighlight([]), [onHighlight]);

  const count = (n: number) => formatCount(n, language);
  return (
    <PanelFrame kind="changes" kicker={t('whatChanged.kicker')} title={t('whatChanged.title')} titleTestId="changes-title" onClose={onClose}>
      <fieldset className="changes-since" data-testid="changes-since">
        <legend>{t('whatChanged.sinceLegend')}</legend>
        {CHANGE_SINCE.map((option) => (
          <label key={option} className={option === since ? 'chosen' : undefined}>
            <input type="radio" name="changes-since" value={option} checked={option === since} onChange={() => onSinceChange(option)} data-testid={`changes-since-${option}`} />
            {t(`whatChanged.since.${option}`)}
          </label>
        ))}
      </fieldset>
      {since === 'visit' && user === null && <p className="muted">{t('whatChanged.visitSignIn')}</p>}
      {since === 'visit' && user !== null && visit.isSuccess && (
        <p className="muted" data-testid="changes-visit">
          {previous === null ? t('whatChanged.visitFirst') : t('whatChanged.visitAt', { date: formatDualDate(previous.slice(0, 10), language)?.gregorian ?? previous })}
        </p>
      )}
      {data !== undefined && (
        <p className="changes-period" data-testid="changes-period" data-since={data.since} data-until={data.until} aria-busy={changes.isFetching}>
          {t('whatChanged.sinceLegend')} <DualDate iso={data.since} language={language} />
          {data.clamped && <span className="muted"> {t('whatChanged.clamped')}</span>}
        </p>
      )}
      <LoadError error={changes.error} />
      {data === undefined && changes.error === null && <p className="muted">{t('whatChanged.loading')}</p>}
      {data !== undefined && (
        <>
          <div className="changes-kinds" role="group" aria-label={t('whatChanged.kinds')}>
            <button type="button" aria-pressed={shown === 'all'} onClick={() => setShown('all')} data-testid="changes-kind-all">
              {t('whatChanged.all')}
            </button>
            {CHANGE_KINDS.map((kind) => (
              <button key={kind} type="button" aria-pressed={shown === kind} onClick={() => setShown(kind)} data-testid={`changes-kind-${kind}`} data-count={data.kinds[kind].count}>
                <span className="changes-kind-count">{count(data.kinds[kind].count)}</span> {t(`whatChanged.kind.${kind}`)}
              </button>
            ))}
          </div>
          <p className="changes-legend">
            <span className="changes-ring" aria-hidden="true" /> {t('whatChanged.legend')}
          </p>
          {listed.map(({ kind, group }) => (
            <section key={kind} className="changes-group" aria-labelledby={`changes-${kind}-heading`} data-testid={`changes-group-${kind}`}>
              <h3 id={`changes-${kind}-heading`}>
                {t(`whatChanged.kind.${kind}`)} <span className="changes-kind-count">({count(group.count)})</span>
              </h3>
              <p className="muted changes-hint">{t(`whatChanged.hint.${kind}`, { days: count(STALE_AFTER_DAYS), points: count(BIG_JUMP_POINTS) })}</p>
              {group.items.length === 0 ? (
                <p className="muted">{t('whatChanged.empty')}</p>
              ) : (
                <ul className="changes-list">
                  {group.items.map((item) => (
                    <li key={item.id}>
                      <ChangeRow kind={kind} item={item} language={language} onOpen={onOpenProject} />
                    </li>
                  ))}
                </ul>
              )}
              {group.count > group.items.length && <p className="muted">{t('whatChanged.shown', { shown: count(group.items.length), count: count(group.count) })}</p>}
            </section>
          ))}
        </>
      )}
    </PanelFrame>
  );
}

/** One project's change: its name and governorate, what it was and what it is, and when. */
function ChangeRow({ kind, item, language, onOpen }: { kind: ChangeKind; item: ChangeItem; language: Language; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const title = language === 'ar' ? item.title_ar : item.title_en;
  const governorate = language === 'ar' ? item.governorate_name_ar : item.governorate_name_en;
  const day = (iso: string | null) => formatDualDate(iso, language)?.gregorian ?? '—';
  const state = (s: ChangeItem['after'] | null) =>
    s === null || s.status === null ? t('whatChanged.firstReport') : `${t(`status.${s.status}`, { defaultValue: s.status })} · ${formatPercent(s.physical_progress, language, 0)}`;
  let before: string;
  let after: string;
  if (kind === 'delayed') {
    before = t('whatChanged.dueOn', { date: day(item.planned_end) });
    after = t('whatChanged.daysLate', { count: item.days_late ?? 0, days: formatCount(item.days_late ?? 0, language) });
  } else if (item.reason === 'no_update') {
    before = t('whatChanged.lastReport', { date: day(item.after.reported_on) });
    after = t('whatChanged.silent', { days: formatCount(STALE_AFTER_DAYS, language) });
  } else if (kind === 'jump' || kind === 'reported') {
    before = item.before?.physical_progress == null ? formatPercent(0, language, 0) : formatPercent(item.before.physical_progress, language, 0);
    after = formatPercent(item.after.physical_progress, language, 0);
  } else {
    before = state(item.before);
    after = state(item.after);
  }
  return (
    <button type="button" className="changes-row" onClick={() => onOpen(item.id)} data-testid="changes-row" data-kind={kind} data-project={item.id} data-on={item.on} aria-label={`${t('whatChanged.open', { code: item.code })}: ${title}`}>
      <span className="changes-row-title">{title}</span>
      <span className="changes-row-meta">
        {item.code} · {governorate}
      </span>
      <span className="changes-row-change">
        <span data-testid="changes-before">{before}</span> <span aria-hidden="true">{language === 'ar' ? '←' : '→'}</span> <span data-testid="changes-after">{after}</span>
      </span>
      <span className="changes-row-on">
        {t('whatChanged.on')} <DualDate iso={item.on} language={language} />
      </span>
    </button>
  );
}
