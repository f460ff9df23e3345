// A permit's number as people should read it: the official number once the server gave one, otherwise
// the provisional number marked as such ("Provisional P-7K3Q-12").
import type { JsonObject } from '../../../domain/sync';
import type { UserProfile } from '../../../domain/users';
import type { PermitsT } from './messages';
import { text } from './permit-helpers';

export function PermitNumber({ t, fields }: { t: PermitsT; fields: JsonObject }) {
  const official = text(fields.number);
  if (official) return <>{official}</>;
  const provisional = text(fields.provisionalNumber);
  if (!provisional) return <>{t('permits.noNumber')}</>;
  return (
    <>
      <span class="tag tag-provisional">{t('permits.provisional')}</span> {provisional}
    </>
  );
}

/** The number as plain text (page titles, announcements). */
export function permitNumberText(t: PermitsT, fields: JsonObject): string {
  const official = text(fields.number);
  if (official) return official;
  const provisional = text(fields.provisionalNumber);
  return provisional ? t('permits.provisionalNumber', { number: provisional }) : t('permits.noNumber');
}

/** Viewers look but never write; the domain refuses them too, this only hides the controls. */
export const canWritePermits = (user: Pick<UserProfile, 'role'>): boolean => user.role !== 'viewer';
