// /drills/:id/play — the player view. The injects released for me (meant for my username, or every inject
// when my username is not on the exercise), newest first, each with its text and delivery method,
// "Acknowledge" and "Log an action"; and an action not tied to an inject. Released by the clock on this
// device from the exercise already synced here, offline too: one timeout for the next inject due
// (useReleaseTimer), and each new inject is announced to screen readers. An inject is never in the page
// before its time. What I write shows "not yet sent" until the server has it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isForPlayer, scenarioMinutesAt } from '../../../../domain/drills/drill-rules';
import type { ExerciseRead } from '../../../../storage/drill-queries';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { formatDateTime } from '../../../format/format-date-time';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { ExerciseBanner } from '../exercise-banner';
import { ExerciseModeSwitch } from '../exercise-mode-switch';
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
} from './play-parts';
import {
  clockPending,
  eventMinute,
  participantsOf,
  playerFilter,
  releasedInjects,
  toEvent,
  toInject,
  type PlayEvent,
  type PlayInject,
} from './play-model';
import { useReleaseTimer, useSecondTick } from './use-play-clock';

export function PlayerPage() {
  const t = useAreaT(playMessages);
  const { read } = useExerciseRead();
  if (read === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (read === null) return <NotOnDevice t={t} title={t('drills.player.title')} />;
  return <PlayerView t={t} read={read} />;
}

function PlayerView({ t, read }: { t: PlayT; read: ExerciseRead }) {
  const { exercise } = read;
  const name = String(exercise.fields.name ?? '');
  const user = useCachedSession()?.user;
  const announce = useAppStore((state) => state.announce);
  const participants = participantsOf(exercise.fields);
  const username = playerFilter(participants, user?.username);
  const clock = clockOf(exercise);
  useSecondTick(clock.clockState === 'running');
  const scenarioNow = scenarioMinutesAt(clock, new Date().toISOString());
  const mine = read.injects
    .map(toInject)
    .filter((inject) => username === null || isForPlayer(inject, username));
  const events = read.events.map(toEvent);
  useReleaseTimer(clock, clockPending(mine, events, scenarioNow));
  const released = releasedInjects(mine, events, scenarioNow, null);
  const [problem, setProblem] = useState<string | null>(null);

  // Announces injects that arrive while the page is open (not those already there when it opened).
  const seen = useRef<Set<string> | null>(null);
  const releasedIds = released.map((r) => r.inject.id).join(',');
  useEffect(() => {
    const fresh = released.filter((r) => seen.current && !seen.current.has(r.inject.id));
    if (fresh.length > 0)
      announce(
        fresh
          .map((r) => t('drills.player.newInject', { number: r.inject.number, synopsis: r.inject.synopsis }))
          .join(' '),
      );
    seen.current = new Set(released.map((r) => r.inject.id));
  }, [releasedIds]);

  const me = {
    byName: user?.displayName || user?.username || '—',
    ...(user?.username ? { byUsername: user.username } : {}),
  };
  const isMine = (event: PlayEvent) =>
    user?.username ? event.byUsername === user.username : event.byName === me.byName;
  const myActions = events.filter((e) => e.action === 'player_action' && isMine(e));
  const minute = () => eventMinute(scenarioMinutesAt(clock, new Date().toISOString()));

  const acknowledge = async (inject: PlayInject) => {
    const message = await appendEvent(t, exercise, {
      action: 'acknowledged',
      injectId: inject.id,
      scenarioMinute: minute(),
      ...me,
    });
    setProblem(message);
    if (!message) announce(t('drills.player.ackSaved', { number: inject.number }));
  };

  const logAction = async (text: string, inject?: PlayInject): Promise<boolean> => {
    const message = await appendEvent(t, exercise, {
      action: 'player_action',
      ...(inject ? { injectId: inject.id } : {}),
      text,
      scenarioMinute: minute(),
      ...me,
    });
    setProblem(message);
    if (!message) announce(t('drills.player.actionSaved'));
    return !message;
  };

  const numberOf = (injectId: string | undefined) => mine.find((i) => i.id === injectId)?.number;

  return (
    <div class="drills-player-page">
      <ExerciseBanner name={name} />
      <PageHeading title={t('drills.player.title')}>{t('drills.player.heading', { name })}</PageHeading>
      <p>
        <a href={`/drills/${exercise.id}`}>{t('drills.play.back')}</a>
      </p>
      <OutageSwitch />
      <ExerciseModeSwitch exerciseId={exercise.id} name={name} />
      <p id="drills-player-clock">
        <strong>
          {t('drills.player.clock', {
            time: scenarioTimeLabel(scenarioNow),
            state: clockStateText(t, clock),
          })}
        </strong>
      </p>
      {!user && <p class="muted">{t('drills.player.signedOut')}</p>}
      <FormError id="drills-player-error" message={problem} />

      <section aria-labelledby="drills-player-injects">
        <h2 id="drills-player-injects">{t('drills.player.injects')}</h2>
        {username === null && <p class="muted">{t('drills.player.everyInject')}</p>}
        {released.length === 0 ? (
          <p class="empty-state">{t('drills.player.none')}</p>
        ) : (
          <ul class="drills-inject-list" id="drills-player-list">
            {released.map(({ inject }) => (
              <PlayerInject
                key={inject.id}
                t={t}
                inject={inject}
                myAck={events.find(
                  (e) => e.injectId === inject.id && e.action === 'acknowledged' && isMine(e),
                )}
                myActions={myActions.filter((e) => e.injectId === inject.id)}
                canWrite={!!user}
                acknowledge={() => acknowledge(inject)}
                logAction={(text) => logAction(text, inject)}
              />
            ))}
          </ul>
        )}
      </section>

      {user && (
        <section aria-labelledby="drills-general-action">
          <h2 id="drills-general-action">{t('drills.player.general')}</h2>
          <ActionForm t={t} id="drills-general" save={(text) => logAction(text)} />
        </section>
      )}

      <section aria-labelledby="drills-my-actions">
        <h2 id="drills-my-actions">{t('drills.player.myActions')}</h2>
        {myActions.length === 0 ? (
          <p class="muted">{t('drills.player.noActions')}</p>
        ) : (
          <ul id="drills-my-actions-list">
            {[...myActions].reverse().map((event) => {
              const number = numberOf(event.injectId);
              return (
                <li key={event.id}>
                  {number !== undefined
                    ? t('drills.player.actionAbout', { number })
                    : t('drills.player.actionGeneral')}
                  {' · '}
                  {formatDateTime(event.at, t.language)}
                  {': '}
                  {event.text}
                  {event.pending && <span class="drills-unsent"> · {t('drills.play.unsent')}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function PlayerInject({
  t,
  inject,
  myAck,
  myActions,
  canWrite,
  acknowledge,
  logAction,
}: {
  t: PlayT;
  inject: PlayInject;
  myAck: PlayEvent | undefined;
  myActions: PlayEvent[];
  canWrite: boolean;
  acknowledge: () => Promise<void>;
  logAction: (text: string) => Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const headingId = `player-inject-${inject.id}`;
  const which = <span class="visually-hidden">{t('drills.inject.which', { number: inject.number })}</span>;
  return (
    <li class="drills-inject" data-state="delivered" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('drills.player.injectHeading', {
          number: inject.number,
          time: scenarioTimeLabel(inject.scenarioMinute),
        })}
      </h3>
      <p>
        <strong>{inject.synopsis}</strong>
      </p>
      <p>{t('drills.inject.method', { method: methodText(t, inject.method) })}</p>
      <p class="drills-inject-text">{inject.text}</p>
      {myAck ? (
        <p class="drills-player-ack">
          <span aria-hidden="true">✓ </span>
          {t('drills.player.acknowledged', { time: formatDateTime(myAck.at, t.language) })}
          {myAck.pending && <span class="drills-unsent"> · {t('drills.play.unsent')}</span>}
        </p>
      ) : null}
      {myActions.length > 0 && (
        <ul>
          {myActions.map((event) => (
            <li key={event.id}>
              {formatDateTime(event.at, t.language)}: {event.text}
              {event.pending && <span class="drills-unsent"> · {t('drills.play.unsent')}</span>}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div class="button-row">
          {!myAck && (
            <button type="button" class="button button-small" onClick={() => void acknowledge()}>
              {t('drills.player.acknowledge')}
              {which}
            </button>
          )}
          {!open && (
            <button
              type="button"
              class="button button-secondary button-small"
              aria-expanded="false"
              onClick={() => setOpen(true)}
            >
              {t('drills.player.logAction')}
              {which}
            </button>
          )}
        </div>
      )}
      {canWrite && open && (
        <ActionForm
          t={t}
          id={`action-${inject.id}`}
          autoFocus
          save={async (text) => {
            const saved = await logAction(text);
            if (saved) setOpen(false);
            return saved;
          }}
          cancel={() => setOpen(false)}
        />
      )}
    </li>
  );
}

function ActionForm({
  t,
  id,
  save,
  cancel,
  autoFocus = false,
}: {
  t: PlayT;
  id: string;
  save: (text: string) => Promise<boolean>;
  cancel?: () => void;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, []);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('drills.player.actionRequired'));
      ref.current?.focus();
      return;
    }
    setError(null);
    if (await save(text.trim())) setText('');
  };
  return (
    <form class="drills-action-form" onSubmit={onSubmit} noValidate>
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={`${id}-text`}>{t('drills.player.actionText')}</label>
        <textarea
          id={`${id}-text`}
          ref={ref}
          value={text}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {error && (
          <p id={`${id}-error`} class="field-error">
            {error}
          </p>
        )}
      </div>
      <div class="button-row">
        <button type="submit" class="button button-small">
          {t('drills.player.save')}
        </button>
        {cancel && (
          <button type="button" class="button button-secondary button-small" onClick={cancel}>
            {t('drills.player.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
