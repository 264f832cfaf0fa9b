import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchOrganizations } from '../../api/organizations.ts';
import { useSession } from '../account/useSession.ts';
import {
  changeAccount,
  changeOrganization,
  createAccount,
  createOrganization,
  fetchAccounts,
  type AccountChange,
  type OrganizationChange,
} from './adminApi.ts';

const ACCOUNTS_KEY = ['admin', 'users'] as const;
/**
 * Under `organizations`, like the dashboard's donors (web/src/api/useOrganizations.ts): a new or
 * renamed organization also refreshes the funder filter and the donor banner.
 */
const ORGANIZATIONS_KEY = ['organizations'] as const;
/** An open project's funders and shares carry organization names too (web/src/api/useProjects.ts, features/sharing/SharingSection.tsx). */
const PROJECT_DETAIL_KINDS: readonly unknown[] = ['one', 'shares'];

export function useAccounts() {
  return useQuery({ queryKey: ACCOUNTS_KEY, queryFn: ({ signal }) => fetchAccounts(signal), retry: 1 });
}

export function useAllOrganizations() {
  return useQuery({ queryKey: [...ORGANIZATIONS_KEY, 'all'], queryFn: ({ signal }) => fetchOrganizations(signal), retry: 1 });
}

/** The CSRF token every change carries (the dialog is only open while signed in). */
function useCsrfToken(): string | null {
  return useSession().data?.csrfToken ?? null;
}

/**
 * A change the admin sends: it carries the session's CSRF token, and once it is saved `refresh`
 * invalidates what was read before it.
 */
function useAdminChange<V, R>(send: (variables: V, csrfToken: string | null) => Promise<R>, refresh: (client: QueryClient) => Promise<void>) {
  const client = useQueryClient();
  const csrfToken = useCsrfToken();
  return useMutation({ mutationFn: (variables: V) => send(variables, csrfToken), onSuccess: () => refresh(client) });
}

const refreshAccounts = (client: QueryClient) => client.invalidateQueries({ queryKey: ACCOUNTS_KEY });

export function useCreateAccount() {
  return useAdminChange(createAccount, refreshAccounts);
}

export function useChangeAccount() {
  return useAdminChange(({ id, change }: { id: number; change: AccountChange }, csrfToken) => changeAccount(id, change, csrfToken), refreshAccounts);
}

/** Everything read before an organization was renamed that shows its name. */
function refreshOrganizationNames(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
    client.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'projects' && PROJECT_DETAIL_KINDS.includes(query.queryKey[1]) }),
  ]).then(() => undefined);
}

export function useCreateOrganization() {
  return useAdminChange(createOrganization, (client) => client.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }));
}

export function useChangeOrganization() {
  return useAdminChange(
    ({ slug, change }: { slug: string; change: OrganizationChange }, csrfToken) => changeOrganization(slug, change, csrfToken),
    refreshOrganizationNames,
  );
}
