// /drills/:id/improvement-plan — the improvement plan: one row per corrective action (capability, issue,
// corrective action, capability element, responsible organization, point of contact, start, completion,
// status), added and edited by anyone who is not a viewer and tracked to completion (open, in progress,
// done, cancelled). Rows are offered from the after-action report's areas for improvement; the table
// exports as CSV.
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { csvOf, improvementCandidates, type ImprovementCandidate } from '../../../../domain/drills/aar';
import { CAPABILITY_ELEMENTS, IMPROVEMENT_STATUSES } from '../../../../domain/drills/drill-kinds';
import type { JsonObject } from '../../../../domain/sync/json-value';
import type { ExerciseRead } from '../../../../storage/drill-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { FormError } from '../../../components/form-error';
import { formatIsoDay } from '../../../format/format-date-time';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import {
  aarWords,
  EvaluateFrame,
  FieldProblem,
  objectivesOf,
  str,
  useMe,
  writeProblem,
} from './evaluate-parts';
import type { EvaluateKey, EvaluateT } from './messages';

export function ImprovementPlanPage() {
  return (
    <EvaluateFrame screen="plan" titleKey="drillsEval.plan.title">
      {(read, t) => <PlanView read={read} t={t} />}
    </EvaluateFrame>
  );
}

const FIELDS = [
  'capability',
  'issue',
  'correctiveAction',
  'capabilityElement',
  'responsibleOrg',
  'pointOfContact',
  'startDate',
  'completionDate',
  'status',
  'notes',
] as const;
type PlanField = (typeof FIELDS)[number];
type PlanValues = Record<PlanField, string>;
const REQUIRED: readonly PlanField[] = [
  'capability',
  'issue',
  'correctiveAction',
  'capabilityElement',
  'responsibleOrg',
];

export const PLAN_LABELS: Record<PlanField, EvaluateKey> = {
  capability: 'drillsEval.plan.col.capability',
  issue: 'drillsEval.plan.col.issue',
  correctiveAction: 'drillsEval.plan.col.action',
  capabilityElement: 'drillsEval.plan.col.element',
  responsibleOrg: 'drillsEval.plan.col.org',
  pointOfContact: 'drillsEval.plan.col.poc',
  startDate: 'drillsEval.plan.col.start',
  completionDate: 'drillsEval.plan.col.completion',
  status: 'drillsEval.plan.col.status',
  notes: 'drillsEval.plan.col.notes',
};

const EMPTY: PlanValues = {
  capability: '',
  issue: '',
  correctiveAction: '',
  capabilityElement: '',
  responsibleOrg: '',
  pointOfContact: '',
  startDate: '',
  completionDate: '',
  status: 'open',
  notes: '',
};

const valuesOf = (row: RecordView): PlanValues =>
  Object.fromEntries(FIELDS.map((f) => [f, str(row.fields[f])])) as PlanValues;

/** A row's cells as the table, the print and the CSV show them (words, never codes). */
export function planCells(t: EvaluateT, row: RecordView): Record<PlanField, string> {
  const v = valuesOf(row);
  const day = (value: string) => (value ? (formatIsoDay(value, t.language) ?? value) : '');
  return {
    ...v,
    capabilityElement: v.capabilityElement
      ? t(`drillsEval.element.${v.capabilityElement}` as EvaluateKey)
      : '',
    status: t(`drillsEval.status.${v.status || 'open'}` as EvaluateKey),
    startDate: day(v.startDate),
    completionDate: day(v.completionDate),
  };
}

export const PLAN_COLUMNS: readonly PlanField[] = FIELDS.filter((f) => f !== 'notes');

