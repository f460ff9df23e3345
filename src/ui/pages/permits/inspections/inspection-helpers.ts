// Small helpers shared by the inspection screens: field text, words for statuses and outcomes, dates
// in the reader's language, domain field errors said in the reader's language, and refused writes.
import {
  INSPECTION_OUTCOMES,
  REINSPECTION_OUTCOMES,
  type InspectionOutcome,
} from '../../../../domain/permits/permit-kinds';
import type { JsonValue } from '../../../../domain/sync/json-value';
import type { FieldError } from '../../../../domain/sync/record-kinds';
import type { UserProfile } from '../../../../domain/users';
import type { ChangeResult } from '../../../sync/write-change';
import type { InspectionKey, InspectionT } from './messages';
import { formatIsoDay } from '../../../format/format-date-time';
import { exerciseRefusal } from '../../../sync/exercise-mode';

export const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

export const isOutcome = (value: unknown): value is InspectionOutcome =>
  typeof value === 'string' && (INSPECTION_OUTCOMES as readonly string[]).includes(value);

export const needsReinspection = (outcome: unknown): boolean =>
  isOutcome(outcome) && REINSPECTION_OUTCOMES.includes(outcome);

export const outcomeKey = (outcome: InspectionOutcome): InspectionKey => `insp.outcome.${outcome}`;

export function statusKey(status: JsonValue | undefined): InspectionKey {
  if (status === 'completed') return 'insp.status.completed';
  if (status === 'cancelled') return 'insp.status.cancelled';
  return 'insp.status.scheduled';
}

/** Viewers look but never write; the domain refuses them too, this only hides the buttons. */
export const canWrite = (user: Pick<UserProfile, 'role'> | null | undefined): boolean =>
  !!user && user.role !== 'viewer';

/** A YYYY-MM-DD day in the reader's language ("Mar 2, 2026"), without time-zone shifts. */
export function formatDay(day: string, language: string): string {
  return formatIsoDay(day, language) ?? day;
}

/** One domain field error in the reader's language, by its code and params (never its English message). */
export function fieldErrorText(t: InspectionT, error: FieldError, label: string): string {
  const params = error.params ?? {};
  switch (error.code) {
    case 'required':
      return t('insp.error.required', { label: label.toLocaleLowerCase(t.language) });
    case 'not_allowed_value':
      return t('insp.error.chooseOne');
    case 'too_long':
      return params.length === undefined
        ? t('insp.error.tooLongEach', { max: params.max ?? '' })
        : t('insp.error.tooLong', { max: params.max ?? '', length: params.length });
    case 'too_large':
      return t('insp.error.tooMany', { max: params.max ?? '' });
    case 'not_a_date':
      return t('insp.error.notADate');
    default:
      return t('insp.error.invalid');
  }
}

/** Field errors as the form shows them: the first one of each field, translated. */
export function fieldErrorTexts(
  t: InspectionT,
  errors: readonly FieldError[],
  labels: Record<string, string>,
  rename: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const field = rename[error.field] ?? error.field;
    out[field] ??= fieldErrorText(t, error, labels[field] ?? field);
  }
  return out;
}

/** Why a write failed: field errors to show next to their fields, or one sentence for the form. */
export interface WriteProblem {
  fields: Record<string, string>;
  form: string | null;
}

export function writeProblem(
  t: InspectionT,
  result: ChangeResult,
  labels: Record<string, string>,
  rename: Record<string, string> = {},
): WriteProblem | null {
  if (result.ok) return null;
  const exercise = exerciseRefusal(result);
  if (exercise) return { fields: {}, form: exercise };
  if ('failure' in result)
    return {
      fields: {},
      form: result.failure === 'storage_full' ? t('error.storageFull') : t('insp.error.signedOut'),
    };
  const { rejected } = result;
  if (rejected.code === 'invalid' && rejected.errors?.length) {
    const fields = fieldErrorTexts(t, rejected.errors, labels, rename);
    if (Object.keys(fields).every((field) => field in labels)) return { fields, form: t('common.fixErrors') };
  }
  const known: Partial<Record<typeof rejected.code, InspectionKey>> = {
    not_allowed: 'insp.error.notAllowed',
    forbidden: 'insp.error.forbidden',
    deleted: 'insp.error.deleted',
    not_found: 'insp.error.notFound',
  };
  const key = known[rejected.code];
  if (key) return { fields: {}, form: t(key) };
  // Anything else is rare (a bug or a newer server); its reason is only in English.
  return { fields: {}, form: t('insp.error.refused', { reason: rejected.message }) };
}
