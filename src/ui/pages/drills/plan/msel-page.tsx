// /drills/:id/msel — the exercise's master scenario events list: a table (number, scenario time, synopsis,
// method, controller, intended players, objective, contingency in words); managers add, edit and remove
// injects (every field of msel_inject; players picked from the participants with the player role, the
// objective and module from the exercise's own), export the MSEL as CSV and import one (msel-csv.ts: all
// or nothing, errors by spreadsheet row, a number already there updates that inject).
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { DELIVERY_METHODS } from '../../../../domain/drills/drill-kinds';
import { scenarioTimeLabel } from '../../../../domain/drills/drill-rules';
import {
  MSEL_HEADERS,
  mselCsv,
  parseScenarioTime,
  planMselImport,
  type MselImportPlan,
  type MselRowError,
} from '../../../../domain/drills/msel-csv';
import type { JsonObject } from '../../../../domain/sync/json-value';
import { listInjects } from '../../../../storage/drill-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBanner } from '../exercise-banner';
import { canPlan, modulesOf, objectivesOf, participantsOf } from './exercise-model';
import { drillsPlanMessages, type DrillsPlanT } from './messages';
import { ExerciseMissing, useExercise, writeProblem } from './plan-parts';
import '../../../styles/drills.css';

type Method = (typeof DELIVERY_METHODS)[number];

