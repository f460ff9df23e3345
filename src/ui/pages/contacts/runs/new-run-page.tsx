// /contacts/trees/:id/run/new — start a call-down of a tree, on this device at once (no network needed).
// The run keeps the tree as it is now (plan: who calls whom, names, primary phones) and its escalation
// rule, so later edits of the tree never change a run that is under way.
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { planFromSnapshot, readTreeSnapshot } from '../../../../storage/run-queries';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import { runsMessages } from './messages';
import { writeProblem } from './run-write';
import '../../../styles/contact-runs.css';

export function NewRunPage() {
  const t = useAreaT(runsMessages);
  const { params } = useRoute();
  const { route } = useLocation();
  const db = useDatabase();
  const announce = useAppStore((state) => state.announce);
  const user = useCachedSession()?.user;
  const treeId = params.id ?? '';
  const snapshot = useLiveQuery(() => (db ? readTreeSnapshot(db, treeId) : undefined), [db, treeId]);
  const [message, setMessage] = useState('');
  const [exercise, setExercise] = useState(false);
  const [messageError, setMessageError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (snapshot === undefined || !user) return <p class="muted">{t('app.loading')}</p>;
  if (snapshot === null)
    return (
      <>
        <PageHeading title={t('runs.new.title')}>{t('runs.new.title')}</PageHeading>
        <p class="empty-state">{t('runs.new.treeMissing')}</p>
        <p>
          <a href="/contacts/runs">{t('runs.back')}</a>
        </p>
      </>
    );

  const { tree } = snapshot;
  const f = tree.fields;
  const count = snapshot.people.length;
  const member = user.departments.includes(tree.dept);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!message.trim()) {
      setMessageError(t('runs.new.messageRequired'));
      document.getElementById('run-message')?.focus();
      return;
    }
    setMessageError(null);
    setBusy(true);
    const id = uuidv7();
    const result = await writeChange('record.create', {
      kind: 'calldown_run',
      id,
      dept: tree.dept,
      fields: {
        treeId: tree.id,
        treeName: String(f.name ?? ''),
        message: message.trim(),
        startedAt: new Date().toISOString(),
        status: 'active',
        exercise,
        plan: planFromSnapshot(snapshot),
        escalateAfterAttempts: Number(f.escalateAfterAttempts ?? 3),
        escalateAfterMinutes: Number(f.escalateAfterMinutes ?? 15),
        escalateTo: f.escalateTo === 'parent' ? 'parent' : 'backup',
      },
    });
    setBusy(false);
    const problem = writeProblem(t, result);
    setFormError(problem);
    if (problem) return;
    announce(t('runs.new.started'));
    route(`/contacts/runs/${id}`);
  };

  return (
    <>
      <PageHeading title={t('runs.new.title')}>{t('runs.new.title')}</PageHeading>
      <p>{t('runs.new.tree', { name: String(f.name ?? '') })}</p>
      <p>{t('runs.new.people', { count })}</p>
      <p>
        {t('runs.new.rule', {
          attempts: String(f.escalateAfterAttempts ?? 3),
          minutes: String(f.escalateAfterMinutes ?? 15),
          to: t(f.escalateTo === 'parent' ? 'runs.new.toParent' : 'runs.new.toBackup'),
        })}
      </p>
      {count === 0 ? (
        <p class="empty-state">{t('runs.new.empty')}</p>
      ) : !member ? (
        <p class="empty-state">{t('runs.new.noDepartment')}</p>
      ) : (
        <form class="form" onSubmit={onSubmit} noValidate aria-describedby="run-form-error">
          <div class={messageError ? 'field field-invalid' : 'field'}>
            <label for="run-message">{t('runs.new.message')}</label>
            <p id="run-message-hint" class="field-hint">
              {t('runs.new.messageHint')}
            </p>
            {messageError && (
              <p id="run-message-error" class="field-error">
                <span aria-hidden="true">⚠ </span>
                {messageError}
              </p>
            )}
            <textarea
              id="run-message"
              rows={4}
              value={message}
              required
              aria-invalid={messageError ? 'true' : undefined}
              aria-describedby={messageError ? 'run-message-hint run-message-error' : 'run-message-hint'}
              onInput={(event) => setMessage(event.currentTarget.value)}
            />
          </div>
          <div class="field field-check">
            <input
              id="run-exercise"
              type="checkbox"
              checked={exercise}
              onChange={(event) => setExercise(event.currentTarget.checked)}
            />
            <label for="run-exercise">{t('runs.new.exercise')}</label>
          </div>
          <button type="submit" class="button" disabled={busy}>
            {busy ? t('common.saving') : t('runs.new.start')}
          </button>
          <FormError id="run-form-error" message={formError} />
        </form>
      )}
      <p>
        <a href="/contacts/runs">{t('runs.back')}</a>
      </p>
    </>
  );
}
