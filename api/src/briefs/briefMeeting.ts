import type { BriefData, DecisionRef, Meeting } from '@marsad/contracts';

type BriefMeeting = NonNullable<BriefData['meeting']>;

/**
 * A meeting's part of its agenda pack, from the meeting as its route reads it (readMeeting in
 * meetings/meetingQueries.ts: the agenda frozen, or as it would freeze now, and the decisions,
 * each as the viewer may see them).
 */
export function briefMeeting(meeting: Meeting): BriefMeeting {
  const { id, title_ar, title_en, level, held_on, agenda_frozen, agenda, decisions } = meeting;
  return { id, title_ar, title_en, level, held_on, agenda_frozen, agenda, decisions };
}

/** A meeting's overdue decisions as the brief lists them, the longest overdue first. */
export function overdueOf(meeting: BriefMeeting, language: 'ar' | 'en'): DecisionRef[] {
  const title = language === 'en' ? (meeting.title_en ?? meeting.title_ar) : meeting.title_ar;
  return meeting.decisions
    .filter((d) => d.is_overdue)
    .sort((a, b) => b.days_overdue - a.days_overdue || a.id - b.id)
    .map((d) => ({
      id: d.id,
      meeting_id: d.meeting_id,
      meeting_title: title,
      text: d.text,
      owner: (language === 'en' ? (d.owner_body?.name_en ?? d.owner_body?.name_ar) : d.owner_body?.name_ar) ?? d.owner_user?.display_name ?? '',
      due_date: d.due_date,
      days_overdue: d.days_overdue,
      project: d.project && { id: d.project.id, title_ar: d.project.title_ar, title_en: d.project.title_en, governorate: d.project.governorate },
    }));
}