export function MselPage() {
  const t = useAreaT(drillsPlanMessages);
  const { params } = useRoute();
  const id = params.id ?? '';
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const exercise = useExercise(id);
  const injects = useLiveQuery(() => (db ? listInjects(db, id) : undefined), [db, id]);
  const announce = useAppStore((state) => state.announce);
  const [editing, setEditing] = useState<RecordView | 'new' | null>(null);
  const [removing, setRemoving] = useState<RecordView | null>(null);
  if (exercise === undefined || injects === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (exercise === null) return <ExerciseMissing t={t} title={t('drillsPlan.msel.heading')} />;
  const f = exercise.fields;
  const name = String(f.name ?? '');
  const title = t('drillsPlan.msel.title', { name });
  const planner = canPlan(user?.role);
  const objectives = objectivesOf(f);
  const modules = modulesOf(f);
  const players = participantsOf(f).filter((p) => p.role === 'player' && p.username);
  const playerName = (username: string) => players.find((p) => p.username === username)?.name ?? username;
  const objectiveIndex = (oid: unknown) => objectives.findIndex((o) => o.id === oid);

  const download = () => {
    const csv = mselCsv(
      injects.map((i) => i.fields),
      { objectives, modules },
      t.language,
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    const slug = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    link.download = `msel-${slug || 'exercise'}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
    announce(t('drillsPlan.msel.exported'));
  };

  return (
    <div class="drills-msel">
      <ExerciseBanner name={name} />
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <a href={`/drills/${exercise.id}`}>{t('drillsPlan.backToExercise')}</a> ·{' '}
        <a href={`/drills/${exercise.id}/msel/print`}>{t('drillsPlan.msel.print')}</a>
      </p>
      <section aria-labelledby="msel-table-heading">
        <h2 id="msel-table-heading">{t('drillsPlan.msel.heading')}</h2>
        {injects.length === 0 ? (
          <p class="empty-state">{t('drillsPlan.msel.none')}</p>
        ) : (
          <div class="table-scroll">
            <table class="table drills-msel-table">
              <thead>
                <tr>
                  <th scope="col">{t('drillsPlan.col.number')}</th>
                  <th scope="col">{t('drillsPlan.col.time')}</th>
                  <th scope="col">{t('drillsPlan.col.synopsis')}</th>
                  <th scope="col">{t('drillsPlan.col.method')}</th>
                  <th scope="col">{t('drillsPlan.col.controller')}</th>
                  <th scope="col">{t('drillsPlan.col.players')}</th>
                  <th scope="col">{t('drillsPlan.col.objective')}</th>
                  <th scope="col">{t('drillsPlan.col.contingency')}</th>
                  {planner && <th scope="col">{t('drillsPlan.col.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {injects.map((inject) => {
                  const i = inject.fields;
                  const list = Array.isArray(i.players) ? (i.players as string[]) : [];
                  const k = objectiveIndex(i.objectiveId);
                  return (
                    <tr key={inject.id} data-inject={String(i.number)}>
                      <th scope="row">{String(i.number)}</th>
                      <td>{scenarioTimeLabel(Number(i.scenarioMinute ?? 0))}</td>
                      <td>{String(i.synopsis ?? '')}</td>
                      <td>{t(`drillsPlan.method.${String(i.method)}` as 'drillsPlan.method.phone')}</td>
                      <td>{String(i.controller ?? '')}</td>
                      <td>
                        {list.length ? list.map(playerName).join(', ') : t('drillsPlan.msel.allPlayers')}
                      </td>
                      <td>{k >= 0 ? `${k + 1}. ${objectives[k]!.text}` : ''}</td>
                      <td>
                        {i.contingency === true
                          ? t('drillsPlan.msel.contingencyYes')
                          : t('drillsPlan.msel.contingencyNo')}
                      </td>
                      {planner && (
                        <td>
                          <div class="button-row">
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              aria-label={t('drillsPlan.msel.editNamed', { number: String(i.number) })}
                              onClick={() => setEditing(inject)}
                            >
                              {t('drillsPlan.msel.edit')}
                            </button>
                            <button
                              type="button"
                              class="button button-small button-secondary"
                              aria-label={t('drillsPlan.msel.removeNamed', { number: String(i.number) })}
                              onClick={() => setRemoving(inject)}
                            >
                              {t('drillsPlan.msel.remove')}
                            </button>
                          </div>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {planner && !editing && (
          <p>
            <button type="button" id="msel-add" class="button" onClick={() => setEditing('new')}>
              {t('drillsPlan.msel.add')}
            </button>
          </p>
        )}
      </section>
      {planner && editing && (
        <InjectEditor
          key={editing === 'new' ? 'new' : editing.id}
          t={t}
          exerciseId={exercise.id}
          dept={exercise.dept}
          inject={editing === 'new' ? null : editing}
          injects={injects}
          objectives={objectives}
          modules={modules}
          players={players}
          onDone={() => {
            setEditing(null);
            requestAnimationFrame(() => document.getElementById('msel-add')?.focus());
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          id="remove-inject"
          title={t('drillsPlan.msel.removeTitle', { number: String(removing.fields.number) })}
          body={t('drillsPlan.msel.removeBody')}
          confirmLabel={t('drillsPlan.msel.remove')}
          confirm={async () =>
            writeProblem(t, await writeChange('record.delete', { kind: 'msel_inject', id: removing.id }))
          }
          onDone={() => {
            setRemoving(null);
            announce(t('drillsPlan.msel.removed'));
          }}
          onClose={() => setRemoving(null)}
        />
      )}
      <section aria-labelledby="msel-csv-heading">
        <h2 id="msel-csv-heading">{t('drillsPlan.msel.csv')}</h2>
        <p>
          <button type="button" class="button button-secondary" onClick={download}>
            {t('drillsPlan.msel.export')}
          </button>
        </p>
        {planner && <ImportSection t={t} exercise={exercise} injects={injects} />}
      </section>
    </div>
  );
}

interface EditorProps {
  t: DrillsPlanT;
  exerciseId: string;
  dept: string;
  inject: RecordView | null;
  injects: RecordView[];
  objectives: ReturnType<typeof objectivesOf>;
  modules: ReturnType<typeof modulesOf>;
  players: ReturnType<typeof participantsOf>;
  onDone: () => void;
}

interface InjectDraft {
  number: string;
  time: string;
  moduleId: string;
  synopsis: string;
  text: string;
  method: Method;
  controller: string;
  players: string[];
  expectedAction: string;
  objectiveId: string;
  evaluatorNotes: string;
  contingency: boolean;
}

function InjectEditor({
  t,
  exerciseId,
  dept,
  inject,
  injects,
  objectives,
  modules,
  players,
  onDone,
}: EditorProps) {
  const announce = useAppStore((state) => state.announce);
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const f = inject?.fields ?? {};
  const nextNumber = injects.reduce((max, i) => Math.max(max, Number(i.fields.number ?? 0)), 0) + 1;
  const [draft, setDraft] = useState<InjectDraft>({
    number: String(inject ? f.number : nextNumber),
    time: scenarioTimeLabel(Number(f.scenarioMinute ?? 0)),
    moduleId: s(f.moduleId),
    synopsis: s(f.synopsis),
    text: s(f.text),
    method: (s(f.method) || 'phone') as Method,
    controller: s(f.controller),
    players: Array.isArray(f.players) ? (f.players as string[]) : [],
    expectedAction: s(f.expectedAction),
    objectiveId: s(f.objectiveId),
    evaluatorNotes: s(f.evaluatorNotes),
    contingency: f.contingency === true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof InjectDraft>(key: K, value: InjectDraft[K]) =>
    setDraft({ ...draft, [key]: value });

  const check = (): [Record<string, string>, JsonObject] => {
    const found: Record<string, string> = {};
    const number = /^\d+$/.test(draft.number.trim()) ? Number(draft.number) : NaN;
    if (!draft.number.trim()) found.number = t('drillsPlan.error.required');
    else if (!(number >= 1 && number <= 9_999))
      found.number = t('drillsPlan.csv.bad_number', { column: t('drillsPlan.msel.number') });
    else if (injects.some((i) => i.id !== inject?.id && Number(i.fields.number) === number))
      found.number = t('drillsPlan.msel.numberTaken', { number });
    const minute = parseScenarioTime(draft.time);
    if (minute === null) found.time = t('drillsPlan.error.moduleStart');
    if (!draft.synopsis.trim()) found.synopsis = t('drillsPlan.error.required');
    if (!draft.text.trim()) found.text = t('drillsPlan.error.required');
    const fields: JsonObject = {
      exerciseId,
      number,
      scenarioMinute: minute ?? 0,
      moduleId: draft.moduleId,
      synopsis: draft.synopsis.trim(),
      text: draft.text.trim(),
      method: draft.method,
      controller: draft.controller.trim(),
      players: draft.players,
      expectedAction: draft.expectedAction.trim(),
      objectiveId: draft.objectiveId,
      evaluatorNotes: draft.evaluatorNotes.trim(),
      contingency: draft.contingency,
    };
    return [found, fields];
  };

  const onSave = async (event: Event) => {
    event.preventDefault();
    const [found, fields] = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('common.fixErrors'));
      requestAnimationFrame(() =>
        (
          document.querySelector('.drills-inject-editor [aria-invalid="true"]') as HTMLElement | null
        )?.focus(),
      );
      return;
    }
    setBusy(true);
    let result;
    if (inject) {
      const { exerciseId: _skip, ...rest } = fields;
      const changed: JsonObject = {};
      for (const [key, value] of Object.entries(rest))
        if (
          JSON.stringify(value) !==
          JSON.stringify(inject.fields[key] ?? (key === 'players' ? [] : key === 'contingency' ? false : ''))
        )
          changed[key] = value;
      result = Object.keys(changed).length
        ? await writeChange('record.update', { kind: 'msel_inject', id: inject.id, fields: changed })
        : ({ ok: true } as const);
    } else result = await writeChange('record.create', { kind: 'msel_inject', id: uuidv7(), dept, fields });
    setBusy(false);
    const problem = writeProblem(t, result as Parameters<typeof writeProblem>[1]);
    setFormError(problem);
    if (problem) return;
    announce(t('drillsPlan.msel.saved'));
    onDone();
  };

  const field = (
    key: keyof InjectDraft,
    label: string,
    input: (common: Record<string, unknown>) => preact.JSX.Element,
    hint?: string,
  ) => {
    const id = `inject-${key}`;
    const error = errors[key];
    const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={id}>{label}</label>
        {hint && (
          <p id={`${id}-hint`} class="field-hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        {input({
          id,
          'aria-invalid': error ? 'true' : undefined,
          'aria-describedby': described || undefined,
        })}
      </div>
    );
  };
  const heading = inject
    ? t('drillsPlan.msel.editHeading', { number: String(f.number) })
    : t('drillsPlan.msel.newHeading');

  return (
    <section class="drills-inject-editor" aria-labelledby="inject-editor-heading">
      <h2 id="inject-editor-heading">{heading}</h2>
      <form class="form" onSubmit={onSave} noValidate aria-describedby="inject-form-error">
        <div class="drills-form-row">
          {field('number', t('drillsPlan.msel.number'), (c) => (
            <input
              {...c}
              type="text"
              inputMode="numeric"
              value={draft.number}
              onInput={(e) => set('number', e.currentTarget.value)}
            />
          ))}
          {field(
            'time',
            t('drillsPlan.msel.time'),
            (c) => (
              <input
                {...c}
                type="text"
                value={draft.time}
                onInput={(e) => set('time', e.currentTarget.value)}
              />
            ),
            t('drillsPlan.msel.timeHint'),
          )}
        </div>
        {field('moduleId', t('drillsPlan.msel.module'), (c) => (
          <select {...c} value={draft.moduleId} onChange={(e) => set('moduleId', e.currentTarget.value)}>
            <option value="">{t('drillsPlan.msel.noModule')}</option>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        ))}
        {field('synopsis', t('drillsPlan.msel.synopsis'), (c) => (
          <input
            {...c}
            type="text"
            maxLength={300}
            value={draft.synopsis}
            onInput={(e) => set('synopsis', e.currentTarget.value)}
          />
        ))}
        {field('text', t('drillsPlan.msel.text'), (c) => (
          <textarea {...c} rows={4} value={draft.text} onInput={(e) => set('text', e.currentTarget.value)} />
        ))}
        <div class="drills-form-row">
          {field('method', t('drillsPlan.msel.method'), (c) => (
            <select
              {...c}
              value={draft.method}
              onChange={(e) => set('method', e.currentTarget.value as Method)}
            >
              {DELIVERY_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`drillsPlan.method.${m}`)}
                </option>
              ))}
            </select>
          ))}
          {field('controller', t('drillsPlan.msel.controller'), (c) => (
            <input
              {...c}
              type="text"
              maxLength={200}
              value={draft.controller}
              onInput={(e) => set('controller', e.currentTarget.value)}
            />
          ))}
        </div>
        <fieldset class="checkbox-group">
          <legend>{t('drillsPlan.msel.players')}</legend>
          {players.length === 0 ? (
            <p class="field-hint">{t('drillsPlan.msel.noPlayers')}</p>
          ) : (
            <>
              <p class="field-hint">{t('drillsPlan.msel.playersHint')}</p>
              {players.map((p) => (
                <div class="field field-check" key={p.username}>
                  <input
                    id={`inject-player-${p.username}`}
                    type="checkbox"
                    checked={draft.players.includes(p.username)}
                    onChange={(e) =>
                      set(
                        'players',
                        e.currentTarget.checked
                          ? [...draft.players, p.username]
                          : draft.players.filter((u) => u !== p.username),
                      )
                    }
                  />
                  <label for={`inject-player-${p.username}`}>
                    {p.name} ({p.username})
                  </label>
                </div>
              ))}
            </>
          )}
        </fieldset>
        {field('expectedAction', t('drillsPlan.msel.expectedAction'), (c) => (
          <textarea
            {...c}
            rows={2}
            value={draft.expectedAction}
            onInput={(e) => set('expectedAction', e.currentTarget.value)}
          />
        ))}
        {field('objectiveId', t('drillsPlan.msel.objective'), (c) => (
          <select
            {...c}
            value={draft.objectiveId}
            onChange={(e) => set('objectiveId', e.currentTarget.value)}
          >
            <option value="">{t('drillsPlan.msel.noObjective')}</option>
            {objectives.map((o, k) => (
              <option key={o.id} value={o.id}>
                {`${k + 1}. ${o.text}`}
              </option>
            ))}
          </select>
        ))}
        {field('evaluatorNotes', t('drillsPlan.msel.evaluatorNotes'), (c) => (
          <textarea
            {...c}
            rows={2}
            value={draft.evaluatorNotes}
            onInput={(e) => set('evaluatorNotes', e.currentTarget.value)}
          />
        ))}
        <div class="field field-check">
          <input
            id="inject-contingency"
            type="checkbox"
            checked={draft.contingency}
            onChange={(e) => set('contingency', e.currentTarget.checked)}
          />
          <label for="inject-contingency">{t('drillsPlan.msel.contingency')}</label>
        </div>
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('drillsPlan.msel.save')}
          </button>
          <button type="button" class="button button-secondary" onClick={onDone}>
            {t('drillsPlan.msel.cancel')}
          </button>
        </div>
        <FormError id="inject-form-error" message={formError} />
      </form>
    </section>
  );
}

/** One import problem in the reader's language: the row, then what is wrong with which column. */
export function rowProblem(t: DrillsPlanT, error: MselRowError): string {
  const column = error.column ? MSEL_HEADERS[error.column][t.language] : '';
  const problem = t(`drillsPlan.csv.${error.code}`, { column, message: error.message });
  return t(
    error.code === 'missing_column' || error.code === 'duplicate_column'
      ? 'drillsPlan.msel.importHeader'
      : 'drillsPlan.msel.importRow',
    {
      row: error.row,
      problem,
    },
  );
}

function ImportSection({
  t,
  exercise,
  injects,
}: {
  t: DrillsPlanT;
  exercise: RecordView;
  injects: RecordView[];
}) {
  const announce = useAppStore((state) => state.announce);
  const [plan, setPlan] = useState<MselImportPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fileKey, setFileKey] = useState(0);

  const onFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return setPlan(null);
    const text = await file.text();
    setPlan(
      planMselImport(text, {
        objectives: objectivesOf(exercise.fields),
        modules: modulesOf(exercise.fields),
        injects: injects.map((i) => ({ id: i.id, fields: i.fields })),
      }),
    );
  };

  const run = async () => {
    if (!plan || plan.errors.length > 0) return;
    setBusy(true);
    let done = 0;
    let problem: string | null = null;
    if (plan.newModules.length || plan.newObjectives.length) {
      problem = writeProblem(
        t,
        await writeChange('record.update', {
          kind: 'exercise',
          id: exercise.id,
          fields: {
            ...(plan.newModules.length
              ? { modules: [...modulesOf(exercise.fields), ...plan.newModules] as unknown as JsonObject[] }
              : {}),
            ...(plan.newObjectives.length
              ? {
                  objectives: [
                    ...objectivesOf(exercise.fields),
                    ...plan.newObjectives,
                  ] as unknown as JsonObject[],
                }
              : {}),
          },
        }),
      );
    }
    for (const create of problem ? [] : plan.creates) {
      problem = writeProblem(
        t,
        await writeChange('record.create', {
          kind: 'msel_inject',
          id: uuidv7(),
          dept: exercise.dept,
          fields: { ...create.fields, exerciseId: exercise.id },
        }),
      );
      if (problem) break;
      done++;
    }
    for (const update of problem ? [] : plan.updates) {
      problem = writeProblem(
        t,
        await writeChange('record.update', { kind: 'msel_inject', id: update.id, fields: update.fields }),
      );
      if (problem) break;
      done++;
    }
    setBusy(false);
    if (problem) {
      setError(t('drillsPlan.msel.importStopped', { done, reason: problem }));
      return;
    }
    announce(t('drillsPlan.msel.imported', { creates: plan.creates.length, updates: plan.updates.length }));
    setPlan(null);
    setFileKey((k) => k + 1);
  };

  return (
    <div class="drills-import">
      <h3>{t('drillsPlan.msel.import')}</h3>
      <p id="msel-import-hint" class="field-hint">
        {t('drillsPlan.msel.importHint')}
      </p>
      <div class="field">
        <label for="msel-import-file">{t('drillsPlan.msel.importFile')}</label>
        <input
          key={fileKey}
          id="msel-import-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="msel-import-hint"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </div>
      {plan && plan.errors.length > 0 && (
        <div class="form-error" role="alert" id="msel-import-errors">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('drillsPlan.msel.importErrors')}
          </p>
          <ul>
            {plan.errors.map((e, k) => (
              <li key={k} data-row={e.row}>
                {rowProblem(t, e)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan && plan.errors.length === 0 && (
        <div class="drills-import-plan" role="status">
          <p>
            {t('drillsPlan.msel.importPlan', {
              creates: plan.creates.length,
              updates: plan.updates.length,
              unchanged: plan.unchanged,
              modules: plan.newModules.length,
              objectives: plan.newObjectives.length,
            })}
          </p>
          {plan.ignoredColumns.length > 0 && (
            <p>{t('drillsPlan.msel.importIgnored', { columns: plan.ignoredColumns.join(', ') })}</p>
          )}
          <button
            type="button"
            class="button"
            disabled={busy || plan.creates.length + plan.updates.length === 0}
            onClick={() => void run()}
          >
            {busy ? t('drillsPlan.msel.importing') : t('drillsPlan.msel.importDo')}
          </button>
        </div>
      )}
      <FormError id="msel-import-error" message={error} />
    </div>
  );
}
