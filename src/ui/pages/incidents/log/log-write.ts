// Writing an activity log's entries: the entry's fields with its content hash (contentHashOf, so the
// server can tell if the content changed on the way), recorded now on this device's clock and signed with
// the session user's name, with the ids of the photos attached to it; and a refused write as a sentence in
// the reader's language.
import { v7 as uuidv7 } from 'uuid';
import { contentHashOf } from '../../../../domain/incidents/chain';
import type { JsonObject } from '../../../../domain/sync';
import type { FieldError } from '../../../../domain/sync/record-kinds';
import type { UserProfile } from '../../../../domain/users';
import type { RecordView } from '../../../../storage';
import type { ChangeResult } from '../../../sync/write-change';
import { writeChange } from '../../../sync/write-change';
import type { LogKey, LogT } from './messages';
import { exerciseRefusal } from '../../../sync/exercise-mode';

export type EntryPriority = 'important' | 'urgent';

/** At most this many photos on one entry (the log_entry kind's limit on attachmentIds). */
export const MAX_ENTRY_PHOTOS = 10;

/** The photo ids an entry refers to (its attachmentIds), in their order; [] when it has none. */
export function attachmentIdsOf(fields: JsonObject): string[] {
  const ids = fields.attachmentIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export interface EntryInput {
  text: string;
  /** When it happened (ISO); for a transcribed entry, the time written on the paper log. */
  eventAt: string;
  priority?: EntryPriority | null;
  /** The entry this one corrects, and why. */
  corrects?: { id: string; reason: string } | null;
  transcribed?: boolean;
  /** Photos saved on this device for the entry (PhotoField), in the order they were added. */
  attachmentIds?: readonly string[];
}

/** The name an entry is signed with: the user's display name, or their username when they have none. */
export const authorNameOf = (user: Pick<UserProfile, 'displayName' | 'username'>): string =>
  user.displayName.trim() || user.username;

/**
 * The fields of a new entry of `log`, with contentHash computed over them. Optional fields are left out
 * rather than null, so the hash covers exactly what was written.
 */
export function buildEntryFields(
  log: Pick<RecordView, 'id' | 'fields'>,
  input: EntryInput,
  user: Pick<UserProfile, 'displayName' | 'username'>,
  now: Date = new Date(),
): JsonObject {
  const fields: JsonObject = {
    logId: log.id,
    incidentId: String(log.fields.incidentId ?? ''),
    eventAt: input.eventAt,
    recordedAt: now.toISOString(),
    text: input.text.trim(),
    authorName: authorNameOf(user),
  };
  if (input.priority) fields.priority = input.priority;
  if (input.corrects) {
    fields.corrects = input.corrects.id;
    fields.correctionReason = input.corrects.reason.trim();
  }
  if (input.transcribed) fields.transcribed = true;
  if (input.attachmentIds?.length) fields.attachmentIds = [...input.attachmentIds];
  return { ...fields, contentHash: contentHashOf(fields) };
}

/** Appends an entry to `log` through the write path (the device chains it at once, provisionally). */
export async function recordEntry(
  log: Pick<RecordView, 'id' | 'dept' | 'fields'>,
  input: EntryInput,
  user: Pick<UserProfile, 'displayName' | 'username'>,
): Promise<{ id: string; result: ChangeResult }> {
  const id = uuidv7();
  const fields = buildEntryFields(log, input, user);
  const result = await writeChange('entry.append', { kind: 'log_entry', id, dept: log.dept, fields });
  return { id, result };
}

const REJECTIONS: Record<string, LogKey> = {
  forbidden: 'activityLog.error.forbidden',
  deleted: 'activityLog.error.deleted',
  not_found: 'activityLog.error.notFound',
};

/** One domain field error in the reader's language (by code and field, never the domain's English). */
export function fieldErrorText(t: LogT, error: FieldError): string {
  if (error.field === 'attachmentIds') return t('activityLog.error.photos');
  if (error.code === 'too_long')
    return t('activityLog.error.tooLong', {
      max: error.params?.max ?? '',
      length: error.params?.length ?? '',
    });
  if (error.code === 'required') {
    if (error.field === 'text') return t('activityLog.error.textRequired');
    if (error.field === 'correctionReason') return t('activityLog.error.reasonRequired');
    if (error.field === 'name') return t('activityLog.error.nameRequired');
    if (error.field === 'periodId') return t('activityLog.error.periodRequired');
  }
  if (error.field === 'eventAt') return t('activityLog.error.timeRequired');
  return t('activityLog.error.invalid');
}

/** The sentence for a failed write (null when it worked), and its field errors by field. */
export function writeProblem(
  t: LogT,
  result: ChangeResult,
): { message: string; fields: Record<string, string> } | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return { message: exercise, fields: {} };
  if ('failure' in result)
    return {
      message: t(result.failure === 'storage_full' ? 'error.storageFull' : 'activityLog.error.signedOut'),
      fields: {},
    };
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const fields: Record<string, string> = {};
  for (const error of errors) fields[error.field] ??= fieldErrorText(t, error);
  const key = REJECTIONS[result.rejected.code];
  return { message: key ? t(key) : t('common.fixErrors'), fields };
}
