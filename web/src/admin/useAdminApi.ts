import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../api/useSession.ts';
import {
  changeAccount,
  createAccount,
  createOrganization,
  fetchAccounts,
  fetchAllOrganizations,
  type AccountChange,
  type NewAccount,
  type NewOrganization,
} from './adminApi.ts';

const ACCOUNTS_KEY = ['admin', 'users'] as const;
/** Under `organizations`, so a new organization also refreshes the funder filter's donors. */
const ORGANIZATIONS_KEY = ['organizations'] as const;

export function useAccounts() {
  return useQuery({ queryKey: ACCOUNTS_KEY, queryFn: ({ signal }) => fetchAccounts(signal), retry: 1 });
}

export function useAllOrganizations() {
  return useQuery({ queryKey: [...ORGANIZATIONS_KEY, 'all'], queryFn: ({ signal }) => fetchAllOrganizations(signal), retry: 1 });
}

/** The CSRF token every change carries (the dialog is only open while signed in). */
function useCsrfToken(): string | null {
  return useSession().data?.csrfToken ?? null;
}

export function useCreateAccount() {
  const client = useQueryClient();
  const csrfToken = useCsrfToken();
  return useMutation({
    mutationFn: (account: NewAccount) => createAccount(account, csrfToken),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

export function useChangeAccount() {
  const client = useQueryClient();
  const csrfToken = useCsrfToken();
  return useMutation({
    mutationFn: ({ id, change }: { id: number; change: AccountChange }) => changeAccount(id, change, csrfToken),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

export function useCreateOrganization() {
  const client = useQueryClient();
  const csrfToken = useCsrfToken();
  return useMutation({
    mutationFn: (organization: NewOrganization) => createOrganization(organization, csrfToken),
    onSuccess: () => client.invalidateQueries({ queryKey: ORGANIZATIONS_KEY }),
  });
}
