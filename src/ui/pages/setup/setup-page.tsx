// /setup#token=…: creates the first administrator with the link the server printed at first start.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/error-message';
import { PageHeading } from '../../components/page-heading';
import { useAreaT } from '../../i18n/use-t';
import { setupMessages } from './messages';
import { SetupForm } from './setup-form';

type SetupState = 'checking' | 'form' | 'done' | 'no_token' | 'unavailable' | { error: unknown };

/** The token travels in the fragment, which browsers never send to a server or put in Referer. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() ? token.trim() : null;
}

export function SetupPage() {
  const t = useAreaT(setupMessages);
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [state, setState] = useState<SetupState>('checking');

  useEffect(() => {
    api.setupStatus().then(
      (status) => setState(!status.required ? 'done' : token ? 'form' : 'no_token'),
      (error: unknown) => setState({ error }),
    );
  }, [token]);

  return (
    <div class="narrow">
      <PageHeading title={t('setup.title')}>{t('setup.title')}</PageHeading>
      {state === 'checking' && <p class="muted">{t('setup.checking')}</p>}
      {state === 'form' && token && (
        <>
          <p>{t('setup.intro')}</p>
          <SetupForm token={token} onUnavailable={() => setState('unavailable')} />
        </>
      )}
      {state === 'done' && (
        <p>
          {t('setup.done')} <a href="/sign-in">{t('setup.signInLink')}</a>
        </p>
      )}
      {state === 'no_token' && <p class="notice">{t('setup.noToken')}</p>}
      {state === 'unavailable' && (
        <p class="notice" role="alert">
          {t('setup.notAvailable')}
        </p>
      )}
      {typeof state === 'object' && (
        <p class="notice" role="alert">
          {errorMessage(t, state.error)}
        </p>
      )}
    </div>
  );
}
