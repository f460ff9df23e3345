// Adds a user: account fields checked next to each field, a role and department memberships.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Department, Role } from '../../../domain/users';
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
  type AccountField,
  type FieldErrors,
} from '../../forms/account-validation';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';
import { noteUnauthorized } from '../../session/session';
import { DepartmentCheckboxes } from './department-checkboxes';
import { RoleSelect } from './role-select';

const empty = { username: '', displayName: '', password: '' };

export function AddUserForm(props: { departments: Department[]; onAdded: (displayName: string) => void }) {
  const t = useAreaT(adminMessages);
  const [account, setAccount] = useState(empty);
  const [role, setRole] = useState<Role>('clerk');
  const [selected, setSelected] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors<AccountField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: AccountField) => (value: string) => setAccount((a) => ({ ...a, [name]: value }));
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('#add-user-form [aria-invalid="true"]')?.focus(),
    );

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found = validateAccount(t, account);
    setErrors(found);
    if (hasErrors(found)) {
      setFormError(t('common.fixErrors'));
      focusFirstError();
      return;
    }
    setBusy(true);
    try {
      const user = await api.createUser({
        username: account.username.trim(),
        displayName: account.displayName.trim(),
        password: account.password,
        role,
        departments: selected,
      });
      setAccount(empty);
      setSelected([]);
      setRole('clerk');
      props.onAdded(user.displayName);
    } catch (error) {
      noteUnauthorized(error);
      const target =
        error instanceof ApiError
          ? parseServerField(error.field ?? (error.code === 'conflict' ? 'username' : undefined))
          : null;
      if (
        error instanceof ApiError &&
        target &&
        ['username', 'displayName', 'password'].includes(target.name)
      ) {
        setErrors({ [target.name]: serverFieldMessage(t, error.code, target) });
        setFormError(t('common.fixErrors'));
        focusFirstError();
      } else {
        setFormError(errorMessage(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">{t('admin.addUserHeading')}</h2>
      <form id="add-user-form" class="form" onSubmit={onSubmit} noValidate aria-describedby="add-user-error">
        <AccountFields idPrefix="new" values={account} errors={errors} onField={field} ownAccount={false} />
        <RoleSelect id="new-role" value={role} onChange={setRole} />
        <DepartmentCheckboxes
          idPrefix="new"
          departments={props.departments}
          selected={selected}
          onChange={setSelected}
        />
        <button type="submit" class="button" disabled={busy}>
          {t('admin.addUser')}
        </button>
        <FormError id="add-user-error" message={formError} />
      </form>
    </section>
  );
}
