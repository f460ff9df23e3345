// Sign in with username and password. Success caches the session on this device and returns to the
// page that sent the user here; every failure is explained in plain language.
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError, NetworkError } from '../api/api-error';
import { api } from '../api/endpoints';
import { errorMessage, minutesToWait } from '../api/error-message';
import { FormError } from '../components/form-error';
import { PageHeading } from '../components/page-heading';
import { TextField } from '../components/text-field';
import { useT, type Translate } from '../i18n/use-t';
import { completeSignIn } from '../session/session';

interface FieldErrors {
  username?: string;
  password?: string;
}

/** Only same-site paths are followed after sign-in ("//host" would leave the site). */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

function signInError(t: Translate, error: unknown): string {
  if (error instanceof NetworkError)
    return t(error.kind === 'offline' ? 'signIn.offline' : 'signIn.unreachable');
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return t('signIn.invalid');
    if (error.code === 'account_disabled') return t('signIn.disabled');
    if (error.code === 'rate_limited')
      return t('error.rateLimited', { count: minutesToWait(error.retryAfter) });
  }
  return errorMessage(t, error);
}

export function SignInPage() {
  const t = useT();
  const { query, route } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!username.trim()) errors.username = t('signIn.usernameRequired');
    if (!password) errors.password = t('signIn.passwordRequired');
    setFieldErrors(errors);
    setFormError(null);
    if (errors.username || errors.password) {
      document.getElementById(errors.username ? 'sign-in-username' : 'sign-in-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      const info = await api.login({ username: username.trim(), password });
      await completeSignIn(info);
      route(safeNext(query.next));
    } catch (error) {
      setFormError(signInError(t, error));
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <PageHeading title={t('signIn.title')}>{t('signIn.title')}</PageHeading>
      <form class="form" onSubmit={onSubmit} noValidate aria-describedby="sign-in-error">
        <TextField
          id="sign-in-username"
          label={t('signIn.username')}
          value={username}
          onInput={setUsername}
          error={fieldErrors.username}
          autoComplete="username"
          required
        />
        <TextField
          id="sign-in-password"
          type="password"
          label={t('signIn.password')}
          value={password}
          onInput={setPassword}
          error={fieldErrors.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        <FormError id="sign-in-error" message={formError} />
      </form>
    </div>
  );
}
