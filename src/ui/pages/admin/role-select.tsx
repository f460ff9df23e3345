// A labelled select of the roles defined in src/domain/users.ts.
import type { JSX } from 'preact';
import { isRole, ROLES, type Role } from '../../../domain/users';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';

export function RoleSelect(props: { id: string; value: Role; onChange: (role: Role) => void }) {
  const t = useAreaT(adminMessages);
  const onChange = (event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    if (isRole(value)) props.onChange(value);
  };
  return (
    <div class="field">
      <label for={props.id}>{t('account.role')}</label>
      <select id={props.id} value={props.value} onChange={onChange}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`role.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