function PlanView({ read, t }: { read: ExerciseRead; t: EvaluateT }) {
  const me = useMe();
  const announce = useAppStore((state) => state.announce);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState<PlanValues | null>(null);
  const [addKey, setAddKey] = useState(0);
  const rows = read.improvements;
  const objectives = objectivesOf(read.exercise);
  const capabilities = [...new Set(objectives.map((o) => o.capability).filter(Boolean))];
  const candidates: ImprovementCandidate[] = read.report
    ? improvementCandidates(
        str(read.report.fields.areasForImprovement),
        objectives,
        rows.map((r) => str(r.fields.issue)),
        aarWords(t).label,
        read.observations.map((o) => str(o.fields.byName)),
      )
    : [];
  const count = (status: string) => rows.filter((r) => (str(r.fields.status) || 'open') === status).length;

  const save = async (values: PlanValues, existing?: RecordView): Promise<string | null> => {
    const fields: JsonObject = {};
    for (const f of FIELDS) {
      const value = values[f].trim();
      if (existing) {
        const before = str(existing.fields[f]);
        if (value !== before) fields[f] = value === '' ? null : value;
      } else if (value !== '') fields[f] = value;
    }
    if (existing && Object.keys(fields).length === 0) return null;
    const result = existing
      ? await writeChange('record.update', { kind: 'improvement_item', id: existing.id, fields })
      : await writeChange('record.create', {
          kind: 'improvement_item',
          id: uuidv7(),
          dept: read.exercise.dept,
          fields: { exerciseId: read.exercise.id, ...fields },
        });
    const problem = writeProblem(t, result);
    if (!problem) announce(t('drillsEval.plan.saved'));
    return problem;
  };

  const exportCsv = () => {
    const headers = [...PLAN_COLUMNS, 'notes' as const].map((f) => t(PLAN_LABELS[f]));
    const body = rows.map((row) => {
      const cells = planCells(t, row);
      return [...PLAN_COLUMNS.map((f) => (f.endsWith('Date') ? str(row.fields[f]) : cells[f])), cells.notes];
    });
    const csv = csvOf(headers, body);
    const slug =
      str(read.exercise.fields.name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || read.exercise.id;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('drillsEval.plan.fileName', { name: slug });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    announce(t('drillsEval.plan.exported'));
  };

  return (
    <>
      <p>{t('drillsEval.plan.intro')}</p>
      {!me.canWrite && me.role !== null && <p class="muted">{t('drillsEval.viewerNote')}</p>}
      <section aria-labelledby="plan-table-heading">
        <h2 id="plan-table-heading">{t('drillsEval.plan.table')}</h2>
        <p id="plan-progress">
          {t('drillsEval.plan.progress', {
            done: count('done'),
            total: rows.length,
            open: count('open'),
            inProgress: count('in_progress'),
            cancelled: count('cancelled'),
          })}
        </p>
        {rows.length === 0 ? (
          <p class="muted">{t('drillsEval.plan.empty')}</p>
        ) : (
          <div class="table-scroll" role="region" aria-labelledby="plan-table-heading" tabIndex={0}>
            <table class="table drills-eval-plan-table">
              <thead>
                <tr>
                  {PLAN_COLUMNS.map((f) => (
                    <th key={f} scope="col">
                      {t(PLAN_LABELS[f])}
                    </th>
                  ))}
                  {me.canWrite && <th scope="col">{t('drillsEval.plan.col.edit')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const cells = planCells(t, row);
                  return (
                    <tr key={row.id} data-item={row.id} data-status={str(row.fields.status) || 'open'}>
                      {PLAN_COLUMNS.map((f) =>
                        f === 'issue' ? (
                          <th key={f} scope="row">
                            {cells.issue}
                            {cells.notes && <span class="drills-eval-notes muted"> — {cells.notes}</span>}
                          </th>
                        ) : (
                          <td key={f}>{cells[f] || t('drillsEval.none')}</td>
                        ),
                      )}
                      {me.canWrite && (
                        <td>
                          <button
                            type="button"
                            class="button button-small button-secondary"
                            aria-label={t('drillsEval.plan.editNamed', { issue: cells.issue })}
                            aria-expanded={editing === row.id}
                            onClick={() => setEditing(editing === row.id ? null : row.id)}
                          >
                            {t('drillsEval.editShort')}
                          </button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <button
            type="button"
            class="button button-secondary"
            disabled={rows.length === 0}
            onClick={exportCsv}
          >
            {t('drillsEval.plan.export')}
          </button>
        </p>
      </section>

      {me.canWrite && editing && rows.some((r) => r.id === editing) && (
        <section aria-labelledby="plan-edit-heading">
          <h2 id="plan-edit-heading">{t('drillsEval.plan.editRow')}</h2>
          <PlanForm
            key={editing}
            idPrefix="plan-edit"
            t={t}
            capabilities={capabilities}
            initial={valuesOf(rows.find((r) => r.id === editing)!)}
            onCancel={() => setEditing(null)}
            onSave={async (values) => {
              const problem = await save(
                values,
                rows.find((r) => r.id === editing),
              );
              if (!problem) setEditing(null);
              return problem;
            }}
          />
        </section>
      )}

      {me.canWrite && (
        <section aria-labelledby="plan-candidates-heading">
          <h2 id="plan-candidates-heading">{t('drillsEval.plan.fromReport')}</h2>
          {!read.report ? (
            <p class="muted">{t('drillsEval.plan.noReport')}</p>
          ) : candidates.length === 0 ? (
            <p class="muted">{t('drillsEval.plan.fromReportNone')}</p>
          ) : (
            <>
              <p class="muted">{t('drillsEval.plan.fromReportHint')}</p>
              <ul class="drills-eval-candidates">
                {candidates.map((c) => (
                  <li key={c.issue}>
                    <span>
                      <strong>{c.capability}</strong>: {c.issue}
                    </span>{' '}
                    <button
                      type="button"
                      class="button button-small button-secondary"
                      aria-label={t('drillsEval.plan.useCandidate', { issue: c.issue })}
                      onClick={() => {
                        setAdding({ ...EMPTY, capability: c.capability, issue: c.issue });
                        setAddKey((k) => k + 1);
                        requestAnimationFrame(() =>
                          document.getElementById('plan-new-correctiveAction')?.focus(),
                        );
                      }}
                    >
                      {t('drillsEval.plan.useCandidateShort')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {me.canWrite && (
        <section aria-labelledby="plan-add-heading">
          <h2 id="plan-add-heading">{t('drillsEval.plan.add')}</h2>
          <PlanForm
            key={addKey}
            idPrefix="plan-new"
            t={t}
            capabilities={capabilities}
            initial={adding ?? EMPTY}
            onSave={async (values) => {
              const problem = await save(values);
              if (!problem) {
                setAdding(null);
                setAddKey((k) => k + 1);
              }
              return problem;
            }}
          />
        </section>
      )}
    </>
  );
}

function PlanForm({
  idPrefix,
  t,
  capabilities,
  initial,
  onSave,
  onCancel,
}: {
  idPrefix: string;
  t: EvaluateT;
  capabilities: readonly string[];
  initial: PlanValues;
  onSave: (values: PlanValues) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const [values, setValues] = useState<PlanValues>(initial);
  const [errors, setErrors] = useState<Partial<Record<PlanField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (f: PlanField) => `${idPrefix}-${f}`;
  const set = (f: PlanField) => (e: Event) =>
    setValues((v) => ({ ...v, [f]: (e.currentTarget as HTMLInputElement).value }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: Partial<Record<PlanField, string>> = {};
    for (const f of REQUIRED) if (!values[f].trim()) found[f] = t('drillsEval.plan.required');
    if (values.startDate && values.completionDate && values.completionDate < values.startDate)
      found.completionDate = t('drillsEval.plan.dateOrder');
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    setBusy(true);
    const message = await onSave(values);
    setBusy(false);
    setProblem(message);
  };

  const wrap = (f: PlanField, control: preact.ComponentChildren, wide = false) => (
    <div class={`${errors[f] ? 'field field-invalid' : 'field'}${wide ? ' drills-eval-wide' : ''}`}>
      <label for={id(f)}>{t(PLAN_LABELS[f])}</label>
      <FieldProblem id={`${id(f)}-error`} message={errors[f]} />
      {control}
    </div>
  );
  const aria = (f: PlanField) => ({
    'aria-invalid': errors[f] ? ('true' as const) : undefined,
    'aria-describedby': errors[f] ? `${id(f)}-error` : undefined,
  });
  const input = (f: PlanField, type: 'text' | 'date' = 'text', max = 200) =>
    wrap(
      f,
      <input
        id={id(f)}
        type={type}
        value={values[f]}
        maxLength={type === 'text' ? max : undefined}
        required={REQUIRED.includes(f)}
        list={f === 'capability' ? `${idPrefix}-capabilities` : undefined}
        onInput={set(f)}
        {...aria(f)}
      />,
    );
  const area = (f: PlanField) =>
    wrap(
      f,
      <textarea
        id={id(f)}
        rows={2}
        maxLength={f === 'notes' ? 4000 : 2000}
        required={REQUIRED.includes(f)}
        value={values[f]}
        onInput={set(f)}
        {...aria(f)}
      />,
      true,
    );

  return (
    <form class="form drills-eval-form drills-eval-plan-form" onSubmit={onSubmit} noValidate>
      <datalist id={`${idPrefix}-capabilities`}>
        {capabilities.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {input('capability', 'text', 120)}
      {area('issue')}
      {area('correctiveAction')}
      {wrap(
        'capabilityElement',
        <select
          id={id('capabilityElement')}
          value={values.capabilityElement}
          required
          onChange={set('capabilityElement')}
          {...aria('capabilityElement')}
        >
          <option value="">{t('drillsEval.plan.chooseElement')}</option>
          {CAPABILITY_ELEMENTS.map((e) => (
            <option key={e} value={e}>
              {t(`drillsEval.element.${e}`)}
            </option>
          ))}
        </select>,
      )}
      {input('responsibleOrg')}
      {input('pointOfContact')}
      {input('startDate', 'date')}
      {input('completionDate', 'date')}
      {wrap(
        'status',
        <select id={id('status')} value={values.status} onChange={set('status')}>
          {IMPROVEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`drillsEval.status.${s}`)}
            </option>
          ))}
        </select>,
      )}
      {area('notes')}
      <FormError id={`${idPrefix}-error`} message={problem} />
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {t('drillsEval.plan.save')}
        </button>
        {onCancel && (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            {t('drillsEval.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
