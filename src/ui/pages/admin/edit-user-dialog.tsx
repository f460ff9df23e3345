// Edits a user's role and departments in a modal dialog.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Department, Role } from '../../../domain/users';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/error-message';
import { FormError } from '../../components/form-error';
import { ModalDialog } from '../../components/modal-dialog';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';
import { noteUnauthorized } from '../../session/session';
import { DepartmentCheckboxes } from './department-checkboxes';
import { RoleSelect } from './role-select';
import type { AdminUser } from './use-admin-data';

export function EditUserDialog(props: {
  user: AdminUser;
  departments: Department[];
  onSaved: (displayName: string) => void;
  onClose: () => void;
}) {
  const t = useAreaT(adminMessages);
  const [role, setRole] = useState<Role>(props.user.role);
  const [selected, setSelected] = useState<string[]>(props.user.departments);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    try {
      const user = await api.updateUser(props.user.id, { role, departments: selected });
      props.onSaved(user.displayName);
    } catch (error) {
      noteUnauthorized(error);
      setFormError(errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <ModalDialog
      id="edit-user"
      title={t('admin.editHeading', { name: props.user.displayName })}
      onClose={props.onClose}
    >
      <form class="form" onSubmit={onSubmit} aria-describedby="edit-user-error">
        <RoleSelect id="edit-role" value={role} onChange={setRole} />
        <DepartmentCheckboxes
          idPrefix="edit"
          departments={props.departments}
          selected={selected}
          onChange={setSelected}
        />
        <FormError id="edit-user-error" message={formError} />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" class="button button-secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
