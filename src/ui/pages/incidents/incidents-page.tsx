// The incident board: active and monitoring incidents first, each with its latest entries and how many of
// its changes the server has not yet confirmed; closed incidents below. Exercises say EXERCISE.
import { readIncidentBoard, type BoardIncident } from '../../../storage/incident-queries';
import { ExerciseToggle, useShowExercises, withoutExercises } from '../../components/exercise-toggle';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { ExerciseBadge } from './exercise-badge';
import { formatTime24, text } from './incident-helpers';
import { priorityKey, severityKey, statusKey, typeKey } from './labels';
import { incidentsMessages, type IncidentsT } from './messages';
import '../../styles/incidents.css';

export function IncidentsPage() {
  const t = useAreaT(incidentsMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const board = useLiveQuery(() => (db ? readIncidentBoard(db) : null), [db]);
  const writable = !!user && user.role !== 'viewer';
  // Exercise incidents stay off the board unless asked for (exercise data never mixes with real).
  const [showExercises, setShowExercises] = useShowExercises();
  const open = board ? withoutExercises(board.open.map(asRecord), showExercises) : null;
  const closed = board ? withoutExercises(board.closed.map(asRecord), showExercises) : null;
  const exercises = (open?.exercises ?? 0) + (closed?.exercises ?? 0);

  return (
    <>
      <PageHeading title={t('incidents.title')}>{t('incidents.title')}</PageHeading>
      {writable && (
        <p>
          <a class="button" href="/incidents/new">
            {t('incidents.new')}
          </a>
        </p>
      )}
      <ExerciseToggle
        id="board-show-exercises"
        shown={showExercises}
        count={exercises}
        onChange={setShowExercises}
      />
      {!board || !open || !closed ? (
        <p class="muted">{t('app.loading')}</p>
      ) : open.visible.length === 0 && closed.visible.length === 0 ? (
        <p class="empty-state">{t('incidents.board.empty')}</p>
      ) : (
        <>
          <section aria-labelledby="board-open-heading">
            <h2 id="board-open-heading">{t('incidents.board.open')}</h2>
            {open.visible.length === 0 ? (
              <p class="muted">{t('incidents.board.noOpen')}</p>
            ) : (
              <ul class="incident-board" aria-labelledby="board-open-heading">
                {open.visible.map(({ item }) => (
                  <BoardCard key={item.incident.id} t={t} item={item} showLatest />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="board-closed-heading">
            <h2 id="board-closed-heading">{t('incidents.board.closed')}</h2>
            {closed.visible.length === 0 ? (
              <p class="muted">{t('incidents.board.noClosed')}</p>
            ) : (
              <ul class="incident-board incident-board-closed" aria-labelledby="board-closed-heading">
                {closed.visible.map(({ item }) => (
                  <BoardCard key={item.incident.id} t={t} item={item} showLatest={false} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** A board item with its incident's fields at hand, for withoutExercises. */
const asRecord = (item: BoardIncident) => ({ item, fields: item.incident.fields });

function BoardCard({ t, item, showLatest }: { t: IncidentsT; item: BoardIncident; showLatest: boolean }) {
  const { incident, latest, unsent } = item;
  const f = incident.fields;
  const headingId = `board-${incident.id}`;
  return (
    <li class="incident-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <a href={`/incidents/${incident.id}`}>{text(f.name)}</a>
      </h3>
      <p class="incident-summary">
        <ExerciseBadge exercise={f.exercise} />
        {text(f.number) && <span>{t('incidents.numberShort', { number: text(f.number) })}</span>}
        <span>{t(typeKey(f.incidentType))}</span>
        <span>
          {t('incidents.field.severity')}: {t(severityKey(f.severity))}
        </span>
        <span>
          {t('incidents.field.status')}: <strong>{t(statusKey(f.status))}</strong>
        </span>
        <span>{t('incidents.started', { time: formatTime24(f.startedAt, t.language) })}</span>
      </p>
      <p class="incident-unsent">
        {unsent > 0 ? (
          <span class="tag tag-pending">{t('incidents.board.unsent', { count: unsent })}</span>
        ) : (
          t('incidents.board.allSent')
        )}
      </p>
      {showLatest &&
        (latest.length === 0 ? (
          <p class="muted">{t('incidents.board.noEntries')}</p>
        ) : (
          <>
            <h4>{t('incidents.board.latest')}</h4>
            <ol class="incident-latest">
              {latest.map((entry) => (
                <li key={entry.id}>
                  <time dateTime={text(entry.fields.eventAt)}>
                    {formatTime24(entry.fields.eventAt, t.language)}
                  </time>{' '}
                  {text(entry.fields.priority) && (
                    <span class="tag">{t(priorityKey(entry.fields.priority))}</span>
                  )}{' '}
                  {text(entry.fields.text)} <span class="muted">— {text(entry.fields.authorName)}</span>
                </li>
              ))}
            </ol>
          </>
        ))}
    </li>
  );
}
