// /contacts/runs/:id — one call-down: live progress (overall and per branch), who is in charge now, who
// needs escalating, the caller view (the people I must call, tap-to-call, record each attempt), bad
// numbers to follow up, every attempt, and closing the run. Progress is computed once per change of the
// run's records (or once a minute for the time-based escalation), never per row; long lists are windowed.
import { useRoute } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import type { AttemptOutcome } from '../../../../domain/contacts/contact-kinds';
import { ATTEMPT_OUTCOMES } from '../../../../domain/contacts/contact-kinds';
import {
  phonesOf,
  planOf,
  readAttempts,
  readReports,
  readRun,
  type PlanRow,
  type RunActivity,
} from '../../../../storage/run-queries';
import { contactsById, listSuccessions } from '../../../../storage/tree-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { VirtualList } from '../../../components/virtual-list';
import { formatDateTime } from '../../../format/format-date-time';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import { runsMessages, type RunsKey, type RunsT } from './messages';
import {
  computeRun,
  escalationTarget,
  inChargeNow,
  minutesSince,
  peopleToCall,
  type CallerChoice,
  type RunModel,
} from './run-model';
import { phoneText, writeProblem } from './run-write';
import '../../../styles/contact-runs.css';

/** Lists longer than this are windowed (VirtualList); shorter ones are plain lists. */
const WINDOW_FROM = 100;

