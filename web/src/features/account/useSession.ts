import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { bumpDataVersion } from '../../api/dataVersion.ts';
import { fetchSession, signIn, signOut, type Session } from './session.ts';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user (`null` when signed out). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/** Everything read so far was read as someone else: read it again, tiles too. */
export function refreshEverything(client: QueryClient): void {
  void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  bumpDataVersion();
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => signIn(email, password),
    onSuccess: (session) => {
      client.setQueryData<Session | null>(SESSION_KEY, session);
      refreshEverything(client);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csrfToken: string) => signOut(csrfToken),
    onSettled: () => {
      client.setQueryData<Session | null>(SESSION_KEY, null);
      refreshEverything(client);
    },
  });
}
