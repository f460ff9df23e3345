// Loads users and departments from the server for the admin page (admin data is not kept offline).
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Department } from '../../../domain/users';
import type { UserListResponse } from '../../../protocol/api';
import { api } from '../../api/endpoints';
import { noteUnauthorized } from '../../session/session';

export type AdminUser = UserListResponse['users'][number];

export interface AdminData {
  users: AdminUser[] | null;
  departments: Department[] | null;
  error: unknown;
  reload: () => Promise<void>;
}

export function useAdminData(): AdminData {
  const [users, setUsers] = useState<AdminUser[] | null>(null);
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [userList, departmentList] = await Promise.all([api.users(), api.departments()]);
      setUsers(userList.users);
      setDepartments(departmentList.departments);
      setError(null);
    } catch (failure) {
      noteUnauthorized(failure);
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { users, departments, error, reload };
}
