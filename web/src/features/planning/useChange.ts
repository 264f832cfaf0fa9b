import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http.ts';
import { refreshEverything } from '../account/useSession.ts';

/** What the last change said: done, refused because someone else changed the draft (409), or failed. */
export type ChangeNotice = { kind: 'done' | 'conflict' | 'failed'; text: string; detail?: string } | null;

/** The sentence for a failed change: a 409 says the draft changed meanwhile; no answer, a closed session, or the API's own detail. */
export function useProblemText() {
  const { t } = useTranslation();
  return (error: unknown): { kind: 'conflict' | 'failed'; text: string; detail?: string } => {
    // The API's detail says what changed (a draft exists already, nothing is approved yet…).
    if (error instanceof ProblemError && error.status === 409) return { kind: 'conflict', text: t('planning.conflict'), detail: error.detail };
    if (error instanceof ProblemError && error.status === null) return { kind: 'failed', text: t('planning.noAnswer') };
    if (error instanceof ProblemError && error.status === 401) return { kind: 'failed', text: t('planning.signedOut') };
    return { kind: 'failed', text: t('planning.failed', { detail: error instanceof Error ? error.message : String(error) }) };
  };
}

/**
 * Runs one change of the plan at a time: while it runs `pending` is true; afterwards everything is
 * read again (the matrix and the map depend on the plan too), and `notice` says how it went. A
 * conflict (409) reads the plan again as well, so what is shown is what the other person saved.
 */
export function useChange() {
  const client = useQueryClient();
  const problemText = useProblemText();
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<ChangeNotice>(null);
  const run = async <T>(change: () => Promise<T>, done: (result: T) => string): Promise<boolean> => {
    if (pending) return false;
    setPending(true);
    setNotice(null);
    try {
      const result = await change();
      setNotice({ kind: 'done', text: done(result) });
      return true;
    } catch (error) {
      setNotice(problemText(error));
      return false;
    } finally {
      setPending(false);
      refreshEverything(client);
    }
  };
  return { pending, notice, run, clear: () => setNotice(null) };
}
