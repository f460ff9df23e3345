// The users table: who can sign in, their role, departments, status (in words), last sign-in, sessions.
import type { Department } from '../../../domain/users';
import { formatDateTime } from '../../format/format-date-time';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';
import type { AdminUser } from './use-admin-data';

export interface UserActions {
  onEdit: (user: AdminUser) => void;
  onDisable: (user: AdminUser) => void;
  onEnable: (user: AdminUser) => void;
  onEndSessions: (user: AdminUser) => void;
}

export function UserTable(props: { users: AdminUser[]; departments: Department[] } & UserActions) {
  const t = useAreaT(adminMessages);
  const departmentName = (code: string) => props.departments.find((d) => d.code === code)?.name ?? code;

  return (
    <div class="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
      <table class="table">
        <caption id="users-caption">{t('admin.usersCaption', { count: props.users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.col.username')}</th>
            <th scope="col">{t('admin.col.name')}</th>
            <th scope="col">{t('admin.col.role')}</th>
            <th scope="col">{t('admin.col.departments')}</th>
            <th scope="col">{t('admin.col.status')}</th>
            <th scope="col">{t('admin.col.lastSignIn')}</th>
            <th scope="col">{t('admin.col.sessions')}</th>
            <th scope="col">{t('admin.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((user) => (
            <tr key={user.id}>
              <th scope="row">{user.username}</th>
              <td>{user.displayName}</td>
              <td>{t(`role.${user.role}`)}</td>
              <td>
                {user.departments.length ? user.departments.map(departmentName).join(', ') : t('admin.none')}
              </td>
              <td>
                <span class={user.disabled ? 'tag tag-disabled' : 'tag tag-active'}>
                  <span aria-hidden="true">{user.disabled ? '⊘ ' : '✓ '}</span>
                  {user.disabled ? t('admin.statusDisabled') : t('admin.statusActive')}
                </span>
              </td>
              <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, t.language) : t('admin.never')}</td>
              <td>{user.activeSessions}</td>
              <td>
                <div class="button-row">
                  <button
                    type="button"
                    class="button button-small"
                    onClick={() => props.onEdit(user)}
                    aria-label={t('admin.editLabel', { name: user.displayName })}
                  >
                    {t('admin.edit')}
                  </button>
                  {user.disabled ? (
                    <button
                      type="button"
                      class="button button-small"
                      onClick={() => props.onEnable(user)}
                      aria-label={t('admin.enableLabel', { name: user.displayName })}
                    >
                      {t('admin.enable')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="button button-small button-danger"
                      onClick={() => props.onDisable(user)}
                      aria-label={t('admin.disableLabel', { name: user.displayName })}
                    >
                      {t('admin.disable')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="button button-small button-secondary"
                    onClick={() => props.onEndSessions(user)}
                    disabled={user.activeSessions === 0}
                    aria-label={t('admin.endSessionsLabel', { name: user.displayName })}
                  >
                    {t('admin.endSessions')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
