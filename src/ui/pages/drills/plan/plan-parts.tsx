// Pieces the drills planning screens share: reading one exercise live, a refused or failed write as a
// sentence, the exercise's type, dates, status and clock in words, and the "not on this device" page.
import { clockFields, scenarioMinutesAt, scenarioTimeLabel } from '../../../../domain/drills/drill-rules';
import type { FieldError } from '../../../../domain/sync/record-kinds';
import { getRecord, type RecordView } from '../../../../storage/sync-queries';
import { PageHeading } from '../../../components/page-heading';
import { formatIsoDay } from '../../../format/format-date-time';
import { useLiveQuery } from '../../../hooks/use-live-query';
import type { ChangeResult } from '../../../sync/write-change';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ExerciseBanner } from '../exercise-banner';
import type { DrillsPlanT } from './messages';

/** The exercise record, live: undefined while reading, null when it is not an exercise on this device. */
export function useExercise(id: string): RecordView | null | undefined {
  const db = useDatabase();
  return useLiveQuery(
    () =>
      db ? getRecord(db, id).then((r) => (r && !r.deleted && r.kind === 'exercise' ? r : null)) : undefined,
    [db, id],
  );
}

export function writeProblem(t: DrillsPlanT, result: ChangeResult): string | null {
  if (result.ok) return null;
  if ('failure' in result)
    return t(
      result.failure === 'storage_full' ? 'drillsPlan.error.storageFull' : 'drillsPlan.error.signedOut',
    );
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const reason = errors.map((e) => e.message).join(' ') || result.rejected.message || result.rejected.code;
  return t('drillsPlan.error.failed', { reason });
}

export const typeLabel = (t: DrillsPlanT, fields: RecordView['fields']) =>
  t(`drillsPlan.type.${String(fields.exerciseType ?? 'tabletop')}` as 'drillsPlan.type.tabletop');
export const statusLabel = (t: DrillsPlanT, fields: RecordView['fields']) =>
  t(`drillsPlan.status.${String(fields.status ?? 'planning')}` as 'drillsPlan.status.planning');

export function datesLabel(t: DrillsPlanT, fields: RecordView['fields']): string {
  const start = formatIsoDay(fields.startDate, t.language) ?? String(fields.startDate ?? '');
  const end = formatIsoDay(fields.endDate, t.language);
  return end && fields.endDate !== fields.startDate ? t('drillsPlan.dates', { start, end }) : start;
}

export function clockLabel(t: DrillsPlanT, fields: RecordView['fields'], now: string): string {
  const clock = clockFields(fields);
  const time = scenarioTimeLabel(scenarioMinutesAt(clock, now));
  switch (clock.clockState) {
    case 'running':
      return t('drillsPlan.clock.running', { time, speed: clock.clockSpeed });
    case 'paused':
      return t('drillsPlan.clock.paused', { time });
    case 'ended':
      return t('drillsPlan.clock.ended', { time });
    default:
      return t('drillsPlan.clock.not_started');
  }
}

export function ExerciseMissing({ t, title }: { t: DrillsPlanT; title: string }) {
  return (
    <>
      <ExerciseBanner />
      <PageHeading title={title}>{title}</PageHeading>
      <p class="empty-state">{t('drillsPlan.notFound')}</p>
      <p>
        <a href="/drills">{t('drillsPlan.back')}</a>
      </p>
    </>
  );
}
