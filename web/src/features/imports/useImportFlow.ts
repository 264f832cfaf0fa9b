import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ProblemError } from '../../api/http.ts';
import { refreshEverything } from '../account/useSession.ts';
import { checkImport, commitImport, MAX_IMPORT_BYTES, rowErrorsOf } from './importApi.ts';
import { canCheck, canCommit, importReducer, INITIAL_IMPORT_STATE, type ImportAction, type Refusal } from './importState.ts';

function refusalOf(error: unknown): Refusal {
  if (error instanceof ProblemError && error.status === null) return { kind: 'noAnswer' };
  if (error instanceof ProblemError) return { kind: 'problem', status: error.status ?? 0, detail: error.detail, errors: rowErrorsOf(error.problem) };
  return { kind: 'problem', status: 0, detail: error instanceof Error ? error.message : String(error), errors: [] };
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * The import's steps: choose a file, check it (dry run), import it (commit). One upload at a
 * time; closing the dialog cancels the upload under way; after a commit the dashboard's data and
 * map tiles are read again.
 */
export function useImportFlow(csrfToken: string) {
  const client = useQueryClient();
  const [state, dispatch] = useReducer(importReducer, INITIAL_IMPORT_STATE);
  const upload = useRef<AbortController | null>(null);

  useEffect(() => () => upload.current?.abort(), []);

  const send = useCallback(
    async (action: ImportAction) => {
      const { file, repair } = state;
      // The buttons stay focusable when they may not be used (aria-disabled): the rule is here.
      if (file === null || upload.current !== null || !(action === 'check' ? canCheck(state) : canCommit(state))) return;
      if (file.size > MAX_IMPORT_BYTES) {
        dispatch({ type: 'refused', action, reason: { kind: 'tooLarge', bytes: file.size } });
        return;
      }
      const controller = new AbortController();
      upload.current = controller;
      dispatch({ type: 'start', action });
      const options = {
        repair,
        csrfToken,
        signal: controller.signal,
        onProgress: (sent: number, total: number) => dispatch({ type: 'progress', sent, total }),
      };
      try {
        if (action === 'check') {
          dispatch({ type: 'checked', result: await checkImport(file, options) });
        } else {
          dispatch({ type: 'imported', result: await commitImport(file, options) });
          refreshEverything(client);
        }
      } catch (error) {
        if (isAbort(error)) {
          // A commit cancelled at the last moment may still have landed: read the data again.
          if (action === 'commit') refreshEverything(client);
          dispatch({ type: 'cancelled' });
        } else {
          dispatch({ type: 'refused', action, reason: refusalOf(error) });
        }
      } finally {
        if (upload.current === controller) upload.current = null;
      }
    },
    [state, csrfToken, client],
  );

  return {
    state,
    choose: (file: File) => dispatch({ type: 'choose', file }),
    setRepair: (repair: boolean) => dispatch({ type: 'setRepair', repair }),
    check: () => void send('check'),
    commit: () => void send('commit'),
    cancel: () => upload.current?.abort(),
  };
}
