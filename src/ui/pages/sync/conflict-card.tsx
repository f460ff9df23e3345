// One conflict: the two values side by side with who and when, and the choice that resolves it.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ConflictFields, JsonValue } from '../../../domain/sync';
import type { RecordView } from '../../../storage';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../../format/format-date-time';
import { useAreaT } from '../../i18n/use-t';
import { syncInboxMessages } from './messages';
import { useAppStore } from '../../store/use-app-store';
import { writeChange } from '../../sync/write-change';
import { changeError } from '../notes/note-helpers';
import { fieldLabel } from './describe-entry';

type Choice = 'server' | 'client' | 'merged';

const show = (value: JsonValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function ConflictCard(props: {
  record: RecordView;
  fields: ConflictFields;
  target: RecordView | null;
}) {
  const t = useAreaT(syncInboxMessages);
  const announce = useAppStore((state) => state.announce);
  const { record, fields } = props;
  const [choice, setChoice] = useState<Choice>('server');
  const [merged, setMerged] = useState(show(fields.serverValue));
  const [error, setError] = useState<string | null>(null);
  const base = `conflict-${record.id}`;
  const title = show(props.target?.fields.title ?? fields.recordId);
  const heading = t('conflicts.heading', { title, field: fieldLabel(t, fields.field) });

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value =
      choice === 'server' ? fields.serverValue : choice === 'client' ? fields.clientValue : merged;
    const problem = changeError(t, await writeChange('conflict.resolve', { conflictId: record.id, value }));
    setError(problem);
    if (!problem) announce(t('conflicts.resolved', { title }));
  };

  const radio = (value: Choice, label: string) => (
    <label class="checkbox">
      <input
        type="radio"
        name={`${base}-choice`}
        value={value}
        checked={choice === value}
        onChange={() => setChoice(value)}
      />
      {label}
    </label>
  );

  return (
    <li class="inbox-item">
      <h2 id={`${base}-heading`}>{heading}</h2>
      <div class="conflict-sides">
        <section class="conflict-side" aria-labelledby={`${base}-server`}>
          <h3 id={`${base}-server`}>{t('conflicts.serverSide')}</h3>
          <p class="conflict-value">{show(fields.serverValue)}</p>
          <p class="muted">
            {t('conflicts.serverBy', {
              user: fields.serverBy,
              time: formatDateTime(record.createdAt, t.language),
            })}
          </p>
        </section>
        <section class="conflict-side" aria-labelledby={`${base}-client`}>
          <h3 id={`${base}-client`}>{t('conflicts.clientSide')}</h3>
          <p class="conflict-value">{show(fields.clientValue)}</p>
          <p class="muted">
            {t('conflicts.clientBy', {
              user: fields.clientBy,
              time: formatDateTime(fields.clientAt, t.language),
            })}
          </p>
        </section>
      </div>
      <form class="form" onSubmit={onSubmit} noValidate aria-describedby={`${base}-error`}>
        <fieldset>
          <legend>{t('conflicts.choose')}</legend>
          {radio('server', t('conflicts.keepServer'))}
          {radio('client', t('conflicts.keepClient'))}
          {radio('merged', t('conflicts.typeMerged'))}
          {choice === 'merged' && (
            <div class="field">
              <label for={`${base}-merged`}>{t('conflicts.mergedLabel')}</label>
              <textarea
                id={`${base}-merged`}
                rows={3}
                value={merged}
                onInput={(e) => setMerged(e.currentTarget.value)}
              />
            </div>
          )}
        </fieldset>
        <button type="submit" class="button">
          {t('conflicts.resolve')}
        </button>
        <FormError id={`${base}-error`} message={error} />
      </form>
    </li>
  );
}
