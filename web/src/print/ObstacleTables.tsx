import type { AgendaItem, BriefData, Decision, DecisionRef } from '@marsad/contracts';
import { formatCount } from '../format/numbers.ts';
import { BriefSection, BriefTable, type Column } from './BriefTable.tsx';
import { useReader } from './briefContext.ts';
import { formatShortDate, governorateNamer, localName, localTitle } from './briefText.ts';

/** Obstacles (the brief's open ones, or a meeting's agenda): what, where, how bad, at which level, who must act, by when. */
export function ObstacleTable({ items, brief, numbered = false }: { items: readonly AgendaItem[]; brief: BriefData; numbered?: boolean }) {
  const { language, m } = useReader();
  const governorate = governorateNamer(brief, language);
  const columns: Column<AgendaItem>[] = [
    ...(numbered ? [{ key: 'position', header: m.column.position, numeric: true, cell: (o: AgendaItem) => formatCount(o.position, language) }] : []),
    {
      key: 'obstacle',
      header: m.column.obstacle,
      cell: (o) => (
        <>
          <span className="cell-title" dir="auto">{o.title}</span>
          <span className="cell-sub">
            {localTitle(o.project, language)}
            {brief.kind !== 'governorate' && ` — ${governorate(o.project.governorate)}`}
          </span>
        </>
      ),
    },
    { key: 'category', header: m.column.category, cell: (o) => m.category[o.category] },
    { key: 'severity', header: m.column.severity, cell: (o) => <span className={`severity severity-${o.severity}`}>{m.severity[o.severity]}</span> },
    { key: 'level', header: m.column.level, cell: (o) => m.level[o.level] },
    { key: 'body', header: m.column.responsibleBody, cell: (o) => (o.responsible_body === null ? '—' : localName(o.responsible_body, language)) },
    { key: 'target', header: m.column.targetDate, numeric: true, cell: (o) => formatShortDate(o.target_date, language) },
  ];
  return <BriefTable rows={items} columns={columns} rowKey={(o) => o.obstacle_id} className="obstacle-table" />;
}

/** Open decisions past their due date. */
export function OverdueDecisionTable({ items }: { items: readonly DecisionRef[] }) {
  const { language, m } = useReader();
  const columns: Column<DecisionRef>[] = [
    {
      key: 'decision',
      header: m.column.decision,
      cell: (d) => (
        <>
          <span className="cell-title" dir="auto">{d.text}</span>
          {d.project !== null && <span className="cell-sub">{localTitle(d.project, language)}</span>}
        </>
      ),
    },
    { key: 'meeting', header: m.column.meeting, cell: (d) => <bdi>{d.meeting_title}</bdi> },
    { key: 'owner', header: m.column.owner, cell: (d) => <bdi>{d.owner}</bdi> },
    { key: 'due', header: m.column.dueDate, numeric: true, cell: (d) => formatShortDate(d.due_date, language) },
    { key: 'days', header: m.column.daysOverdue, numeric: true, cell: (d) => <strong>{formatCount(d.days_overdue, language)}</strong> },
  ];
  return <BriefTable rows={items} columns={columns} rowKey={(d) => d.id} />;
}

/** A meeting's decisions, open and closed. */
export function MeetingDecisionTable({ items }: { items: readonly Decision[] }) {
  const { language, m } = useReader();
  const owner = (d: Decision) => (d.owner_body !== null ? localName(d.owner_body, language) : (d.owner_user?.display_name ?? '—'));
  const state = (d: Decision) => (d.status === 'closed' ? m.decisionClosed : d.is_overdue ? `${m.decisionOverdue} (${formatCount(d.days_overdue, language)})` : m.decisionOpen);
  const columns: Column<Decision>[] = [
    {
      key: 'decision',
      header: m.column.decision,
      cell: (d) => (
        <>
          <span className="cell-title" dir="auto">{d.text}</span>
          {d.project !== null && <span className="cell-sub">{localTitle(d.project, language)}</span>}
        </>
      ),
    },
    { key: 'owner', header: m.column.owner, cell: owner },
    { key: 'due', header: m.column.dueDate, numeric: true, cell: (d) => formatShortDate(d.due_date, language) },
    { key: 'status', header: m.column.decisionStatus, cell: (d) => <span className={d.is_overdue ? 'overdue' : undefined}>{state(d)}</span> },
  ];
  return <BriefTable rows={items} columns={columns} rowKey={(d) => d.id} />;
}

/**
 * The brief's open obstacles and overdue decisions. A meeting pack lists only the obstacles that
 * are not already on its agenda (raised or escalated since it froze), and leaves the section out
 * when there are none.
 */
export function ObstacleSections({ brief }: { brief: BriefData }) {
  const { m } = useReader();
  const onAgenda = new Set(brief.meeting?.agenda.map((item) => item.obstacle_id) ?? []);
  const obstacles = brief.obstacles.filter((o) => !onAgenda.has(o.obstacle_id));
  return (
    <>
      {(brief.kind !== 'meeting' || obstacles.length > 0) && (
        <BriefSection title={m.sections.obstacles}>
          <ObstacleTable items={obstacles} brief={brief} />
        </BriefSection>
      )}
      <BriefSection title={m.sections.decisions}>
        <OverdueDecisionTable items={brief.overdue_decisions} />
      </BriefSection>
    </>
  );
}

/** A meeting's agenda and decisions. */
export function MeetingSections({ brief }: { brief: BriefData }) {
  const { m } = useReader();
  if (brief.meeting === null) return null;
  return (
    <>
      <BriefSection title={m.sections.agenda}>
        <ObstacleTable items={brief.meeting.agenda} brief={brief} numbered />
      </BriefSection>
      <BriefSection title={m.sections.meetingDecisions}>
        <MeetingDecisionTable items={brief.meeting.decisions} />
      </BriefSection>
    </>
  );
}
