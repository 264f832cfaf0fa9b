import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http.ts';
import { useSignIn } from './useSession.ts';
import { controlProps, FormField, useFields, type Field } from '../../ui/FormField.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { useOnline } from '../../offline/useOnline.ts';
import './account.css';

/**
 * The sign-in form in a modal `<dialog>` (focus stays inside; Escape or Cancel closes it). The
 * problem's `detail` from the API is shown on a failed attempt.
 */
export function SignInDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const errorId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const online = useOnline();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // mutateAsync, not mutate's callbacks: signing in swaps the header to the account view, and
    // callbacks of an unmounted caller are dropped; the failure itself shows through signIn.error.
    signIn.mutateAsync({ email: email.trim(), password }).then(close, () => undefined);
  };

  // Closed before it unmounts, so that the opener can take the focus back.
  const close = () => {
    ref.current?.close();
    onClose();
  };

  const error = signIn.error;
  const message =
    error === null
      ? null
      : error instanceof ProblemError && error.status === 429
        ? t('auth.tooMany', { detail: error.detail })
        : error instanceof ProblemError && error.status === 401
          ? error.detail
          : t('auth.failed', { detail: error.message });

  // The refusal is the form's, not a field's: both fields point at it.
  const fieldOf = useFields<'email' | 'password'>('sign-in', () => undefined);
  const emailField = fieldOf('email');
  const passwordField = fieldOf('password');
  const describedByError = (field: Field) => ({ ...controlProps(field), 'aria-describedby': message === null ? undefined : errorId });

  return (
    <Modal ref={ref} onEscape={close} className="sign-in-dialog" aria-labelledby={titleId} testId="sign-in-dialog">
      <form onSubmit={onSubmit} noValidate={false}>
        <h2 id={titleId}>{t('auth.dialogTitle')}</h2>
        <FormField field={emailField} label={t('auth.email')}>
          <input type="email" name="email" dir="ltr" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} {...describedByError(emailField)} />
        </FormField>
        <FormField field={passwordField} label={t('auth.password')}>
          <input type="password" name="password" dir="ltr" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} {...describedByError(passwordField)} />
        </FormField>
        {!online && (
          <p role="status" className="panel-error" data-testid="sign-in-offline">
            {t('auth.needsConnection')}
          </p>
        )}
        {message !== null && (
          <p id={errorId} role="alert" className="panel-error" data-testid="sign-in-error">
            {message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={signIn.isPending || !online} data-testid="sign-in-submit">
            {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
          <button type="button" className="secondary-button" onClick={close}>
            {t('auth.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
