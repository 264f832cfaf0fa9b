import {
  DecisionClosing,
  Meeting,
  MeetingList,
  ProjectPage,
  ResponsibleBodyList,
  type DecisionClosing as DecisionClosingInput,
  type NewDecision,
  type NewMeeting,
} from '@marsad/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { request, withQuery } from '../../api/http.ts';
import { useViewerKey } from '../obstacleOverview/obstacleOverviewApi.ts';

export type { AgendaItem, Decision, Meeting, MeetingList, MeetingSummary, ResponsibleBody } from '@marsad/contracts';

/**
 * The meetings screen's calls: a country's meetings, one meeting with its agenda and decisions,
 * the responsible bodies a decision may name as owner, and the writes (a new meeting, a decision
 * recorded, a decision closed). Answers are parsed with the contracts (contracts/src/meetings.ts);
 * what they hold depends on who asks, so the viewer is in every key.
 */

const OPTIONS = { staleTime: 30_000 } as const;
const meetingsKey = (viewer: number | null) => ['meetings', viewer] as const;

export function fetchMeetings(country: string, signal?: AbortSignal): Promise<MeetingList> {
  return request(withQuery('/api/meetings', new URLSearchParams({ country }).toString()), { schema: MeetingList, signal });
}

export function fetchMeeting(id: number, signal?: AbortSignal): Promise<Meeting> {
  return request(`/api/meetings/${id}`, { schema: Meeting, signal });
}

export function fetchResponsibleBodies(country: string, signal?: AbortSignal): Promise<ResponsibleBodyList> {
  return request(withQuery('/api/responsible-bodies', new URLSearchParams({ country }).toString()), { schema: ResponsibleBodyList, signal });
}

/** The project with exactly this code, if the caller may see one (the project list's search covers codes). */
export async function findProjectByCode(code: string, signal?: AbortSignal): Promise<number | null> {
  const page = await request(withQuery('/api/projects', new URLSearchParams({ q: code, limit: '20' }).toString()), { schema: ProjectPage, signal });
  return page.items.find((p) => p.code.toUpperCase() === code.toUpperCase())?.id ?? null;
}

export function createMeeting(meeting: NewMeeting, csrfToken: string): Promise<Meeting> {
  return request('/api/meetings', { method: 'POST', body: meeting, csrfToken, schema: Meeting });
}

export function recordDecision(meeting: number, decision: NewDecision, csrfToken: string): Promise<unknown> {
  return request(`/api/meetings/${meeting}/decisions`, { method: 'POST', body: decision, csrfToken });
}

export function closeDecision(decision: number, closing: DecisionClosingInput, csrfToken: string): Promise<unknown> {
  return request(`/api/decisions/${decision}/close`, { method: 'POST', body: DecisionClosing.parse(closing), csrfToken });
}

/** The agenda pack of a meeting as one PDF, in the reader's language (brief-server's route). */
export function agendaPackUrl(meeting: number, language: string): string {
  return `/api/briefs/meetings/${meeting}.pdf?lang=${language}`;
}

/** The name it is saved under when the server gives none: `marsad-agenda-12-ar.pdf`. */
export function agendaPackFileName(meeting: number, language: string): string {
  return `marsad-agenda-${meeting}-${language}.pdf`;
}

export function useMeetings(country: string | null, signedIn: boolean) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: [...meetingsKey(viewer), 'list', country],
    queryFn: ({ signal }) => fetchMeetings(country ?? '', signal),
    enabled: viewer !== null && signedIn && country !== null,
    ...OPTIONS,
  });
}

export function useMeeting(id: number) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: [...meetingsKey(viewer), 'detail', id],
    queryFn: ({ signal }) => fetchMeeting(id, signal),
    enabled: viewer !== null && viewer !== 0,
    ...OPTIONS,
  });
}

export function useResponsibleBodies(country: string | null) {
  const viewer = useViewerKey();
  return useQuery({
    queryKey: ['responsible-bodies', viewer, country],
    queryFn: ({ signal }) => fetchResponsibleBodies(country ?? '', signal),
    enabled: viewer !== null && viewer !== 0 && country !== null,
    staleTime: 10 * 60_000,
  });
}

/** After a write: the meetings, and the obstacle overview (its overdue decisions), are read again. */
export function useMeetingsChanged(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    await Promise.all([client.invalidateQueries({ queryKey: ['meetings'] }), client.invalidateQueries({ queryKey: ['obstacles'] })]);
  }, [client]);
}
