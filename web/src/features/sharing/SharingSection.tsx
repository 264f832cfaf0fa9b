import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchProjectShares, setProjectShared } from './sharingApi.ts';
import { useDonors } from '../../api/useOrganizations.ts';
import { formatDualDate } from '../../format/dates.ts';
import type { Language } from '../../i18n/language.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import './sharing.css';

interface SharingSectionProps {
  projectId: number;
  /** Whoever may write the project may share it; other staff only read the list. */
  canShare: boolean;
  csrfToken: string;
  language: Language;
}

/**
 * Which donors see this project. Ministry staff read the list; an admin or the project's
 * engineer ticks a donor to share the project with it, and unticks it to stop.
 */
export function SharingSection({ projectId, canShare, csrfToken, language }: SharingSectionProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const client = useQueryClient();
  const key = ['projects', 'shares', projectId];
  const shares = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchProjectShares(projectId, signal), staleTime: 60_000 });
  const donors = useDonors();
  // The box ticks at once (a slow connection must not make it look ignored); a refusal puts it back.
  const [ticking, setTicking] = useState<{ organization: string; shared: boolean } | null>(null);
  const change = useMutation({
    mutationFn: ({ organization, shared }: { organization: string; shared: boolean }) => setProjectShared(projectId, organization, shared, csrfToken),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: key });
      setTicking(null);
    },
  });
  const toggle = (organization: string, shared: boolean) => {
    setTicking({ organization, shared });
    change.mutate({ organization, shared });
  };

  const shared = new Map((shares.data ?? []).map((s) => [s.organization, s]));
  const name = (o: { name_ar: string; name_en: string }) => (language === 'ar' ? o.name_ar : o.name_en);

  return (
    <section aria-labelledby={titleId} className="sharing" data-testid="project-sharing">
      <h3 id={titleId}>{t('sharing.title')}</h3>
      <p className="muted">{t('sharing.hint')}</p>
      <LoadError error={shares.error} />
      {change.error !== null && (
        <p role="alert" className="field-error">
          {t('sharing.failed', { detail: change.error.message })}
        </p>
      )}
      {!canShare && shares.data !== undefined && shares.data.length === 0 && <p className="muted">{t('sharing.empty')}</p>}
      {!canShare && (
        <ul className="share-list">
          {(shares.data ?? []).map((s) => (
            <li key={s.organization}>{name(s)}</li>
          ))}
        </ul>
      )}
      {canShare && shares.data !== undefined && (
        <ul className="share-list">
          {(donors.data?.items ?? []).map((donor) => {
            const share = shared.get(donor.slug);
            const when = share === undefined ? null : formatDualDate(share.shared_at.slice(0, 10), language)?.gregorian;
            return (
              <li key={donor.slug}>
                <label>
                  <input
                    type="checkbox"
                    checked={ticking?.organization === donor.slug ? ticking.shared : share !== undefined}
                    disabled={ticking !== null}
                    aria-busy={ticking?.organization === donor.slug}
                    onChange={(e) => toggle(donor.slug, e.target.checked)}
                    data-testid={`share-${donor.slug}`}
                  />{' '}
                  {name(donor)}
                </label>
                {share !== undefined && share.shared_by !== null && (
                  <span className="muted share-by">{t('sharing.sharedBy', { name: share.shared_by, date: when ?? share.shared_at })}</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
