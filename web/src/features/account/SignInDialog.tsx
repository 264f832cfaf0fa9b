import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemError } from '../../api/http.ts';
import { useSignIn } from './useSession.ts';
import { useModalDialog } from '../../ui/useModalDialog.ts';
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
  const modal = useModalDialog(ref, close);

  const error = signIn.error;
  const message =
    error === null
      ? null
      : error instanceof ProblemError && error.status === 429
        ? t('auth.tooMany', { detail: error.detail })
        : error instanceof ProblemError && error.status === 401
          ? error.detail
          : t('auth.failed', { detail: error.message });

  return (
    <dialog ref={ref} {...modal} className="modal-dialog sign-in-dialog" aria-labelledby={titleId} data-testid="sign-in-dialog">
      <form onSubmit={onSubmit} noValidate={false}>
        <h2 id={titleId}>{t('auth.dialogTitle')}</h2>
        <label className="form-field">
          <span>{t('auth.email')}</span>
          <input
            type="email"
            name="email"
            dir="ltr"
            autoComplete="username"
            required
            autoFocus
            value={email}
            aria-describedby={message === null ? undefined : errorId}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="sign-in-email"
          />
        </label>
        <label className="form-field">
          <span>{t('auth.password')}</span>
          <input
            type="password"
            name="password"
            dir="ltr"
            autoComplete="current-password"
            required
            value={password}
            aria-describedby={message === null ? undefined : errorId}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="sign-in-password"
          />
        </label>
        {message !== null && (
          <p id={errorId} role="alert" className="panel-error" data-testid="sign-in-error">
            {message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={signIn.isPending} data-testid="sign-in-submit">
            {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
          <button type="button" className="secondary-button" onClick={close}>
            {t('auth.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
