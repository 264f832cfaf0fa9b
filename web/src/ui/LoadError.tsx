import { useTranslation } from 'react-i18next';

/**
 * A read that failed, where its data would be: the shell's "could not load the data" sentence
 * (`errors.data` in app/messages.ts) with the problem's detail. Nothing while there is no error.
 */
export function LoadError({ error }: { error: Error | null | undefined }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className="panel-error">
      {t('errors.data', { detail: error.message })}
    </p>
  );
}
