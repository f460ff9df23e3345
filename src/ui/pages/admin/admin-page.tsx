// Administration (admins only): users, their roles and departments, and the department list.
import { useState } from 'preact/hooks';
import { canManageUsers } from '../../../domain/users';
import { NetworkError } from '../../api/api-error';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/error-message';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';
import { noteUnauthorized } from '../../session/session';
import { useAppStore } from '../../store/use-app-store';
import { AddUserForm } from './add-user-form';
import { DepartmentSection } from './department-section';
import { DisableUserDialog } from './disable-user-dialog';
import { EditUserDialog } from './edit-user-dialog';
import { useAdminData, type AdminUser } from './use-admin-data';
import { UserTable } from './user-table';

export function AdminPage() {
  const t = useAreaT(adminMessages);
  const session = useCachedSession();
  const title = t('admin.title');
  if (session === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (!session || !canManageUsers(session.user.role)) {
    return (
      <>
        <PageHeading title={title}>{title}</PageHeading>
        <p class="notice">{t('admin.forbidden')}</p>
      </>
    );
  }
  return <AdminContent />;
}

function AdminContent() {
  const t = useAreaT(adminMessages);
  const announce = useAppStore((state) => state.announce);
  const { users, departments, error, reload } = useAdminData();
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [disabling, setDisabling] = useState<AdminUser | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  // Each result is shown on the page and read out by the live region.
  const report = async (message: string) => {
    setStatus(message);
    announce(message);
    await reload();
  };
  const run = async (action: () => Promise<unknown>, message: string) => {
    try {
      await action();
      await report(message);
    } catch (failure) {
      noteUnauthorized(failure);
      setStatus(errorMessage(t, failure));
      announce(errorMessage(t, failure));
    }
  };

  const title = t('admin.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {status && <p class="status-message">{status}</p>}
      {error !== null && (
        <div class="notice" role="alert">
          <p>{error instanceof NetworkError ? t('admin.needsConnection') : errorMessage(t, error)}</p>
          <button type="button" class="button button-secondary" onClick={() => void reload()}>
            {t('common.tryAgain')}
          </button>
        </div>
      )}
      {users === null || departments === null ? (
        error === null && <p class="muted">{t('admin.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="users-heading">
            <h2 id="users-heading">{t('admin.usersHeading')}</h2>
            <UserTable
              users={users}
              departments={departments}
              onEdit={setEditing}
              onDisable={setDisabling}
              onEnable={(user) =>
                run(
                  () => api.updateUser(user.id, { disabled: false }),
                  t('admin.userEnabled', { name: user.displayName }),
                )
              }
              onEndSessions={(user) =>
                run(() => api.endSessions(user.id), t('admin.sessionsEnded', { name: user.displayName }))
              }
            />
          </section>
          <AddUserForm departments={departments} onAdded={(name) => report(t('admin.userAdded', { name }))} />
          <DepartmentSection
            departments={departments}
            onAdded={(name) => report(t('admin.departmentAdded', { name }))}
          />
          {editing && (
            <EditUserDialog
              user={editing}
              departments={departments}
              onClose={() => setEditing(null)}
              onSaved={(name) => {
                setEditing(null);
                void report(t('admin.userSaved', { name }));
              }}
            />
          )}
          {disabling && (
            <DisableUserDialog
              user={disabling}
              onClose={() => setDisabling(null)}
              onDone={() => {
                setDisabling(null);
                void report(t('admin.userDisabled', { name: disabling.displayName }));
              }}
            />
          )}
        </>
      )}
    </>
  );
}
