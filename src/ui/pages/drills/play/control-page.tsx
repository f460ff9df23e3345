// /drills/:id/control — the controller console. The scenario clock (start, pause, resume, speed, jump to a
// module's start, end: each a record.update of the exercise's four clock fields from applyClock, so every
// device computes the same scenario time from them, offline too) and the inject schedule: every inject
// with its scenario time, synopsis, intended players and its state in words (delivered by the clock or
// early, upcoming, held), who acknowledged it, the players' actions and the expected action's status,
// with "Deliver now", "Hold", "Release" and the expected-action status as append-only inject events.
// The clock's label moves once a second while the page is visible (one interval for the page).
import { useState } from 'preact/hooks';
import type { ExerciseModule, InjectAction } from '../../../../domain/drills/drill-kinds';
import { CLOCK_SPEEDS } from '../../../../domain/drills/drill-kinds';
import type { ClockCommand, ExpectedStatus, InjectState } from '../../../../domain/drills/drill-rules';
import { applyClock, injectState, scenarioMinutesAt } from '../../../../domain/drills/drill-rules';
import type { ExerciseRead } from '../../../../storage/drill-queries';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { formatDateTime } from '../../../format/format-date-time';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBanner } from '../exercise-banner';
import { playMessages, type PlayT } from './messages';
import {
  appendEvent,
  clockOf,
  clockStateText,
  methodText,
  NotOnDevice,
  OutageSwitch,
  scenarioTimeLabel,
  useExerciseRead,
  writeProblem,
} from './play-parts';
import {
  eventMinute,
  participantsOf,
  playerNames,
  toEvent,
  toInject,
  type PlayEvent,
  type PlayInject,
} from './play-model';
import { useSecondTick } from './use-play-clock';

