// Whether the signed-in user may add to an incident's logs: the same rule the mutators apply (role and
// department), asked before showing a form that would only be refused.
import type { RecordKind } from '../../../../domain/sync/record-kinds';
import { writeRefusal } from '../../../../domain/sync/write-access';
import type { UserProfile } from '../../../../domain/users';

export function canWriteKind(
  user: Pick<UserProfile, 'id' | 'role' | 'departments'> | null | undefined,
  kind: RecordKind,
  dept: string,
): boolean {
  if (!user) return false;
  const ctx = { userId: user.id, role: user.role, departments: user.departments, now: '' };
  return writeRefusal(ctx, kind, dept) === null;
}
