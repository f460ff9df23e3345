// Who may write what: viewers nothing, others only their departments and their kinds' roles, admins anywhere.
import type { MutationContext, Rejection } from './mutation-types';
import type { RecordKind } from './record-kinds';

export function writeRefusal(
  ctx: MutationContext,
  kind: RecordKind | undefined,
  dept: string,
): Rejection | null {
  if (ctx.role === 'viewer') {
    return { code: 'forbidden', message: 'Your role (viewer) can look at records but not change them.' };
  }
  if (kind && !kind.writeRoles.includes(ctx.role)) {
    return { code: 'forbidden', message: `Your role (${ctx.role}) cannot change a ${kind.label}.` };
  }
  if (ctx.role !== 'admin' && !ctx.departments.includes(dept)) {
    return {
      code: 'forbidden',
      message: `You are not a member of the department "${dept}", so you cannot change its records.`,
      params: { dept },
    };
  }
  return null;
}

/** Pull sends a record only to users who may read it: admins see every department, others their own. */
export function canRead(user: Pick<MutationContext, 'role' | 'departments'>, dept: string): boolean {
  return user.role === 'admin' || user.departments.includes(dept);
}
