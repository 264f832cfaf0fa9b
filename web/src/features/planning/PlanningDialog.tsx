import { useId, useRef, useState } from 'react';
import { YearField } from './YearField.tsx';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../../api/useBoundaries.ts';
import { directionOf } from '../../i18n/language.ts';
import { useInterfaceLanguage } from '../../i18n/useInterfaceLanguage.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { Modal, ModalHeader } from '../../ui/Modal.tsx';
import { AdminTabs, type TabSpec } from '../admin/AdminTabs.tsx';
import type { SessionUser } from '../account/session.ts';
import { useSession } from '../account/useSession.ts';
import { planningMessages } from './messages.ts';
import { PlanPanel } from './PlanPanel.tsx';
import { mayApprove, mayDraft, mayManagePlans } from './planningRoles.ts';
import { ReturnsOverview } from './ReturnsOverview.tsx';
import './planning.css';

type PlanningTab = 'plan' | 'returns';

/** Syria first when the boundaries have it (the demo's main country), then as the API lists them. */
const PREFERRED_COUNTRY = 'SYR';

/**
 * The annual plan of a country-year, for the ministry: its versions and what each holds, the
 * targets as Excel out and in (a dry run lists every bad cell, applying only when clean), approval,
 * revision, publication, original against revised; and the follow-up of the governorates'
 * statistical returns. A viewer sees only the follow-up.
 */
export default function PlanningDialog({ user, onClose }: { user: SessionUser; onClose: () => void }) {
  useMessages('planning', planningMessages);
  const { t } = useTranslation();
  const language = useInterfaceLanguage();
  const csrfToken = useSession().data?.csrfToken ?? '';
  const base = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const countries = useCountries();
  const codes = (countries.data?.features ?? []).map((f) => f.properties);
  const [chosenCountry, setCountry] = useState<string | null>(null);
  const country = chosenCountry ?? (codes.some((c) => c.iso3 === PREFERRED_COUNTRY) ? PREFERRED_COUNTRY : (codes[0]?.iso3 ?? null));
  const [year, setYear] = useState(() => new Date().getFullYear());
  const manages = mayManagePlans(user.role);
  const [tab, setTab] = useState<PlanningTab>(manages ? 'plan' : 'returns');

  const close = () => {
    ref.current?.close();
    onClose();
  };

  const tabs: TabSpec<PlanningTab>[] = [
    ...(manages ? [{ id: 'plan' as const, label: t('planning.tabs.plan'), tabId: `${base}-tab-plan`, panelId: `${base}-panel-plan` }] : []),
    { id: 'returns', label: t('planning.tabs.returns'), tabId: `${base}-tab-returns`, panelId: `${base}-panel-returns` },
  ];
  const panel = (id: PlanningTab) => {
    const spec = tabs.find((s) => s.id === id)!;
    return { role: 'tabpanel', id: spec.panelId, 'aria-labelledby': spec.tabId, hidden: tab !== id, className: 'planning-panel' };
  };
  const help = [mayDraft(user.role) ? 'planner' : null, mayApprove(user.role) ? 'approver' : null, manages ? null : 'viewer'].filter((h) => h !== null);

  return (
    <Modal ref={ref} onEscape={close} className="planning-dialog" aria-labelledby={`${base}-title`} aria-describedby={`${base}-help`} testId="planning-dialog">
      <ModalHeader titleId={`${base}-title`} title={t(manages ? 'planning.title' : 'planning.followUpTitle')} className="planning-dialog-header" close={{ label: t('planning.close'), onClick: close, testId: 'planning-close' }} />
      <div id={`${base}-help`} className="planning-help">
        {help.map((key) => (
          <p key={key}>{t(`planning.help.${key}`)}</p>
        ))}
      </div>
      <div className="planning-choice">
        <label className="inline-field">
          <span>{t('planning.country')}</span>
          <select value={country ?? ''} onChange={(e) => setCountry(e.target.value)} data-testid="planning-country">
            {codes.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {language === 'ar' ? c.name_ar : c.name_en}
              </option>
            ))}
          </select>
        </label>
        <YearField value={year} onChange={setYear} language={language} testId="planning-year" />
      </div>
      {tabs.length > 1 && <AdminTabs label={t('planning.tabs.label')} tabs={tabs} selected={tab} onSelect={setTab} direction={directionOf(language)} />}
      {manages && (
        <div {...panel('plan')} data-testid="planning-panel-plan">
          {country !== null && <PlanPanel key={`${country}-${year}`} country={country} year={year} role={user.role} csrfToken={csrfToken} language={language} />}
        </div>
      )}
      <div {...panel('returns')} data-testid="planning-panel-returns">
        {country !== null && tab === 'returns' && <ReturnsOverview country={country} year={year} language={language} />}
      </div>
    </Modal>
  );
}