export function ControlPage() {
  const t = useAreaT(playMessages);
  const { read } = useExerciseRead();
  if (read === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (read === null) return <NotOnDevice t={t} title={t('drills.control.title')} />;
  return <ControlView t={t} read={read} />;
}

type Shown = 'clock' | 'early' | 'held' | 'upcoming';
const shownState = (state: InjectState): Shown =>
  state.delivered ? (state.deliveredBy ?? 'clock') : state.held ? 'held' : 'upcoming';

const CONTROL_ROLES = ['lead_controller', 'controller'];

function ControlView({ t, read }: { t: PlayT; read: ExerciseRead }) {
  const { exercise } = read;
  const name = String(exercise.fields.name ?? '');
  const user = useCachedSession()?.user;
  const announce = useAppStore((state) => state.announce);
  const participants = participantsOf(exercise.fields);
  const canClock = user?.role === 'admin' || user?.role === 'manager';
  const canDeliver =
    !!user &&
    user.role !== 'viewer' &&
    (canClock || participants.some((p) => p.username === user.username && CONTROL_ROLES.includes(p.role)));
  const clock = clockOf(exercise);
  useSecondTick(clock.clockState === 'running');
  const now = new Date().toISOString();
  const scenarioNow = scenarioMinutesAt(clock, now);
  const injects = read.injects.map(toInject);
  const events = read.events.map(toEvent);
  const states = new Map(injects.map((inject) => [inject.id, injectState(inject, events, scenarioNow)]));
  const modules = (Array.isArray(exercise.fields.modules)
    ? exercise.fields.modules
    : []) as unknown as ExerciseModule[];
  const [problem, setProblem] = useState<string | null>(null);
  const [speed, setSpeed] = useState(String(clock.clockSpeed));
  const [moduleId, setModuleId] = useState(modules[0]?.id ?? '');
  const [confirmEnd, setConfirmEnd] = useState(false);

  const command = async (cmd: ClockCommand): Promise<string | null> => {
    const at = new Date().toISOString();
    const next = applyClock(clock, cmd, at);
    const status = cmd.type === 'start' ? 'running' : cmd.type === 'end' ? 'ended' : null;
    const result = await writeChange('record.update', {
      kind: 'exercise',
      id: exercise.id,
      fields: { ...next, ...(status ? { status } : {}) },
    });
    const message = writeProblem(t, result);
    setProblem(message);
    if (!message)
      announce(
        t('drills.clock.changed', {
          state: clockStateText(t, next),
          time: scenarioTimeLabel(scenarioMinutesAt(next, at)),
        }),
      );
    return message;
  };

  const injectAction = async (inject: PlayInject, action: InjectAction, status?: ExpectedStatus) => {
    const message = await appendEvent(t, exercise, {
      action,
      injectId: inject.id,
      scenarioMinute: eventMinute(scenarioMinutesAt(clock, new Date().toISOString())),
      byName: user?.displayName || user?.username || '—',
      ...(user?.username ? { byUsername: user.username } : {}),
    });
    setProblem(message);
    if (message) return;
    announce(
      status
        ? t('drills.inject.announce.expected', {
            number: inject.number,
            status: t(`drills.inject.expected.${status}`),
          })
        : t(`drills.inject.announce.${action as 'delivered_early' | 'held' | 'released'}`, {
            number: inject.number,
          }),
    );
  };

  const counts = [...states.values()];
  const unlinked = events.filter((e) => e.action === 'player_action' && !e.injectId);
  const running = clock.clockState === 'running';
  const started = clock.clockState === 'running' || clock.clockState === 'paused';

  return (
    <div class="drills-control-page">
      <ExerciseBanner name={name} />
      <PageHeading title={t('drills.control.title')}>{t('drills.control.heading', { name })}</PageHeading>
      <p>
        <a href={`/drills/${exercise.id}`}>{t('drills.play.back')}</a>
        {' · '}
        <a href={`/drills/${exercise.id}/play`}>{t('drills.control.playerView')}</a>
      </p>
      <OutageSwitch />

      <section aria-labelledby="drills-clock-heading">
        <h2 id="drills-clock-heading">{t('drills.clock.heading')}</h2>
        <p class="drills-clock-time" id="drills-clock-time" role="timer" aria-label={t('drills.clock.time')}>
          {scenarioTimeLabel(scenarioNow)}
        </p>
        <p id="drills-clock-state">
          <strong>{clockStateText(t, clock)}</strong>
          {exercise.pending && <span class="drills-unsent"> · {t('drills.play.unsent')}</span>}
        </p>
        {!canClock && <p class="muted">{t('drills.clock.readOnly')}</p>}
        {canClock && clock.clockState !== 'ended' && (
          <div class="drills-clock-controls">
            {clock.clockState === 'not_started' && (
              <button type="button" class="button" onClick={() => void command({ type: 'start' })}>
                {t('drills.clock.start')}
              </button>
            )}
            {running && (
              <button type="button" class="button" onClick={() => void command({ type: 'pause' })}>
                {t('drills.clock.pause')}
              </button>
            )}
            {clock.clockState === 'paused' && (
              <button type="button" class="button" onClick={() => void command({ type: 'resume' })}>
                {t('drills.clock.resume')}
              </button>
            )}
            {started && (
              <>
                <div class="field">
                  <label for="drills-speed">{t('drills.clock.speed')}</label>
                  <select
                    id="drills-speed"
                    value={speed}
                    onChange={(e) => setSpeed((e.currentTarget as HTMLSelectElement).value)}
                  >
                    {CLOCK_SPEEDS.map((s) => (
                      <option key={s} value={String(s)}>
                        {t('drills.clock.speedOption', { speed: s })}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  class="button button-secondary"
                  onClick={() => void command({ type: 'speed', speed: Number(speed) })}
                >
                  {t('drills.clock.setSpeed')}
                </button>
                {modules.length > 0 && (
                  <>
                    <div class="field">
                      <label for="drills-module">{t('drills.clock.module')}</label>
                      <select
                        id="drills-module"
                        value={moduleId}
                        onChange={(e) => setModuleId((e.currentTarget as HTMLSelectElement).value)}
                      >
                        {modules.map((m) => (
                          <option key={m.id} value={m.id}>
                            {t('drills.clock.moduleOption', {
                              title: m.title,
                              time: scenarioTimeLabel(Number(m.startsAtMinute)),
                            })}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button
                      type="button"
                      class="button button-secondary"
                      onClick={() => {
                        const target = modules.find((m) => m.id === moduleId);
                        if (target) void command({ type: 'jump', minutes: Number(target.startsAtMinute) });
                      }}
                    >
                      {t('drills.clock.jump')}
                    </button>
                  </>
                )}
                <button type="button" class="button button-danger" onClick={() => setConfirmEnd(true)}>
                  {t('drills.clock.end')}
                </button>
              </>
            )}
          </div>
        )}
        <FormError id="drills-control-error" message={problem} />
      </section>

      <section aria-labelledby="drills-schedule-heading">
        <h2 id="drills-schedule-heading">{t('drills.control.schedule')}</h2>
        {injects.length === 0 ? (
          <p class="empty-state">{t('drills.control.empty')}</p>
        ) : (
          <>
            <p id="drills-schedule-summary">
              {t('drills.control.summary', {
                delivered: counts.filter((s) => s.delivered).length,
                total: injects.length,
                held: counts.filter((s) => s.held).length,
                acknowledged: counts.filter((s) => s.acknowledgedBy.length > 0).length,
              })}
            </p>
            <ol class="drills-inject-list">
              {injects.map((inject) => (
                <ScheduleRow
                  key={inject.id}
                  t={t}
                  inject={inject}
                  state={states.get(inject.id)!}
                  players={playerNames(inject, participants)}
                  canDeliver={canDeliver}
                  act={(action, status) => injectAction(inject, action, status)}
                />
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="drills-unlinked-heading">
        <h2 id="drills-unlinked-heading">{t('drills.control.unlinked')}</h2>
        {unlinked.length === 0 ? (
          <p class="muted">{t('drills.control.noUnlinked')}</p>
        ) : (
          <ul id="drills-unlinked">
            {unlinked.map((event) => (
              <ActionLine key={event.id} t={t} event={event} />
            ))}
          </ul>
        )}
      </section>

      {confirmEnd && (
        <ConfirmDialog
          id="drills-end-dialog"
          title={t('drills.clock.endConfirmTitle')}
          body={t('drills.clock.endConfirm')}
          confirmLabel={t('drills.clock.end')}
          confirm={() => command({ type: 'end' })}
          onDone={() => setConfirmEnd(false)}
          onClose={() => setConfirmEnd(false)}
        />
      )}
    </div>
  );
}

function ActionLine({ t, event }: { t: PlayT; event: PlayEvent }) {
  return (
    <li>
      {t('drills.inject.actionLine', {
        name: event.byName,
        time: formatDateTime(event.at, t.language),
        text: event.text ?? '',
      })}
      {event.pending && <span class="drills-unsent"> · {t('drills.play.unsent')}</span>}
    </li>
  );
}

const EXPECTED: { status: Exclude<ExpectedStatus, 'pending'>; action: InjectAction }[] = [
  { status: 'met', action: 'expected_met' },
  { status: 'partly', action: 'expected_partly' },
  { status: 'not_met', action: 'expected_not_met' },
];

function ScheduleRow({
  t,
  inject,
  state,
  players,
  canDeliver,
  act,
}: {
  t: PlayT;
  inject: PlayInject;
  state: InjectState;
  players: string[];
  canDeliver: boolean;
  act: (action: InjectAction, status?: ExpectedStatus) => Promise<void>;
}) {
  const shown = shownState(state);
  const [expected, setExpected] = useState<Exclude<ExpectedStatus, 'pending'>>(
    state.expected === 'pending' ? 'met' : state.expected,
  );
  const headingId = `inject-${inject.id}`;
  const which = <span class="visually-hidden">{t('drills.inject.which', { number: inject.number })}</span>;
  return (
    <li class="drills-inject" data-state={shown} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('drills.inject.heading', {
          number: inject.number,
          time: scenarioTimeLabel(inject.scenarioMinute),
          synopsis: inject.synopsis,
        })}
      </h3>
      <p>
        {players.length > 0
          ? t('drills.inject.for', { players: players.join(', ') })
          : t('drills.inject.forEveryone')}
        {' · '}
        {t('drills.inject.method', { method: methodText(t, inject.method) })}
      </p>
      <p class="drills-inject-state">
        <strong>{t('drills.inject.state', { state: t(`drills.inject.state.${shown}`) })}</strong>
      </p>
      <p class="drills-inject-ack">
        {state.acknowledgedBy.length > 0
          ? t('drills.inject.ackBy', { names: state.acknowledgedBy.join(', ') })
          : t('drills.inject.notAcked')}
      </p>
      <details>
        <summary>{t('drills.inject.text')}</summary>
        <p class="drills-inject-text">{inject.text}</p>
      </details>
      <p>
        {inject.expectedAction
          ? t('drills.inject.expected', { text: inject.expectedAction })
          : t('drills.inject.noExpected')}
      </p>
      <p class="drills-inject-expected">
        <strong>
          {t('drills.inject.expectedStatus', { status: t(`drills.inject.expected.${state.expected}`) })}
        </strong>
      </p>
      <p>{t('drills.inject.actions')}:</p>
      {state.actions.length === 0 ? (
        <p class="muted">{t('drills.inject.noActions')}</p>
      ) : (
        <ul class="drills-inject-actions">
          {state.actions.map((event) => (
            <ActionLine key={event.id} t={t} event={event as PlayEvent} />
          ))}
        </ul>
      )}
      {canDeliver && (
        <div class="drills-clock-controls">
          {!state.delivered && (
            <button type="button" class="button button-small" onClick={() => void act('delivered_early')}>
              {t('drills.inject.deliverNow')}
              {which}
            </button>
          )}
          {!state.delivered && !state.held && (
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => void act('held')}
            >
              {t('drills.inject.hold')}
              {which}
            </button>
          )}
          {state.held && (
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => void act('released')}
            >
              {t('drills.inject.release')}
              {which}
            </button>
          )}
          <div class="field">
            <label for={`expected-${inject.id}`}>
              {t('drills.inject.setExpectedLabel', { number: inject.number })}
            </label>
            <select
              id={`expected-${inject.id}`}
              value={expected}
              onChange={(e) =>
                setExpected(
                  (e.currentTarget as HTMLSelectElement).value as Exclude<ExpectedStatus, 'pending'>,
                )
              }
            >
              {EXPECTED.map((option) => (
                <option key={option.status} value={option.status}>
                  {t(`drills.inject.expected.${option.status}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => void act(EXPECTED.find((o) => o.status === expected)!.action, expected)}
          >
            {t('drills.inject.setExpected')}
            {which}
          </button>
        </div>
      )}
    </li>
  );
}
