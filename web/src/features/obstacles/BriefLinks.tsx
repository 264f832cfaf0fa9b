import { useTranslation } from 'react-i18next';
import { useMessages } from '../../i18n/useMessages.ts';
import { BriefButton } from './BriefButton.tsx';
import { briefMessages } from './briefMessages.ts';
import { BRIEF_LANGUAGES, briefFileName, briefPdfUrl, type BriefSubject } from './briefLinks.ts';
import './brief.css';

/**
 * "Print brief" in Arabic and in English: links to the PDF the server prints (only what the
 * signed-in user may see), fetched by BriefButton so a failure is said, not saved. Signed out, the buttons stay but are disabled, and say why.
 */
export function BriefLinks({ subject, signedIn, label, testId, withHint = true }: {
  subject: BriefSubject;
  signedIn: boolean;
  label?: string;
  testId: string;
  /** Whether to say what printing does (or why the buttons are off): once under a list of them. */
  withHint?: boolean;
}) {
  useMessages('brief', briefMessages);
  const { t } = useTranslation();
  const hintId = `${testId}-hint`;
  return (
    <div className="brief-links" role="group" aria-label={label ?? t('brief.title')} aria-describedby={withHint ? hintId : undefined} data-testid={testId}>
      {label !== undefined && <span className="brief-label">{label}</span>}
      {BRIEF_LANGUAGES.map((language) =>
        signedIn ? (
          <BriefButton key={language} href={briefPdfUrl(subject, language)} fileName={briefFileName(subject, language)} hrefLang={language} testId={`${testId}-${language}`}>
            {t(language === 'ar' ? 'brief.arabic' : 'brief.english')}
          </BriefButton>
        ) : (
          <button key={language} type="button" className="secondary-button" disabled data-testid={`${testId}-${language}`}>
            {t(language === 'ar' ? 'brief.arabic' : 'brief.english')}
          </button>
        ),
      )}
      {withHint && (
        <span id={hintId} className="muted brief-hint">
          {signedIn ? t('brief.hint') : t('brief.signIn')}
        </span>
      )}
    </div>
  );
}
