// /checklists/runs/:id — one checklist being worked: progress per phase (in words and numbers), then each
// section's tasks, each with a box to mark it done, "Not applicable" (with the reason), "Add note" and
// "Undo" of my own last mark, and who did what when. Marks are appended on this device at once and merge
// with every other device's when they sync; the screen follows the database live, so marks pulled from
// another device appear as they arrive. Closing the checklist asks first.
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import type { ChecklistItem, MarkAction } from '../../../domain/checklists/checklist-kinds';
import type { ItemStatus } from '../../../domain/checklists/checklist-rules';
import { shippedTemplate } from '../../../domain/checklists/shipped-templates';
import { readChecklistRun, type ChecklistRunRead } from '../../../storage/checklist-queries';
import { getRecord } from '../../../storage/sync-queries';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../format/format-date-time';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { LINK_ROUTES } from './checklist-model';
import { ChecklistExercise, writeProblem } from './checklist-parts';
import { checklistsMessages, type ChecklistsT } from './messages';
import '../../styles/checklists.css';

export function RunPage() {
  const t = useAreaT(checklistsMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const runId = params.id ?? '';
  const read = useLiveQuery(() => (db ? readChecklistRun(db, runId) : undefined), [db, runId]);
  const incidentId = typeof read?.run.fields.incidentId === 'string' ? read.run.fields.incidentId : '';
  const incident = useLiveQuery(
    () => (db && incidentId ? getRecord(db, incidentId).then((r) => r ?? null) : null),
    [db, incidentId],
  );
  if (read === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (read === null)
    return (
      <>
        <PageHeading title={t('checklists.title')}>{t('checklists.title')}</PageHeading>
        <p class="empty-state">{t('checklists.run.notFound')}</p>
        <p>
          <a href="/checklists">{t('checklists.back')}</a>
        </p>
      </>
    );
  return (
    <RunView
      t={t}
      read={read}
      incidentName={incident && !incident.deleted ? String(incident.fields.name ?? '') : null}
    />
  );
}

type OpenForm = { itemId: string; kind: 'not_applicable' | 'note' } | null;

function RunView({
  t,
  read,
  incidentName,
}: {
  t: ChecklistsT;
  read: ChecklistRunRead;
  incidentName: string | null;
}) {
  const { run, sections, items, statuses, phases, overall } = read;
  const f = run.fields;
  const active = f.status !== 'closed';
  const user = useCachedSession()?.user;
  const myName = user?.displayName ?? '';
  const announce = useAppStore((state) => state.announce);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const title = String(f.title ?? '');
  const time = (iso: unknown) => formatDateTime(String(iso), t.language);
  const shipped = typeof f.templateKey === 'string' ? shippedTemplate(f.templateKey) : undefined;
  const runLanguage = f.language === 'es' ? 'es' : 'en';

  const mark = async (item: ChecklistItem, action: MarkAction, note?: string): Promise<boolean> => {
    const result = await writeChange('entry.append', {
      kind: 'checklist_mark',
      id: uuidv7(),
      dept: run.dept,
      fields: {
        runId: run.id,
        itemId: item.id,
        action,
        at: new Date().toISOString(),
        byName: myName || '—',
        ...(note ? { note } : {}),
      },
    });
    const message = writeProblem(t, result);
    setProblem(message);
    if (message) return false;
    const key =
      action === 'done'
        ? 'checklists.run.markedDone'
        : action === 'undone'
          ? 'checklists.run.markedOpen'
          : action === 'not_applicable'
            ? 'checklists.run.markedNa'
            : 'checklists.run.noted';
    announce(t(key, { text: item.text }));
    return true;
  };

  const closeRun = async (): Promise<string | null> => {
    const result = await writeChange('record.update', {
      kind: 'checklist_run',
      id: run.id,
      fields: { status: 'closed', closedAt: new Date().toISOString() },
    });
    return writeProblem(t, result);
  };

  const cell = (label: string, value: number) => (
    <td>
      <span class="visually-hidden">{label}: </span>
      {value}
    </td>
  );

  return (
    <div class="checklist-run-page">
      <PageHeading title={title}>
        {title} <ChecklistExercise exercise={f.exercise} />
      </PageHeading>
      {f.exercise === true && (
        <p>
          <ChecklistExercise exercise long />
        </p>
      )}
      <section class="checklist-run-facts" aria-label={t('checklists.title')}>
        <p>
          <strong>{t(active ? 'checklists.run.statusActive' : 'checklists.run.statusClosed')}</strong>
          {run.pending && <> · {t('checklists.unsent')}</>}
          {' · '}
          {t('checklists.run.meta', { time: time(f.startedAt), by: String(f.startedBy ?? '') })}
          {typeof f.closedAt === 'string' && (
            <> · {t('checklists.run.closedAt', { time: time(f.closedAt) })}</>
          )}
        </p>
        <p class="muted">
          {t('checklists.run.from', {
            template: shipped ? shipped.title[runLanguage] : title,
            version: Number(f.templateVersion ?? 1),
          })}
        </p>
        {typeof f.incidentId === 'string' && (
          <p>
            {t('checklists.run.incident')}
            <a href={`/incidents/${f.incidentId}`}>{incidentName ?? f.incidentId}</a>
          </p>
        )}
        {!active && <p>{t('checklists.run.isClosed')}</p>}
      </section>

      <section class="checklist-progress" aria-labelledby="checklist-progress-heading">
        <h2 id="checklist-progress-heading">{t('checklists.run.progress')}</h2>
        <p id="checklist-overall" class="checklist-overall">
          <strong>{t('checklists.run.overall', { done: overall.done, total: overall.total })}</strong>
          {' — '}
          {t('checklists.run.overallDetail', {
            notApplicable: overall.notApplicable,
            open: overall.open,
            critical: overall.criticalOpen,
          })}
        </p>
        {overall.total > 0 && overall.open === 0 && <p>{t('checklists.run.complete')}</p>}
        <div class="table-scroll" role="region" aria-labelledby="checklist-progress-heading" tabIndex={0}>
          <table class="table checklist-progress-table">
            <thead>
              <tr>
                <th scope="col">{t('checklists.run.col.phase')}</th>
                <th scope="col">{t('checklists.run.col.total')}</th>
                <th scope="col">{t('checklists.run.col.done')}</th>
                <th scope="col">{t('checklists.run.col.na')}</th>
                <th scope="col">{t('checklists.run.col.open')}</th>
                <th scope="col">{t('checklists.run.col.critical')}</th>
              </tr>
            </thead>
            <tbody>
              {phases.map((phase) => (
                <tr key={phase.phase} data-phase={phase.phase}>
                  <th scope="row">{t(`checklists.phase.${phase.phase}`)}</th>
                  {cell(t('checklists.run.col.total'), phase.total)}
                  {cell(t('checklists.run.col.done'), phase.done)}
                  {cell(t('checklists.run.col.na'), phase.notApplicable)}
                  {cell(t('checklists.run.col.open'), phase.open)}
                  {cell(t('checklists.run.col.critical'), phase.criticalOpen)}
                </tr>
              ))}
              <tr data-phase="all" class="checklist-progress-all">
                <th scope="row">{t('checklists.run.all')}</th>
                {cell(t('checklists.run.col.total'), overall.total)}
                {cell(t('checklists.run.col.done'), overall.done)}
                {cell(t('checklists.run.col.na'), overall.notApplicable)}
                {cell(t('checklists.run.col.open'), overall.open)}
                {cell(t('checklists.run.col.critical'), overall.criticalOpen)}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <FormError id="checklist-run-error" message={problem} />
      {active && !myName && <p class="muted">{t('checklists.run.signedOutName')}</p>}

      <div>
        {sections.map((section) => {
          const rows = items.filter((item) => item.section === section.id);
          if (rows.length === 0) return null;
          return (
            <section key={section.id} class="checklist-section" aria-labelledby={`section-${section.id}`}>
              <h2 id={`section-${section.id}`} lang={runLanguage}>
                {section.title}
              </h2>
              <ul class="checklist-items">
                {rows.map((item) => (
                  <ItemRow
                    key={item.id}
                    t={t}
                    item={item}
                    language={runLanguage}
                    status={statuses.get(item.id) ?? { state: 'open', marks: [] }}
                    active={active && !!myName}
                    myName={myName}
                    openForm={openForm?.itemId === item.id ? openForm.kind : null}
                    setOpenForm={(kind) => setOpenForm(kind ? { itemId: item.id, kind } : null)}
                    mark={(action, note) => mark(item, action, note)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>

      <section class="checklist-run-actions">
        <p>
          <a href={`/checklists/runs/${run.id}/print`}>{t('checklists.run.print')}</a>
        </p>
        {active && (
          <button type="button" class="button button-secondary" onClick={() => setConfirmClose(true)}>
            {t('checklists.run.close')}
          </button>
        )}
        {confirmClose && (
          <ConfirmDialog
            id="close-checklist"
            title={t('checklists.run.close')}
            body={t('checklists.run.closeConfirm')}
            confirmLabel={t('checklists.run.close')}
            confirm={closeRun}
            onDone={() => {
              setConfirmClose(false);
              announce(t('checklists.run.closed'));
            }}
            onClose={() => setConfirmClose(false)}
          />
        )}
        <p>
          <a href="/checklists">{t('checklists.back')}</a>
        </p>
      </section>
    </div>
  );
}

function ItemRow({
  t,
  item,
  language,
  status,
  active,
  myName,
  openForm,
  setOpenForm,
  mark,
}: {
  t: ChecklistsT;
  item: ChecklistItem;
  language: 'en' | 'es';
  status: ItemStatus;
  active: boolean;
  myName: string;
  openForm: 'not_applicable' | 'note' | null;
  setOpenForm: (kind: 'not_applicable' | 'note' | null) => void;
  mark: (action: MarkAction, note?: string) => Promise<boolean>;
}) {
  const time = (iso: string) => formatDateTime(iso, t.language);
  const checkboxId = `mark-${item.id}`;
  const stateWord = t(
    status.state === 'done'
      ? 'checklists.run.stateDone'
      : status.state === 'not_applicable'
        ? 'checklists.run.stateNa'
        : 'checklists.run.stateOpen',
  );
  const lastStateMark = [...status.marks].reverse().find((m) => m.action !== 'note');
  const canUndo =
    active && status.state !== 'open' && !!lastStateMark && lastStateMark.byName === myName && !!myName;
  const link = item.link ? LINK_ROUTES[item.link] : undefined;
  return (
    <li class="checklist-item" data-item={item.id} data-state={status.state}>
      <div class="checklist-item-main">
        <input
          id={checkboxId}
          type="checkbox"
          checked={status.state === 'done'}
          disabled={!active}
          aria-describedby={`state-${item.id}`}
          onChange={(event) => void mark(event.currentTarget.checked ? 'done' : 'undone')}
        />
        <label for={checkboxId}>
          {item.critical && (
            <strong class="checklist-critical">
              <span aria-hidden="true">★ </span>
              {t('checklists.run.critical')}:{' '}
            </strong>
          )}
          <span lang={language}>{item.text}</span>
        </label>
      </div>
      <p class="checklist-item-facts muted">
        {t('checklists.run.role', { role: item.role })} ·{' '}
        {t('checklists.run.phase', { phase: t(`checklists.phase.${item.phase}`) })}
        {link && item.link && (
          <>
            {' · '}
            <a href={link}>{t('checklists.run.open', { screen: t(`checklists.link.${item.link}`) })}</a>
          </>
        )}
      </p>
      <p id={`state-${item.id}`} class="checklist-item-state">
        {!status.by ? (
          <strong>{stateWord}</strong>
        ) : (
          t('checklists.run.by', { state: stateWord, by: status.by, time: time(status.at ?? '') })
        )}
      </p>
      {status.state === 'not_applicable' && status.reason && (
        <p class="checklist-item-reason">{t('checklists.run.reason', { reason: status.reason })}</p>
      )}
      {status.marks.some((m) => m.action === 'note' || m.action === 'undone') && (
        <ul class="checklist-item-notes">
          {status.marks
            .filter((m) => m.action === 'note' || m.action === 'undone')
            .map((m) => (
              <li key={m.id}>
                {m.action === 'note'
                  ? t('checklists.run.note', { by: m.byName, time: time(m.at), note: m.note ?? '' })
                  : t('checklists.run.undoneLine', { by: m.byName, time: time(m.at) })}
              </li>
            ))}
        </ul>
      )}
      {active && (
        <div class="checklist-item-actions">
          {status.state !== 'not_applicable' && (
            <button
              type="button"
              class="button button-small button-secondary"
              aria-label={t('checklists.run.naNamed', { text: item.text })}
              aria-expanded={openForm === 'not_applicable'}
              onClick={() => setOpenForm(openForm === 'not_applicable' ? null : 'not_applicable')}
            >
              {t('checklists.run.na')}
            </button>
          )}
          <button
            type="button"
            class="button button-small button-secondary"
            aria-label={t('checklists.run.addNoteNamed', { text: item.text })}
            aria-expanded={openForm === 'note'}
            onClick={() => setOpenForm(openForm === 'note' ? null : 'note')}
          >
            {t('checklists.run.addNote')}
          </button>
          {canUndo && (
            <button
              type="button"
              class="button button-small button-secondary"
              aria-label={t('checklists.run.undoNamed', { text: item.text })}
              onClick={() => void mark('undone')}
            >
              {t('checklists.run.undo')}
            </button>
          )}
        </div>
      )}
      {active && openForm && (
        <MarkForm
          t={t}
          item={item}
          kind={openForm}
          onCancel={() => setOpenForm(null)}
          onSave={async (note) => {
            const ok = await mark(openForm, note);
            if (ok) setOpenForm(null);
            return ok;
          }}
        />
      )}
    </li>
  );
}

function MarkForm({
  t,
  item,
  kind,
  onCancel,
  onSave,
}: {
  t: ChecklistsT;
  item: ChecklistItem;
  kind: 'not_applicable' | 'note';
  onCancel: () => void;
  onSave: (note: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `${kind}-${item.id}`;
  const label = t(kind === 'note' ? 'checklists.run.noteText' : 'checklists.run.naReason');
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t(kind === 'note' ? 'checklists.run.noteRequired' : 'checklists.run.naReasonRequired'));
      document.getElementById(id)?.focus();
      return;
    }
    setError(null);
    await onSave(text.trim());
  };
  return (
    <form class="form checklist-mark-form" onSubmit={onSubmit} noValidate>
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={id}>{label}</label>
        {error && (
          <p id={`${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <textarea
          id={id}
          rows={2}
          value={text}
          required
          maxLength={2000}
          autoFocus
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </div>
      <div class="button-row">
        <button type="submit" class="button button-small">
          {t(kind === 'note' ? 'checklists.run.noteSave' : 'checklists.run.naSave')}
        </button>
        <button type="button" class="button button-small button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
