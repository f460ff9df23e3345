// "Change status": offers only the moves the lifecycle allows from the status shown, asks for a reason
// when the move needs one, and writes a status event (from = the status on screen) that moves the permit.
// If someone else moved the permit first, the server refuses it and it shows under "Needs attention".
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { nextStatuses, REASON_REQUIRED, type PermitStatus } from '../../../domain/permits/lifecycle';
import { permitStatusEventKind } from '../../../domain/permits/permit-kinds';
import type { JsonObject } from '../../../domain/sync';
import { validateFields } from '../../../domain/sync';
import type { RecordView } from '../../../storage';
import { FormError } from '../../components/form-error';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { writeChange } from '../../sync/write-change';
import { permitsMessages } from './messages';
import { errorsByField, statusKey } from './permit-helpers';
import { writeProblem } from './permit-write';

export function StatusChange({ permit, current }: { permit: RecordView; current: PermitStatus }) {
  const t = useAreaT(permitsMessages);
  const announce = useAppStore((state) => state.announce);
  const options = nextStatuses(current);
  const [to, setTo] = useState<string>(options[0] ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (options.length === 0) return <p class="muted">{t('permits.statusFinal')}</p>;
  const target = (options as readonly string[]).includes(to) ? (to as PermitStatus) : options[0]!;
  const reasonRequired = REASON_REQUIRED.includes(target);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: JsonObject = { permitId: permit.id, from: current, to: target };
    if (reason.trim()) fields.reason = reason.trim();
    const problems = errorsByField(t, validateFields(permitStatusEventKind, fields, { op: 'append' }));
    setErrors(problems);
    setFormError(null);
    if (problems.reason) {
      document.getElementById('status-reason')?.focus();
      return;
    }
    setBusy(true);
    const result = await writeChange('entry.append', {
      kind: 'permit_status_event',
      id: uuidv7(),
      dept: permit.dept,
      fields,
    });
    setBusy(false);
    const problem = writeProblem(t, result);
    if (problem) {
      setErrors(problem.fields);
      setFormError(problem.message);
      return;
    }
    setReason('');
    announce(t('permits.statusChanged', { status: t(statusKey(target)) }));
  };

  return (
    <form class="form permit-status-form" onSubmit={onSubmit} noValidate aria-describedby="status-form-error">
      <div class="field">
        <label for="status-to">{t('permits.newStatus')}</label>
        <select id="status-to" value={target} onChange={(e) => setTo(e.currentTarget.value)}>
          {options.map((status) => (
            <option key={status} value={status}>
              {t(statusKey(status))}
            </option>
          ))}
        </select>
      </div>
      <div class={errors.reason ? 'field field-invalid' : 'field'}>
        <label for="status-reason">
          {t('permits.reason')}
          <span class="muted"> {reasonRequired ? t('permits.requiredMark') : t('permits.optionalMark')}</span>
        </label>
        {errors.reason && (
          <p id="status-reason-error" class="field-error">
            <span aria-hidden="true">⚠ </span>
            {errors.reason}
          </p>
        )}
        <textarea
          id="status-reason"
          rows={2}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          aria-invalid={errors.reason ? 'true' : undefined}
          aria-describedby={errors.reason ? 'status-reason-error' : undefined}
        />
      </div>
      <button type="submit" class="button" disabled={busy}>
        {busy ? t('common.saving') : t('permits.changeStatus')}
      </button>
      <FormError id="status-form-error" message={formError} />
    </form>
  );
}
