// Pieces both play screens share: the exercise read live with its clock, the "Practice offline
// (simulated outage)" switch, a refused or failed write as a sentence, the clock's state in words.
import { useRoute } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import type { InjectAction } from '../../../../domain/drills/drill-kinds';
import type { ClockFields } from '../../../../domain/drills/drill-rules';
import { clockFields, scenarioTimeLabel } from '../../../../domain/drills/drill-rules';
import type { FieldError } from '../../../../domain/sync/record-kinds';
import { readExercise, type ExerciseRead } from '../../../../storage/drill-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { PageHeading } from '../../../components/page-heading';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { setSimulatedOutage } from '../../../sync/simulated-outage';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange, type ChangeResult } from '../../../sync/write-change';
import { ExerciseBanner } from '../exercise-banner';
import { playMessages, type PlayT } from './messages';
import './play.css';

/** The exercise of the route's :id, read live (undefined while loading, null when not on this device). */
export function useExerciseRead(): { id: string; read: ExerciseRead | null | undefined } {
  const { params } = useRoute();
  const db = useDatabase();
  const id = params.id ?? '';
  const read = useLiveQuery(() => (db ? readExercise(db, id) : undefined), [db, id]);
  return { id, read };
}

export function NotOnDevice({ t, title }: { t: PlayT; title: string }) {
  return (
    <>
      <ExerciseBanner />
      <PageHeading title={title}>{title}</PageHeading>
      <p class="empty-state">{t('drills.play.notFound')}</p>
      <p>
        <a href="/drills">{t('nav.drills')}</a>
      </p>
    </>
  );
}

export function clockOf(exercise: RecordView): ClockFields {
  return clockFields(exercise.fields);
}

export function clockStateText(t: PlayT, clock: ClockFields): string {
  return clock.clockState === 'running'
    ? t('drills.clock.state.running', { speed: clock.clockSpeed })
    : t(`drills.clock.state.${clock.clockState}`);
}

export function methodText(t: PlayT, method: string): string {
  const known = ['phone', 'email', 'radio', 'in_person', 'paper', 'video', 'other'] as const;
  const key = known.find((m) => m === method);
  return key ? t(`drills.method.${key}`) : method;
}

export { scenarioTimeLabel };

export function writeProblem(t: PlayT, result: ChangeResult): string | null {
  if (result.ok) return null;
  if ('failure' in result)
    return t(
      result.failure === 'storage_full' ? 'drills.play.error.storageFull' : 'drills.play.error.signedOut',
    );
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const reason =
    errors.map((error) => error.message).join(' ') || result.rejected.message || result.rejected.code;
  return t('drills.play.error.failed', { reason });
}

/** Appends one inject event (or a player's action) to the exercise; resolves to a problem or null. */
export async function appendEvent(
  t: PlayT,
  exercise: RecordView,
  fields: {
    action: InjectAction;
    injectId?: string;
    text?: string;
    scenarioMinute: number;
    byName: string;
    byUsername?: string;
  },
): Promise<string | null> {
  const result = await writeChange('entry.append', {
    kind: 'inject_event',
    id: uuidv7(),
    dept: exercise.dept,
    fields: {
      exerciseId: exercise.id,
      at: new Date().toISOString(),
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')),
    },
  });
  return writeProblem(t, result);
}

/**
 * "Practice offline (simulated outage)": a checkbox kept per device. While on, this device does not sync
 * and the status says so in words.
 */
export function OutageSwitch() {
  const t = useAreaT(playMessages);
  const on = useAppStore((state) => state.simulatedOutage);
  const announce = useAppStore((state) => state.announce);
  const toggle = (next: boolean) => {
    setSimulatedOutage(next);
    announce(t(next ? 'drills.outage.announceOn' : 'drills.outage.announceOff'));
  };
  return (
    <div class="drills-outage">
      <label class="checkbox">
        <input
          type="checkbox"
          checked={on}
          aria-describedby="drills-outage-hint"
          onChange={(event) => toggle((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('drills.outage.switch')}</span>
      </label>
      <p id="drills-outage-hint" class="field-hint">
        {t('drills.outage.hint')}
      </p>
      {on && (
        <p class="drills-outage-status" id="drills-outage-status">
          <span aria-hidden="true">⏸ </span>
          <strong>{t('drills.outage.status')}</strong>
        </p>
      )}
    </div>
  );
}
