// The ICS 214 header blocks of a log (1 incident name, 2 operational period, 3 name, 4 ICS position,
// 5 home agency and unit, 6 resources assigned), with "Edit the header" for blocks 3 to 6.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { activityLogKind } from '../../../../domain/incidents/incident-kinds';
import type { JsonObject } from '../../../../domain/sync';
import { jsonEqual, validateFields } from '../../../../domain/sync';
import type { RecordView } from '../../../../storage';
import { FormError } from '../../../components/form-error';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import { clockText } from './log-time';
import { fieldErrorText, writeProblem } from './log-write';
import type { LogT } from './messages';
import { namelessRows, resourceRows, ResourcesEditor, storedResources } from './resources-editor';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function LogHeader(props: {
  t: LogT;
  log: RecordView;
  incident: RecordView;
  period: RecordView | null;
  writable: boolean;
}) {
  const { t, log, incident, period } = props;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // Back to "Edit the header" after saving or cancelling, so keyboard users keep their place.
    if (!editing && returnFocus.current) editButton.current?.focus();
    returnFocus.current = editing;
  }, [editing]);
  const f = log.fields;
  const resources = resourceRows(f.resources);
  const given = (value: unknown) => text(value) || <span class="muted">{t('activityLog.notGiven')}</span>;

  return (
    <section aria-labelledby="log-header-heading" class="log-header">
      <h2 id="log-header-heading" class="visually-hidden">
        {t('activityLog.heading')}
      </h2>
      <dl class="facts log-blocks">
        <div>
          <dt>{t('activityLog.block.incident')}</dt>
          <dd>{text(incident.fields.name)}</dd>
        </div>
        <div>
          <dt>{t('activityLog.block.period')}</dt>
          <dd>
            {period
              ? t('activityLog.periodRange', {
                  number: String(period.fields.number ?? ''),
                  from: clockText(period.fields.startsAt),
                  to: clockText(period.fields.endsAt),
                })
              : t('activityLog.periodMissing')}
          </dd>
        </div>
        <div>
          <dt>{t('activityLog.block.name')}</dt>
          <dd>{given(f.name)}</dd>
        </div>
        <div>
          <dt>{t('activityLog.block.position')}</dt>
          <dd>{given(f.icsPosition)}</dd>
        </div>
        <div>
          <dt>{t('activityLog.block.agency')}</dt>
          <dd>{given(f.homeAgency)}</dd>
        </div>
        <div class="log-block-wide">
          <dt>{t('activityLog.block.resources')}</dt>
          <dd>
            {resources.length === 0 ? (
              <span class="muted">{t('activityLog.resources.none')}</span>
            ) : (
              <table class="table log-resources-table">
                <thead>
                  <tr>
                    <th scope="col">{t('activityLog.resources.name')}</th>
                    <th scope="col">{t('activityLog.resources.position')}</th>
                    <th scope="col">{t('activityLog.resources.agency')}</th>
                  </tr>
                </thead>
                <tbody>
                  {resources.map((row, index) => (
                    <tr key={index}>
                      <td>{row.name}</td>
                      <td>{row.position}</td>
                      <td>{row.agency}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </dd>
        </div>
      </dl>
      {props.writable && !editing && (
        <button
          ref={editButton}
          type="button"
          class="button button-secondary"
          onClick={() => setEditing(true)}
        >
          {t('activityLog.editHeader')}
        </button>
      )}
      {editing && <HeaderForm t={t} log={log} onDone={() => setEditing(false)} />}
    </section>
  );
}

function HeaderForm({ t, log, onDone }: { t: LogT; log: RecordView; onDone: () => void }) {
  const announce = useAppStore((state) => state.announce);
  const [name, setName] = useState(text(log.fields.name));
  const [icsPosition, setIcsPosition] = useState(text(log.fields.icsPosition));
  const [homeAgency, setHomeAgency] = useState(text(log.fields.homeAgency));
  const [resources, setResources] = useState(resourceRows(log.fields.resources));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [badRows, setBadRows] = useState<number[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => document.getElementById('log-edit-name')?.focus(), []);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: JsonObject = {
      name: name.trim(),
      icsPosition: icsPosition.trim() || null,
      homeAgency: homeAgency.trim() || null,
      resources: storedResources(resources),
    };
    const changed: JsonObject = {};
    for (const [field, value] of Object.entries(next)) {
      const before = log.fields[field] ?? (field === 'resources' ? [] : null);
      if (!jsonEqual(before, value)) changed[field] = value;
    }
    const found: Record<string, string> = {};
    const problems = validateFields(
      activityLogKind,
      { ...log.fields, ...changed },
      { op: 'update', previous: log.fields },
      Object.keys(changed),
    );
    for (const error of problems) found[error.field] ??= fieldErrorText(t, error);
    const nameless = namelessRows(resources);
    setErrors(found);
    setBadRows(nameless);
    if (Object.keys(found).length > 0 || nameless.length > 0) {
      setFormError(t('common.fixErrors'));
      const first = Object.keys(found)[0];
      document.getElementById(first ? `log-edit-${first}` : `log-edit-resource-${nameless[0]}-name`)?.focus();
      return;
    }
    if (Object.keys(changed).length === 0) {
      announce(t('activityLog.nothingChanged'));
      onDone();
      return;
    }
    setBusy(true);
    const result = await writeChange('record.update', { kind: 'activity_log', id: log.id, fields: changed });
    setBusy(false);
    const problem = writeProblem(t, result);
    if (problem) {
      setErrors(problem.fields);
      setFormError(problem.message);
      return;
    }
    announce(t('activityLog.headerSaved'));
    onDone();
  };

  const input = (id: string, label: string, value: string, set: (v: string) => void, required = false) => {
    const error = errors[id];
    return (
      <div class={error ? 'field field-invalid' : 'field'}>
        <label for={`log-edit-${id}`}>
          {label}
          {required && <span class="muted"> {t('activityLog.requiredMark')}</span>}
        </label>
        {error && (
          <p id={`log-edit-${id}-error`} class="field-error">
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        )}
        <input
          id={`log-edit-${id}`}
          type="text"
          value={value}
          maxLength={200}
          autoComplete="off"
          aria-required={required ? 'true' : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `log-edit-${id}-error` : undefined}
          onInput={(e) => set(e.currentTarget.value)}
        />
      </div>
    );
  };

  return (
    <form class="form log-form" onSubmit={onSubmit} noValidate aria-describedby="log-edit-error">
      {input('name', t('activityLog.field.name'), name, setName, true)}
      {input('icsPosition', t('activityLog.field.icsPosition'), icsPosition, setIcsPosition)}
      {input('homeAgency', t('activityLog.field.homeAgency'), homeAgency, setHomeAgency)}
      <ResourcesEditor
        t={t}
        idPrefix="log-edit-resource"
        rows={resources}
        onChange={setResources}
        invalidRows={badRows}
      />
      <FormError id="log-edit-error" message={formError} />
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : t('activityLog.saveHeader')}
        </button>
        <button type="button" class="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