/** The current time, moving on once a minute (escalation after M minutes depends on it). */
function useMinuteClock(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ExerciseLabel({ exercise, long = false }: { exercise: unknown; long?: boolean }) {
  const t = useAreaT(runsMessages);
  if (exercise !== true) return null;
  return (
    <span class="exercise-badge">
      <strong>{t('runs.exercise')}</strong>
      {long ? <span> {t('runs.exerciseNote')}</span> : null}
    </span>
  );
}

export const outcomeKey = (outcome: unknown) => `runs.outcome.${String(outcome)}` as RunsKey;
export const stateKey = (state: string) => `runs.state.${state}` as RunsKey;

export function RunPage() {
  const t = useAreaT(runsMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const runId = params.id ?? '';
  // Three live queries: recording an attempt re-reads the run's attempts (only the new ones are loaded),
  // never the run record, whose plan names everyone on the tree.
  const run = useLiveQuery(() => (db ? readRun(db, runId) : undefined), [db, runId]);
  const attempts = useLiveQuery(() => (db ? readAttempts(db, runId) : undefined), [db, runId]);
  const reports = useLiveQuery(() => (db ? readReports(db, runId) : undefined), [db, runId]);
  const plan = useMemo(() => (run ? planOf(run) : []), [run]);
  const activity = useMemo<RunActivity | null | undefined>(
    () =>
      run === undefined || attempts === undefined || reports === undefined
        ? undefined
        : run && { run, plan, attempts, reports },
    [run, plan, attempts, reports],
  );
  const successions = useLiveQuery(
    () => (db ? listSuccessions(db).then((read) => read.successions) : undefined),
    [db],
  );
  const contactIds = useMemo(
    () => (activity ? activity.plan.map((row) => row.contactId).join(',') : ''),
    [activity?.run.id, activity?.plan.length],
  );
  const contacts = useLiveQuery(
    () => (db && contactIds ? contactsById(db, contactIds.split(',')) : new Map<string, RecordView>()),
    [db, contactIds],
  );
  const now = useMinuteClock();
  const model = useMemo(() => (activity ? computeRun(activity, now) : null), [activity, now]);

  if (activity === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (activity === null || !model)
    return (
      <>
        <PageHeading title={t('runs.title')}>{t('runs.title')}</PageHeading>
        <p class="empty-state">{t('runs.notFound')}</p>
        <p>
          <a href="/contacts/runs">{t('runs.back')}</a>
        </p>
      </>
    );
  return (
    <RunView
      t={t}
      activity={activity}
      model={model}
      now={now}
      successions={successions ?? []}
      contacts={contacts ?? new Map()}
    />
  );
}

function RunView({
  t,
  activity,
  model,
  now,
  successions,
  contacts,
}: {
  t: RunsT;
  activity: RunActivity;
  model: RunModel;
  now: string;
  successions: RecordView[];
  contacts: Map<string, RecordView>;
}) {
  const { run, plan } = activity;
  const f = run.fields;
  const active = f.status !== 'closed';
  const user = useCachedSession()?.user;
  const announce = useAppStore((state) => state.announce);
  const [caller, setCaller] = useState<CallerChoice>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const { progress } = model;
  const title = String(f.treeName ?? '');
  const callerName =
    caller !== 'all' && caller !== 'top' ? (model.nameOf.get(caller) ?? '') : (user?.displayName ?? '');
  const toCall = useMemo(() => peopleToCall(model, plan, caller), [model, plan, caller]);
  const nameOfContact = (contactId: string) =>
    model.nameOf.get(contactId) ?? String(contacts.get(contactId)?.fields.name ?? '');
  const inCharge = useMemo(() => inChargeNow(model, successions, nameOfContact), [model, successions]);
  const closedBranches = progress.branches.filter((branch) => branch.closed).length;

  const write = async (
    name: 'entry.append' | 'record.update',
    kind: string,
    fields: Record<string, unknown>,
  ): Promise<boolean> => {
    const result =
      name === 'record.update'
        ? await writeChange('record.update', { kind, id: run.id, fields: fields as never })
        : await writeChange('entry.append', { kind, id: uuidv7(), dept: run.dept, fields: fields as never });
    const message = writeProblem(t, result);
    setProblem(message);
    return message === null;
  };

  const recordAttempt = async (row: PlanRow, outcome: AttemptOutcome, relayedVia?: string) => {
    const ok = await write('entry.append', 'calldown_attempt', {
      runId: run.id,
      nodeId: row.nodeId,
      contactId: row.contactId,
      outcome,
      at: new Date().toISOString(),
      callerName: callerName || '—',
      ...(row.phone ? { phoneUsed: row.phone } : {}),
      ...(relayedVia ? { relayedVia } : {}),
    });
    if (ok) announce(t('runs.record.done', { outcome: t(outcomeKey(outcome)), name: row.name }));
    return ok;
  };

  const escalate = async (row: PlanRow) => {
    const target = escalationTarget(model, row);
    if (!target) return;
    const ok = await write('entry.append', 'calldown_report', {
      runId: run.id,
      nodeId: row.nodeId,
      report: 'escalated',
      at: new Date().toISOString(),
      byName: callerName || '—',
      toContactId: target.contactId,
    });
    if (ok) announce(t('runs.escalate.done', { person: row.name, name: target.name }));
  };

  const closeBranch = async (row: PlanRow) => {
    const ok = await write('entry.append', 'calldown_report', {
      runId: run.id,
      nodeId: row.nodeId,
      report: 'branch_closed',
      at: new Date().toISOString(),
      byName: callerName || '—',
    });
    if (ok) announce(t('runs.caller.branchClosed'));
  };

  const closeRun = async () => {
    const ok = await write('record.update', 'calldown_run', {
      status: 'closed',
      closedAt: new Date().toISOString(),
    });
    setConfirmClose(false);
    if (ok) announce(t('runs.run.closed'));
  };

  const selectedRow = selected ? model.byNode.get(selected) : undefined;
  const count = (key: RunsKey, value: number) => (
    <td>
      <span class="visually-hidden">{t(key)}: </span>
      {value}
    </td>
  );

  return (
    <div class="run-page">
      <PageHeading title={title}>
        {title} <ExerciseLabel exercise={f.exercise} />
      </PageHeading>
      {f.exercise === true && (
        <p>
          <ExerciseLabel exercise long />
        </p>
      )}
      <section class="run-facts" aria-label={t('runs.run.message')}>
        <p class="run-status">
          <strong>{t(active ? 'runs.statusActive' : 'runs.statusClosed')}</strong>
          {run.pending && <span class="run-unsent"> · {t('runs.unsent')}</span>}
        </p>
        <blockquote class="run-script">
          <p>
            <strong>{t('runs.run.message')}:</strong> {String(f.message ?? '')}
          </p>
        </blockquote>
        <p>
          {t('runs.run.started', { time: formatDateTime(String(f.startedAt), t.language) })}
          {typeof f.closedAt === 'string' && (
            <> · {t('runs.run.closedAt', { time: formatDateTime(f.closedAt, t.language) })}</>
          )}
          {' · '}
          <span data-testid="run-elapsed">
            {t('runs.run.elapsed', {
              count: minutesSince(String(f.startedAt), typeof f.closedAt === 'string' ? f.closedAt : now),
            })}
          </span>
        </p>
        <p class="muted">
          {t('runs.run.rule', { attempts: model.rule.attempts, minutes: model.rule.minutes })}
        </p>
        {!active && <p>{t('runs.run.isClosed')}</p>}
      </section>

      <section class="run-progress" aria-labelledby="run-progress-heading">
        <h2 id="run-progress-heading">{t('runs.progress.heading')}</h2>
        <p id="run-branches-closed">
          {t('runs.progress.branchesClosed', { closed: closedBranches, total: progress.branches.length })}
        </p>
        <div class="table-scroll" role="region" aria-labelledby="run-progress-heading" tabIndex={0}>
          <table class="table run-progress-table">
            <thead>
              <tr>
                <th scope="col">{t('runs.progress.branch')}</th>
                <th scope="col">{t('runs.progress.people')}</th>
                <th scope="col">{t('runs.progress.reached')}</th>
                <th scope="col">{t('runs.progress.pending')}</th>
                <th scope="col">{t('runs.progress.unreachable')}</th>
                <th scope="col">{t('runs.progress.unavailable')}</th>
                <th scope="col">{t('runs.progress.closedCol')}</th>
              </tr>
            </thead>
            <tbody>
              <tr class="run-overall" data-branch="overall">
                <th scope="row">{t('runs.progress.overall')}</th>
                {count('runs.progress.people', progress.total)}
                {count('runs.progress.reached', progress.counts.reached)}
                {count('runs.progress.pending', progress.counts.pending)}
                {count('runs.progress.unreachable', progress.counts.unreachable)}
                {count('runs.progress.unavailable', progress.counts.unavailable)}
                <td>
                  {t(
                    closedBranches === progress.branches.length
                      ? 'runs.progress.branchClosed'
                      : 'runs.progress.branchOpen',
                  )}
                </td>
              </tr>
              {progress.branches.map((branch) => {
                const top = model.byNode.get(branch.nodeId)!;
                return (
                  <tr key={branch.nodeId} data-branch={top.name}>
                    <th scope="row">{t('runs.progress.branchOf', { name: top.name })}</th>
                    {count('runs.progress.people', branch.total)}
                    {count('runs.progress.reached', branch.counts.reached)}
                    {count('runs.progress.pending', branch.counts.pending)}
                    {count('runs.progress.unreachable', branch.counts.unreachable)}
                    {count('runs.progress.unavailable', branch.counts.unavailable)}
                    <td>
                      {branch.closed ? (
                        t('runs.progress.branchClosed')
                      ) : active ? (
                        <button
                          type="button"
                          class="button button-small"
                          onClick={() => void closeBranch(top)}
                          aria-label={`${t('runs.caller.closeBranch')}: ${t('runs.progress.branchOf', { name: top.name })}`}
                        >
                          {t('runs.caller.closeBranch')}
                        </button>
                      ) : (
                        t('runs.progress.branchOpen')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="run-charge-heading">
        <h2 id="run-charge-heading">{t('runs.charge.heading')}</h2>
        {inCharge.length === 0 ? (
          <p class="muted">{t('runs.charge.none')}</p>
        ) : (
          <ul class="run-charge">
            {inCharge.map((entry) => (
              <li key={entry.position} data-position={entry.position}>
                <strong>
                  {entry.holder
                    ? t('runs.charge.holder', { position: entry.position, name: entry.holder.name })
                    : t('runs.charge.nobody', { position: entry.position })}
                </strong>
                {entry.holder && entry.holder.index > 0 && (
                  <> ({t('runs.charge.actingFor', { count: entry.holder.index })})</>
                )}
                {entry.skipped.length > 0 && (
                  <p class="muted">
                    {t('runs.charge.passed', {
                      names: entry.skipped
                        .map((s) =>
                          s.progress
                            ? `${s.name} (${s.progress.needsEscalation && s.progress.state === 'pending' ? t('runs.escalate.tag') : t(stateKey(s.progress.state))})`
                            : s.name,
                        )
                        .join(', '),
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="run-escalate-heading">
        <h2 id="run-escalate-heading">{t('runs.escalate.heading')}</h2>
        {progress.needsEscalation.length === 0 ? (
          <p class="muted">{t('runs.escalate.none')}</p>
        ) : (
          <Rows
            id="run-escalations"
            label={t('runs.escalate.heading')}
            count={progress.needsEscalation.length}
            rowHeightRem={3.5}
            resetKey=""
            renderRow={(index) => {
              const nodeId = progress.needsEscalation[index]!;
              const row = model.byNode.get(nodeId)!;
              return (
                <span>
                  <span>
                    <strong>{row.name}</strong> — {t('runs.escalate.tag')} (
                    {t('runs.caller.attempts', { count: progress.people.get(nodeId)!.attempts })})
                  </span>{' '}
                  {active && <EscalateButton t={t} model={model} row={row} onEscalate={escalate} />}
                </span>
              );
            }}
          />
        )}
      </section>

      <FormError id="run-write-error" message={problem} />

      <section aria-labelledby="run-caller-heading" class="run-caller">
        <h2 id="run-caller-heading">{t('runs.caller.heading')}</h2>
        <div class="field">
          <label for="run-caller-choice">{t('runs.caller.who')}</label>
          <select
            id="run-caller-choice"
            value={caller}
            onChange={(event) => {
              setCaller(event.currentTarget.value);
              setSelected(null);
            }}
          >
            <option value="all">{t('runs.caller.all')}</option>
            <option value="top">{t('runs.caller.top')}</option>
            {model.callers.map((c) => (
              <option key={c.contactId} value={c.contactId}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <p aria-live="polite">{t('runs.caller.count', { count: toCall.length })}</p>
        {selectedRow && (
          <RecordPanel
            t={t}
            key={selectedRow.nodeId}
            row={selectedRow}
            model={model}
            active={active}
            phones={phonesFor(selectedRow, contacts)}
            onRecord={recordAttempt}
            onEscalate={escalate}
            onDone={() => {
              const id = selectedRow.nodeId;
              setSelected(null);
              requestAnimationFrame(() => document.getElementById(`record-${id}`)?.focus());
            }}
          />
        )}
        {toCall.length === 0 ? (
          <p class="muted">{t('runs.caller.none')}</p>
        ) : (
          <Rows
            id="run-people"
            label={t('runs.caller.listLabel')}
            count={toCall.length}
            rowHeightRem={6.5}
            resetKey={caller}
            renderRow={(index) => {
              const row = toCall[index]!;
              return (
                <PersonRow
                  t={t}
                  row={row}
                  model={model}
                  phones={phonesFor(row, contacts)}
                  passedToCaller={
                    caller !== 'all' && caller !== 'top' && row.parentNodeId !== undefined
                      ? model.byNode.get(row.parentNodeId)?.contactId !== caller
                      : false
                  }
                  active={active}
                  onSelect={() => setSelected(row.nodeId)}
                />
              );
            }}
          />
        )}
      </section>

      <section aria-labelledby="run-bad-heading">
        <h2 id="run-bad-heading">{t('runs.bad.heading')}</h2>
        {progress.badNumbers.length === 0 ? (
          <p class="muted">{t('runs.bad.none')}</p>
        ) : (
          <Rows
            id="run-bad-numbers"
            label={t('runs.bad.heading')}
            count={progress.badNumbers.length}
            rowHeightRem={2.5}
            resetKey=""
            renderRow={(index) => {
              const nodeId = progress.badNumbers[index]!;
              const row = model.byNode.get(nodeId)!;
              const bad = (model.attemptsOf.get(nodeId) ?? [])
                .filter((a) => a.fields.outcome === 'bad_number')
                .map((a) => String(a.fields.phoneUsed ?? ''))
                .filter(Boolean);
              return (
                <>
                  {row.name}
                  {bad.length > 0 && <> — {[...new Set(bad)].map(phoneText).join(', ')}</>}
                </>
              );
            }}
          />
        )}
      </section>

      <AttemptLog t={t} activity={activity} model={model} />

      <section class="run-actions">
        <p>
          <a href={`/contacts/runs/${run.id}/print`}>{t('runs.run.print')}</a>
        </p>
        {active &&
          (confirmClose ? (
            <div class="run-confirm" role="group" aria-labelledby="run-close-question">
              <p id="run-close-question">{t('runs.run.closeConfirm')}</p>
              <button type="button" class="button" onClick={() => void closeRun()}>
                {t('runs.run.close')}
              </button>{' '}
              <button type="button" class="button button-secondary" onClick={() => setConfirmClose(false)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" class="button button-secondary" onClick={() => setConfirmClose(true)}>
              {t('runs.run.close')}
            </button>
          ))}
        <p>
          <a href="/contacts/runs">{t('runs.back')}</a>
        </p>
      </section>
    </div>
  );
}

interface PhoneLink {
  label: string;
  number: string;
}

/** The person's phones as their contact has them now, or the plan's primary phone when the contact is gone. */
function phonesFor(row: PlanRow, contacts: Map<string, RecordView>): PhoneLink[] {
  const phones = phonesOf(contacts.get(row.contactId));
  if (phones.length > 0)
    return [...phones]
      .sort((a, b) => Number(b.primary === true) - Number(a.primary === true))
      .map((p) => ({ label: p.label, number: p.number }));
  return row.phone ? [{ label: 'other', number: row.phone }] : [];
}

function PhoneLinks({ t, name, phones }: { t: RunsT; name: string; phones: PhoneLink[] }) {
  if (phones.length === 0) return <span class="muted">{t('runs.caller.noPhone')}</span>;
  return (
    <span class="run-phones">
      {phones.map((phone) => (
        <a
          key={phone.number}
          class="run-tel"
          href={`tel:${phone.number}`}
          aria-label={t('runs.caller.call', {
            name,
            number: phoneText(phone.number),
            label: t(`runs.phone.${phone.label}` as RunsKey),
          })}
        >
          {phoneText(phone.number)} ({t(`runs.phone.${phone.label}` as RunsKey)})
        </a>
      ))}
    </span>
  );
}

function PersonRow({
  t,
  row,
  model,
  phones,
  passedToCaller,
  active,
  onSelect,
}: {
  t: RunsT;
  row: PlanRow;
  model: RunModel;
  phones: PhoneLink[];
  passedToCaller: boolean;
  active: boolean;
  onSelect: () => void;
}) {
  const person = model.progress.people.get(row.nodeId);
  const caller = row.parentNodeId ? model.byNode.get(row.parentNodeId) : undefined;
  return (
    <div class="run-person" data-person={row.name}>
      <div class="run-person-head">
        <strong>{row.name}</strong>
        <span class={`run-state run-state-${person?.state ?? 'pending'}`}>
          {t(stateKey(person?.state ?? 'pending'))}
        </span>
        {person?.needsEscalation && <span class="run-needs">{t('runs.escalate.tag')}</span>}
        <span class="muted">{t('runs.caller.attempts', { count: person?.attempts ?? 0 })}</span>
        {passedToCaller && <span class="muted">({t('runs.caller.passedToYou')})</span>}
      </div>
      <div class="run-person-body">
        <PhoneLinks t={t} name={row.name} phones={phones} />
        {caller && <span class="muted">{t('runs.caller.calledBy', { name: caller.name })}</span>}
        {active && (
          <button type="button" id={`record-${row.nodeId}`} class="button button-small" onClick={onSelect}>
            {t('runs.caller.record', { name: row.name })}
          </button>
        )}
      </div>
    </div>
  );
}

function EscalateButton({
  t,
  model,
  row,
  onEscalate,
}: {
  t: RunsT;
  model: RunModel;
  row: PlanRow;
  onEscalate: (row: PlanRow) => Promise<void>;
}) {
  const target = escalationTarget(model, row);
  if (!target) return <span class="muted">{t('runs.escalate.noTarget')}</span>;
  const label =
    target.via === 'backup'
      ? t('runs.escalate.toBackup', { name: target.name })
      : t('runs.escalate.toParent', { name: target.name });
  return (
    <button
      type="button"
      class="button button-small"
      aria-label={`${label} (${row.name})`}
      onClick={() => void onEscalate(row)}
    >
      {label}
    </button>
  );
}

function RecordPanel({
  t,
  row,
  model,
  active,
  phones,
  onRecord,
  onEscalate,
  onDone,
}: {
  t: RunsT;
  row: PlanRow;
  model: RunModel;
  active: boolean;
  phones: PhoneLink[];
  onRecord: (row: PlanRow, outcome: AttemptOutcome, relayedVia?: string) => Promise<boolean>;
  onEscalate: (row: PlanRow) => Promise<void>;
  onDone: () => void;
}) {
  const [relaying, setRelaying] = useState(false);
  const [via, setVia] = useState('');
  const [viaError, setViaError] = useState<string | null>(null);
  const person = model.progress.people.get(row.nodeId);
  const attempts = model.attemptsOf.get(row.nodeId) ?? [];
  const headingId = `record-heading-${row.nodeId}`;
  useEffect(() => {
    document.getElementById(headingId)?.focus();
  }, []);

  return (
    <section class="run-record" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {t('runs.record.heading', { name: row.name })}
      </h3>
      <p>
        {t('runs.record.state', { state: t(stateKey(person?.state ?? 'pending')) })}
        {person?.needsEscalation && <> · {t('runs.escalate.tag')}</>}
        {person?.escalatedTo && (
          <> · {t('runs.escalate.passedTo', { name: model.nameOf.get(person.escalatedTo) ?? '' })}</>
        )}
      </p>
      <p>
        <PhoneLinks t={t} name={row.name} phones={phones} />
      </p>
      {active && (
        <fieldset class="run-outcomes">
          <legend>{t('runs.record.outcomes')}</legend>
          {ATTEMPT_OUTCOMES.map((outcome) =>
            outcome === 'relayed' ? (
              <button
                key={outcome}
                type="button"
                class="button button-secondary"
                aria-expanded={relaying}
                aria-controls={`relay-${row.nodeId}`}
                onClick={() => setRelaying(!relaying)}
              >
                {t(outcomeKey(outcome))}…
              </button>
            ) : (
              <button
                key={outcome}
                type="button"
                class="button button-secondary"
                onClick={() => void onRecord(row, outcome)}
              >
                {t(outcomeKey(outcome))}
              </button>
            ),
          )}
          {relaying && (
            <div id={`relay-${row.nodeId}`} class={viaError ? 'field field-invalid' : 'field'}>
              <label for={`relay-via-${row.nodeId}`}>{t('runs.record.relayedVia')}</label>
              {viaError && (
                <p id={`relay-error-${row.nodeId}`} class="field-error">
                  <span aria-hidden="true">⚠ </span>
                  {viaError}
                </p>
              )}
              <input
                id={`relay-via-${row.nodeId}`}
                value={via}
                aria-invalid={viaError ? 'true' : undefined}
                aria-describedby={viaError ? `relay-error-${row.nodeId}` : undefined}
                onInput={(event) => setVia(event.currentTarget.value)}
              />
              <button
                type="button"
                class="button"
                onClick={async () => {
                  if (!via.trim()) {
                    setViaError(t('runs.record.relayedViaRequired'));
                    return;
                  }
                  setViaError(null);
                  if (await onRecord(row, 'relayed', via.trim())) {
                    setRelaying(false);
                    setVia('');
                  }
                }}
              >
                {t('runs.record.saveRelayed')}
              </button>
            </div>
          )}
        </fieldset>
      )}
      {active && person?.needsEscalation && (
        <p>
          <EscalateButton t={t} model={model} row={row} onEscalate={onEscalate} />
        </p>
      )}
      <h4>{t('runs.record.history', { name: row.name })}</h4>
      {attempts.length === 0 ? (
        <p class="muted">{t('runs.record.noAttempts')}</p>
      ) : (
        <ol class="run-history">
          {attempts.map((attempt) => (
            <li key={attempt.id}>{attemptLine(t, attempt, row.name)}</li>
          ))}
        </ol>
      )}
      <button type="button" class="button" onClick={onDone}>
        {t('runs.record.closeForm', { name: row.name })}
      </button>
    </section>
  );
}

export function attemptLine(t: RunsT, attempt: RecordView, person: string): string {
  const f = attempt.fields;
  const line = t('runs.attempts.line', {
    time: formatDateTime(String(f.at), t.language),
    person,
    outcome: t(outcomeKey(f.outcome)),
    caller: String(f.callerName ?? ''),
  });
  return typeof f.relayedVia === 'string' && f.relayedVia
    ? `${line} (${t('runs.attempts.via', { name: f.relayedVia })})`
    : line;
}

function AttemptLog({ t, activity, model }: { t: RunsT; activity: RunActivity; model: RunModel }) {
  // Attempts and reports in one time line, oldest first. Both arrive sorted (by time, then id), so they are
  // merged, not sorted; each line's text is written only when its row is on screen (the list is windowed),
  // so recording one attempt in a 6,000-attempt run formats a screenful of lines, not 6,000.
  const lines = useMemo(() => {
    const { attempts, reports } = activity;
    const merged: RecordView[] = [];
    let a = 0;
    let r = 0;
    const key = (record: RecordView) => String(record.fields.at ?? '');
    while (a < attempts.length || r < reports.length) {
      const attempt = attempts[a];
      const report = reports[r];
      const takeReport =
        report !== undefined &&
        (attempt === undefined ||
          key(report) < key(attempt) ||
          (key(report) === key(attempt) && report.id < attempt.id));
      merged.push(takeReport ? report : attempt!);
      if (takeReport) r += 1;
      else a += 1;
    }
    return merged;
  }, [activity]);
  const lineText = (record: RecordView): string => {
    const f = record.fields;
    const person = model.byNode.get(String(f.nodeId))?.name ?? '';
    if (record.kind === 'calldown_attempt') return attemptLine(t, record, person);
    const time = formatDateTime(String(f.at), t.language);
    return f.report === 'escalated'
      ? t('runs.reports.line', {
          time,
          person,
          to: model.nameOf.get(String(f.toContactId)) ?? '',
          by: String(f.byName ?? ''),
        })
      : t('runs.reports.closedLine', { time, person, by: String(f.byName ?? '') });
  };
  return (
    <section aria-labelledby="run-attempts-heading">
      <h2 id="run-attempts-heading">{t('runs.attempts.heading')}</h2>
      {lines.length === 0 ? (
        <p class="muted">{t('runs.attempts.none')}</p>
      ) : (
        <Rows
          id="run-attempts"
          label={t('runs.attempts.listLabel')}
          count={lines.length}
          rowHeightRem={3}
          resetKey=""
          renderRow={(index) => <span class="run-attempt-line">{lineText(lines[index]!)}</span>}
        />
      )}
    </section>
  );
}

/** A plain list when short; a windowed one (VirtualList) when long. */
function Rows(props: {
  id: string;
  label: string;
  count: number;
  rowHeightRem: number;
  resetKey: string;
  renderRow: (index: number) => preact.ComponentChildren;
}) {
  if (props.count > WINDOW_FROM) return <VirtualList {...props} onRange={() => undefined} />;
  return (
    <ul id={props.id} class="run-rows" aria-label={props.label}>
      {Array.from({ length: props.count }, (_, index) => (
        <li key={index}>{props.renderRow(index)}</li>
      ))}
    </ul>
  );
}
