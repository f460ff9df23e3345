// A tree's name and escalation rule: after N attempts or M minutes without reaching someone, their call
// passes to their backup caller or up to the person who calls their caller.
import { useState } from 'preact/hooks';
import type { JsonObject } from '../../../../domain/sync/json-value';
import type { RecordView } from '../../../../storage/sync-queries';
import { FormError } from '../../../components/form-error';
import { TextField } from '../../../components/text-field';
import type { TreesT } from './messages';
import { change } from './tree-write';

const whole = (text: string, min: number, max: number): number | null => {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= min && value <= max ? value : null;
};

export function TreeSettings({
  t,
  tree,
  announce,
}: {
  t: TreesT;
  tree: RecordView;
  announce: (text: string) => void;
}) {
  const f = tree.fields;
  const [name, setName] = useState(String(f.name ?? ''));
  const [attempts, setAttempts] = useState(String(f.escalateAfterAttempts ?? 3));
  const [minutes, setMinutes] = useState(String(f.escalateAfterMinutes ?? 15));
  const [to, setTo] = useState(f.escalateTo === 'parent' ? 'parent' : 'backup');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const a = whole(attempts, 1, 20);
    const m = whole(minutes, 1, 1_440);
    if (!name.trim()) found.name = t('trees.error.name.required');
    if (a === null) found.escalateAfterAttempts = t('trees.error.attempts');
    if (m === null) found.escalateAfterMinutes = t('trees.error.minutes');
    setErrors(found);
    if (Object.keys(found).length) {
      setError(t('common.fixErrors'));
      return;
    }
    const next: JsonObject = {
      name: name.trim(),
      escalateAfterAttempts: a,
      escalateAfterMinutes: m,
      escalateTo: to,
    };
    const fields = Object.fromEntries(Object.entries(next).filter(([key, value]) => f[key] !== value));
    if (Object.keys(fields).length === 0) {
      setError(null);
      announce(t('trees.settings.nothingChanged'));
      return;
    }
    const problem = await change(t, 'record.update', { kind: 'calldown_tree', id: tree.id, fields });
    setErrors(problem?.fields ?? {});
    setError(problem?.message ?? null);
    if (!problem) announce(t('trees.settings.saved'));
  };

  return (
    <form
      class="form tree-settings"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby="settings-heading"
    >
      <h2 id="settings-heading">{t('trees.settings.heading')}</h2>
      <TextField
        id="tree-name"
        label={t('trees.field.name')}
        value={name}
        onInput={setName}
        error={errors.name}
        maxLength={200}
      />
      <fieldset class="radio-group">
        <legend>{t('trees.settings.ruleLegend')}</legend>
        <TextField
          id="tree-attempts"
          label={t('trees.field.attempts')}
          hint={t('trees.field.attemptsHint')}
          value={attempts}
          onInput={setAttempts}
          error={errors.escalateAfterAttempts}
          maxLength={2}
        />
        <TextField
          id="tree-minutes"
          label={t('trees.field.minutes')}
          hint={t('trees.field.minutesHint')}
          value={minutes}
          onInput={setMinutes}
          error={errors.escalateAfterMinutes}
          maxLength={4}
        />
        <fieldset class="radio-group">
          <legend>{t('trees.field.escalateTo')}</legend>
          <label>
            <input
              type="radio"
              name="escalate-to"
              checked={to === 'backup'}
              onChange={() => setTo('backup')}
            />{' '}
            {t('trees.field.toBackup')}
          </label>
          <label>
            <input
              type="radio"
              name="escalate-to"
              checked={to === 'parent'}
              onChange={() => setTo('parent')}
            />{' '}
            {t('trees.field.toParent')}
          </label>
        </fieldset>
      </fieldset>
      <FormError id="settings-error" message={error} />
      <button type="submit" class="button">
        {t('trees.settings.save')}
      </button>
    </form>
  );
}
