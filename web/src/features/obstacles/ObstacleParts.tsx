import type { EscalationProposal, MustAct, ObstacleSeverity, ResponsibleBody } from '@marsad/contracts';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers.ts';
import type { Language } from '../../i18n/language.ts';
import type { WriteFailure } from './writeFailure.ts';

type NamedBody = Pick<ResponsibleBody, 'name_ar' | 'name_en'>;

/** A body's name in the page's language (Arabic when it has no English name). */
export const bodyName = (body: NamedBody, language: Language): string => (language === 'en' ? (body.name_en ?? body.name_ar) : body.name_ar);

/** The severity as a coloured badge (colour and word: never colour alone). */
export function SeverityBadge({ severity }: { severity: ObstacleSeverity }) {
  const { t } = useTranslation();
  return (
    <span className={`severity-badge severity-${severity}`} data-severity={severity}>
      {t(`obstacles.severities.${severity}`)}
    </span>
  );
}

/** Who must act now: the level's holder, or the body the obstacle waits for. */
export function MustActText({ mustAct, language }: { mustAct: MustAct; language: Language }) {
  const { t } = useTranslation();
  const body = mustAct.body === null ? t('obstacles.noBody') : bodyName(mustAct.body, language);
  return <>{t(`obstacles.roles.${mustAct.role}`, { body })}</>;
}

/** Why the system proposes escalating, in a sentence. */
export function useProposalReason(language: Language): (proposal: EscalationProposal) => string {
  const { t } = useTranslation();
  return (proposal) =>
    t(`obstacles.proposal.${proposal.reason}`, { days: formatCount(proposal.days_at_level, language), threshold: formatCount(proposal.threshold_days, language) });
}

/** The system's escalation proposal, said plainly: to which level, and why. */
export function ProposalNotice({ proposal, language }: { proposal: EscalationProposal; language: Language }) {
  const { t } = useTranslation();
  const reason = useProposalReason(language);
  return (
    <div className="obstacle-proposal" role="note" data-testid="obstacle-proposal" data-to-level={proposal.to_level}>
      <strong>{t('obstacles.proposal.heading', { level: t(`obstacles.levels.${proposal.to_level}`) })}</strong>
      <span>{reason(proposal)}</span>
    </div>
  );
}

/** A failed write, in words; a conflict offers to reload (already done: the lists were read again). */
export function FailureNotice({ failure, fieldNames, testId }: { failure: WriteFailure | null; fieldNames?: (field: string) => string; testId: string }) {
  const { t } = useTranslation();
  if (failure === null) return null;
  let text: string;
  switch (failure.kind) {
    case 'conflict':
      text = t('obstacles.conflict');
      break;
    case 'forbidden':
      text = t('obstacles.forbidden');
      break;
    case 'offline':
      text = t('obstacles.offline');
      break;
    case 'failed':
      text = t('obstacles.failed', { detail: failure.detail });
      break;
    case 'fields': {
      const name = fieldNames ?? ((field: string) => t(`obstacles.historyFields.${field}`, { defaultValue: field }));
      const listed = Object.entries(failure.errors).map(([field, message]) => `${name(field)}: ${message}`);
      if (listed.length === 0) return null;
      text = t('obstacles.failed', { detail: listed.join(' · ') });
      break;
    }
  }
  return (
    <p role="alert" className="panel-error" data-testid={testId} data-kind={failure.kind}>
      {text}
    </p>
  );
}
