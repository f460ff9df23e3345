// The first-administrator form: account fields, first departments, client checks, server errors by field.
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/error-message';
import { FormError } from '../../components/form-error';
import { AccountFields } from '../../forms/account-fields';
import {
  hasErrors,
  parseServerField,
  serverFieldMessage,
  validateAccount,
  validateDepartment,
  type AccountField,
  type FieldErrors,
} from '../../forms/account-validation';
import { useAreaT } from '../../i18n/use-t';
import { setupMessages } from './messages';
import { completeSignIn } from '../../session/session';
import { DepartmentRows, newDepartmentRow, type DepartmentRow } from './department-rows';

export function SetupForm({ token, onUnavailable }: { token: string; onUnavailable: () => void }) {
  const t = useAreaT(setupMessages);
  const { route } = useLocation();
  const [account, setAccount] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors<AccountField>>({});
  const [rows, setRows] = useState<DepartmentRow[]>(() => [newDepartmentRow()]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: AccountField) => (value: string) => setAccount((a) => ({ ...a, [name]: value }));

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('#setup-form [aria-invalid="true"]')?.focus(),
    );

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const accountErrors = validateAccount(t, account);
    // Rows left completely blank are ignored: departments are optional at setup.
    const kept = rows.filter((row) => row.code.trim() || row.name.trim());
    const checkedRows = kept.map((row, i) => ({
      ...row,
      errors: validateDepartment(
        t,
        row,
        kept.slice(0, i).map((r) => r.code.trim()),
      ),
    }));
    setErrors(accountErrors);
    setRows(checkedRows.length ? checkedRows : [newDepartmentRow()]);
    if (hasErrors(accountErrors) || checkedRows.some((row) => hasErrors(row.errors))) {
      setFormError(t('common.fixErrors'));
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const info = await api.setup({
        token,
        username: account.username.trim(),
        displayName: account.displayName.trim(),
        password: account.password,
        departments: kept.map((row) => ({ code: row.code.trim(), name: row.name.trim() })),
      });
      await completeSignIn(info);
      history.replaceState(null, '', '/setup'); // the token is spent; keep it out of history
      route('/', true);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.code === 'setup_not_available') return onUnavailable();
      const target =
        error instanceof ApiError
          ? parseServerField(error.field ?? (error.code === 'conflict' ? 'username' : undefined))
          : null;
      if (error instanceof ApiError && target) {
        const message = serverFieldMessage(t, error.code, target);
        if (target.name === 'departments' && target.index !== undefined) {
          const prop = target.property === 'name' ? 'name' : 'code';
          setRows(kept.map((row, i) => (i === target.index ? { ...row, errors: { [prop]: message } } : row)));
        } else if (['username', 'displayName', 'password'].includes(target.name)) {
          setErrors({ [target.name]: message });
        }
        setFormError(t('common.fixErrors'));
        focusFirstError();
      } else {
        setFormError(errorMessage(t, error));
      }
    }
  };

  return (
    <form id="setup-form" class="form" onSubmit={onSubmit} noValidate aria-describedby="setup-error">
      <fieldset>
        <legend>{t('setup.adminHeading')}</legend>
        <AccountFields idPrefix="setup" values={account} errors={errors} onField={field} ownAccount />
      </fieldset>
      <fieldset>
        <legend>{t('setup.departmentsHeading')}</legend>
        <DepartmentRows rows={rows} onChange={setRows} />
      </fieldset>
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('setup.submitting') : t('setup.submit')}
      </button>
      <FormError id="setup-error" message={formError} />
    </form>
  );
}
