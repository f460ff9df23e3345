// /drills/:id — an exercise's home: overview (type, dates, status, clock, hazard, scope, sponsor, point of
// contact, scenario), objectives with their core capability, modules, participants, and links to every
// exercise page (MSEL, control, play, evaluate, hot wash, report, improvement plan, print). A manager can
// "Open the exercise incident": an incident with exercise: true, linked by the exercise's incidentId, where
// players keep their ICS 214 activity logs.
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { scenarioTimeLabel } from '../../../../domain/drills/drill-rules';
import { exerciseTemplate } from '../../../../domain/drills/templates';
import { listInjects } from '../../../../storage/drill-queries';
import { getRecord } from '../../../../storage/sync-queries';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBanner } from '../exercise-banner';
import { ExerciseModeSwitch } from '../exercise-mode-switch';
import { canPlan, modulesOf, objectivesOf, participantsOf } from './exercise-model';
import { drillsPlanMessages, type DrillsPlanT } from './messages';
import {
  clockLabel,
  datesLabel,
  ExerciseMissing,
  statusLabel,
  typeLabel,
  useExercise,
  writeProblem,
} from './plan-parts';
import '../../../styles/drills.css';

/** Ticks every few seconds so a running clock's time stays current. */
function useNow(ms = 5_000): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function ExercisePage() {
  const t = useAreaT(drillsPlanMessages);
  const { params } = useRoute();
  const id = params.id ?? '';
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const exercise = useExercise(id);
  const injects = useLiveQuery(() => (db ? listInjects(db, id) : undefined), [db, id]);
  const incidentId = typeof exercise?.fields.incidentId === 'string' ? exercise.fields.incidentId : '';
  const incident = useLiveQuery(
    () => (db && incidentId ? getRecord(db, incidentId).then((r) => r ?? null) : null),
    [db, incidentId],
  );
  const now = useNow();
  if (exercise === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (exercise === null) return <ExerciseMissing t={t} title={t('drillsPlan.title')} />;
  const f = exercise.fields;
  const name = String(f.name ?? '');
  const objectives = objectivesOf(f);
  const modules = modulesOf(f);
  const participants = participantsOf(f);
  const template = typeof f.templateKey === 'string' ? exerciseTemplate(f.templateKey) : undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const contingency = (injects ?? []).filter((i) => i.fields.contingency === true).length;
  const base = `/drills/${exercise.id}`;
  const planner = canPlan(user?.role);

  return (
    <div class="drills-exercise">
      <ExerciseBanner name={name} />
      <PageHeading title={name}>{name}</PageHeading>
      <ExerciseModeSwitch exerciseId={exercise.id} name={name} />
      <nav aria-labelledby="exercise-pages" class="drills-links">
        <h2 id="exercise-pages">{t('drillsPlan.home.pages')}</h2>
        <ul>
          {planner && (
            <li>
              <a href={`${base}/edit`}>{t('drillsPlan.home.edit')}</a>
            </li>
          )}
          <li>
            <a href={`${base}/msel`}>{t('drillsPlan.home.msel')}</a>
          </li>
          <li>
            <a href={`${base}/control`}>{t('drillsPlan.home.control')}</a>
          </li>
          <li>
            <a href={`${base}/play`}>{t('drillsPlan.home.play')}</a>
          </li>
          <li>
            <a href={`${base}/evaluate`}>{t('drillsPlan.home.evaluate')}</a>
          </li>
          <li>
            <a href={`${base}/hotwash`}>{t('drillsPlan.home.hotwash')}</a>
          </li>
          <li>
            <a href={`${base}/report`}>{t('drillsPlan.home.report')}</a>
          </li>
          <li>
            <a href={`${base}/improvement-plan`}>{t('drillsPlan.home.improvementPlan')}</a>
          </li>
          <li>
            <a href={`${base}/print`}>{t('drillsPlan.home.print')}</a>
          </li>
          <li>
            <a href={`${base}/msel/print`}>{t('drillsPlan.home.printMsel')}</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="exercise-overview">
        <h2 id="exercise-overview">{t('drillsPlan.home.overview')}</h2>
        <dl class="facts">
          <Fact label={t('drillsPlan.home.type')} value={typeLabel(t, f)} />
          <Fact label={t('drillsPlan.home.dates')} value={datesLabel(t, f)} />
          <Fact label={t('drillsPlan.home.status')} value={statusLabel(t, f)} />
          <Fact label={t('drillsPlan.home.clock')} value={clockLabel(t, f, now)} />
          <Fact
            label={t('drillsPlan.home.injects')}
            value={injects ? t('drillsPlan.home.injectCount', { count: injects.length, contingency }) : ''}
          />
          <Fact label={t('drillsPlan.form.hazard')} value={text(f.hazard)} />
          <Fact label={t('drillsPlan.form.scope')} value={text(f.scope)} />
          <Fact label={t('drillsPlan.form.sponsor')} value={text(f.sponsor)} />
          <Fact label={t('drillsPlan.form.pointOfContact')} value={text(f.pointOfContact)} />
          {template && <Fact label={t('drillsPlan.home.template')} value={template.name[t.language]} />}
        </dl>
        {text(f.scenario) && (
          <>
            <h3>{t('drillsPlan.home.scenario')}</h3>
            <p class="drills-scenario">{text(f.scenario)}</p>
          </>
        )}
      </section>

      <IncidentSection
        t={t}
        exerciseId={exercise.id}
        name={name}
        dept={exercise.dept}
        planner={planner}
        templateKey={text(f.templateKey)}
        incident={incidentId ? (incident ?? null) : null}
        incidentId={incidentId}
      />

      <section aria-labelledby="exercise-objectives">
        <h2 id="exercise-objectives">{t('drillsPlan.form.objectives')}</h2>
        {objectives.length === 0 ? (
          <p class="muted">{t('drillsPlan.home.noObjectives')}</p>
        ) : (
          <ol class="drills-objectives">
            {objectives.map((o) => (
              <li key={o.id}>
                {o.text}
                {o.capability && (
                  <>
                    <br />
                    <span class="muted">{t('drillsPlan.home.capability', { capability: o.capability })}</span>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="exercise-modules">
        <h2 id="exercise-modules">{t('drillsPlan.form.modules')}</h2>
        {modules.length === 0 ? (
          <p class="muted">{t('drillsPlan.home.noModules')}</p>
        ) : (
          <ol class="drills-modules">
            {modules.map((m) => (
              <li key={m.id}>
                <strong>{m.title}</strong> —{' '}
                {t('drillsPlan.home.moduleStart', { time: scenarioTimeLabel(Number(m.startsAtMinute)) })}
                {m.summary && (
                  <>
                    <br />
                    {m.summary}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="exercise-participants">
        <h2 id="exercise-participants">{t('drillsPlan.form.participants')}</h2>
        {participants.length === 0 ? (
          <p class="muted">{t('drillsPlan.home.noParticipants')}</p>
        ) : (
          <ParticipantsTable t={t} participants={participants} />
        )}
      </section>
      <p>
        <a href="/drills">{t('drillsPlan.back')}</a>
      </p>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
}

export function ParticipantsTable({
  t,
  participants,
}: {
  t: DrillsPlanT;
  participants: ReturnType<typeof participantsOf>;
}) {
  return (
    <div class="table-scroll">
      <table class="table drills-participants">
        <thead>
          <tr>
            <th scope="col">{t('drillsPlan.col.name')}</th>
            <th scope="col">{t('drillsPlan.col.role')}</th>
            <th scope="col">{t('drillsPlan.col.organization')}</th>
            <th scope="col">{t('drillsPlan.col.username')}</th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p, i) => (
            <tr key={`${p.name}-${i}`}>
              <td>{p.name}</td>
              <td>{t(`drillsPlan.role.${p.role}`)}</td>
              <td>{p.organization ?? ''}</td>
              <td>{p.username}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const INCIDENT_TYPE_OF_TEMPLATE: Record<string, string> = {
  'power-outage-tabletop': 'power_outage',
  'ransomware-tabletop': 'it_outage',
};

function IncidentSection({
  t,
  exerciseId,
  name,
  dept,
  planner,
  templateKey,
  incident,
  incidentId,
}: {
  t: DrillsPlanT;
  exerciseId: string;
  name: string;
  dept: string;
  planner: boolean;
  templateKey: string;
  incident: { id: string; fields: Record<string, unknown> } | null;
  incidentId: string;
}) {
  const announce = useAppStore((state) => state.announce);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    const id = uuidv7();
    const created = await writeChange('record.create', {
      kind: 'incident',
      id,
      dept,
      fields: {
        name,
        incidentType: INCIDENT_TYPE_OF_TEMPLATE[templateKey] ?? 'other',
        severity: 'minor',
        status: 'active',
        startedAt: new Date().toISOString(),
        departments: [dept],
        exercise: true,
        description: t('drillsPlan.home.incidentDescription', { name }),
      },
    });
    let problem = writeProblem(t, created);
    if (!problem)
      problem = writeProblem(
        t,
        await writeChange('record.update', { kind: 'exercise', id: exerciseId, fields: { incidentId: id } }),
      );
    setBusy(false);
    setError(problem);
    if (!problem) announce(t('drillsPlan.home.incidentOpened'));
  };
  return (
    <section aria-labelledby="exercise-incident">
      <h2 id="exercise-incident">{t('drillsPlan.home.incident')}</h2>
      {incidentId ? (
        <p>
          <a href={`/incidents/${incidentId}`}>
            {t('drillsPlan.home.incidentLink', { name: String(incident?.fields.name ?? name) })}
          </a>
        </p>
      ) : (
        <>
          <p class="muted">{t('drillsPlan.home.incidentNone')}</p>
          {planner && (
            <button type="button" class="button button-secondary" disabled={busy} onClick={() => void open()}>
              {busy ? t('drillsPlan.home.incidentOpening') : t('drillsPlan.home.incidentOpen')}
            </button>
          )}
          <FormError id="incident-error" message={error} />
        </>
      )}
    </section>
  );
}
