// What the evaluation screens share: the exercise read live with everything recorded for it, the page frame
// (the EXERCISE banner, the heading, the links between the evaluation screens, "not on this device"), a
// refused write as a sentence, the rating in letter and words, and the words the report draft needs.
import type { ComponentChildren } from 'preact';
import { useRoute } from 'preact-iso';
import type { AarWords, TimelineEvent, TimelineInject } from '../../../../domain/drills/aar';
import type { Objective, Rating } from '../../../../domain/drills/drill-kinds';
import { RATINGS } from '../../../../domain/drills/drill-kinds';
import type { FieldError } from '../../../../domain/sync/record-kinds';
import type { Role } from '../../../../domain/users';
import { readExercise, type ExerciseRead } from '../../../../storage/drill-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { PageHeading } from '../../../components/page-heading';
import { formatDateTime, formatIsoDay } from '../../../format/format-date-time';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useDatabase } from '../../../sync/use-sync-facts';
import type { ChangeResult } from '../../../sync/write-change';
import { ExerciseBanner } from '../exercise-banner';
import { evaluateMessages, type EvaluateKey, type EvaluateT } from './messages';
import './evaluate.css';

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The exercise of the route's :id with everything recorded for it, live; null when not on this device. */
export function useExerciseRead(): { id: string; read: ExerciseRead | null | undefined } {
  const { params } = useRoute();
  const db = useDatabase();
  const id = params.id ?? '';
  const read = useLiveQuery(() => (db ? readExercise(db, id) : undefined), [db, id]);
  return { id, read };
}

export interface Me {
  id: string;
  name: string;
  role: Role | null;
  /** Anyone signed in who is not a viewer. */
  canWrite: boolean;
  /** Managers and admins: the report's writers. */
  canManage: boolean;
}

export function useMe(): Me {
  const user = useCachedSession()?.user;
  const role = user?.role ?? null;
  return {
    id: user?.id ?? '',
    name: user?.displayName ?? '',
    role,
    canWrite: role !== null && role !== 'viewer',
    canManage: role === 'admin' || role === 'manager',
  };
}

export const objectivesOf = (exercise: RecordView): Objective[] =>
  Array.isArray(exercise.fields.objectives) ? (exercise.fields.objectives as unknown as Objective[]) : [];

export function objectiveLabel(t: EvaluateT, objectives: readonly Objective[], id: string): string {
  const index = objectives.findIndex((o) => o.id === id);
  const objective = objectives[index];
  return objective
    ? t('drillsEval.objective', { n: index + 1, text: objective.text, capability: objective.capability })
    : t('drillsEval.unknownObjective');
}

export const isRating = (value: unknown): value is Rating => (RATINGS as readonly unknown[]).includes(value);

/** "M — Performed with major challenges": the letter and its words, never the letter alone. */
export const ratingFull = (t: EvaluateT, rating: Rating): string =>
  t('drillsEval.ratingFull', { letter: rating, words: t(`drillsEval.rating.${rating}`) });

export const injectLabel = (t: EvaluateT, inject: RecordView): string =>
  t('drillsEval.inject', {
    number: Number(inject.fields.number ?? 0),
    synopsis: str(inject.fields.synopsis),
  });

export const timelineInjects = (injects: readonly RecordView[]): TimelineInject[] =>
  injects.map((i) => ({
    id: i.id,
    number: Number(i.fields.number ?? 0),
    scenarioMinute: Number(i.fields.scenarioMinute ?? 0),
    synopsis: str(i.fields.synopsis),
    players: Array.isArray(i.fields.players) ? (i.fields.players as string[]) : [],
  }));

export const timelineEvents = (events: readonly RecordView[]): TimelineEvent[] =>
  events.map((e) => ({
    id: e.id,
    ...(str(e.fields.injectId) ? { injectId: str(e.fields.injectId) } : {}),
    action: e.fields.action as TimelineEvent['action'],
    at: str(e.fields.at),
    ...(typeof e.fields.scenarioMinute === 'number' ? { scenarioMinute: e.fields.scenarioMinute } : {}),
    byName: str(e.fields.byName),
    ...(str(e.fields.byUsername) ? { byUsername: str(e.fields.byUsername) } : {}),
    ...(str(e.fields.text) ? { text: str(e.fields.text) } : {}),
  }));

/** The words of the report's draft, in the reader's language. */
export function aarWords(t: EvaluateT): AarWords {
  return {
    label: (key, params) => t(`drillsEval.aar.${key}` as EvaluateKey, params),
    exerciseType: (type) => t(`drillsEval.type.${type}` as EvaluateKey),
    role: (role) => t(`drillsEval.role.${role}` as EvaluateKey),
    date: (date) => formatIsoDay(date, t.language) ?? date,
  };
}

export const timeOf = (t: EvaluateT, iso: unknown): string => formatDateTime(str(iso), t.language);

/** A refused or failed write as a sentence in the reader's language; null when it was written. */
export function writeProblem(t: EvaluateT, result: ChangeResult): string | null {
  if (result.ok) return null;
  if ('failure' in result)
    return t(
      result.failure === 'storage_full' ? 'drillsEval.error.storageFull' : 'drillsEval.error.signedOut',
    );
  const errors = (result.rejected as { errors?: FieldError[] }).errors ?? [];
  const reason =
    errors.map((error) => error.message).join(' ') || result.rejected.message || result.rejected.code;
  return t('drillsEval.error.failed', { reason });
}

type Screen = 'evaluate' | 'hotwash' | 'report' | 'plan';

/** The frame of an evaluation screen: loading, "not on this device", or the banner, heading and links. */
export function EvaluateFrame({
  screen,
  titleKey,
  children,
}: {
  screen: Screen;
  titleKey: EvaluateKey;
  children: (read: ExerciseRead, t: EvaluateT) => ComponentChildren;
}) {
  const t = useAreaT(evaluateMessages);
  const { id, read } = useExerciseRead();
  if (read === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (read === null)
    return (
      <>
        <ExerciseBanner />
        <PageHeading title={t('drillsEval.nav')}>{t('drillsEval.nav')}</PageHeading>
        <p class="empty-state">{t('drillsEval.notFound')}</p>
        <p>
          <a href="/drills">{t('drillsEval.backList')}</a>
        </p>
      </>
    );
  const name = str(read.exercise.fields.name);
  const title = t(titleKey, { name });
  const links: [Screen | 'print', string, EvaluateKey][] = [
    ['evaluate', `/drills/${id}/evaluate`, 'drillsEval.nav.evaluate'],
    ['hotwash', `/drills/${id}/hotwash`, 'drillsEval.nav.hotwash'],
    ['report', `/drills/${id}/report`, 'drillsEval.nav.report'],
    ['plan', `/drills/${id}/improvement-plan`, 'drillsEval.nav.plan'],
    ['print', `/drills/${id}/report/print`, 'drillsEval.nav.print'],
  ];
  return (
    <div class={`drills-eval drills-eval-${screen}`}>
      <ExerciseBanner name={name} />
      <PageHeading title={title}>{title}</PageHeading>
      <nav class="drills-eval-nav" aria-label={t('drillsEval.nav')}>
        <ul>
          {links.map(([key, href, label]) => (
            <li key={key}>
              <a href={href} aria-current={key === screen ? 'page' : undefined}>
                {t(label)}
              </a>
            </li>
          ))}
          <li>
            <a href={`/drills/${id}`}>{t('drillsEval.back')}</a>
          </li>
        </ul>
      </nav>
      {children(read, t)}
    </div>
  );
}

/** A field's error under its label, announced with the field. */
export function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
