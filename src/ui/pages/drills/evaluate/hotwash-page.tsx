// /drills/:id/hotwash — right after play each participant gives feedback: what went well, what to improve,
// anything else (at least one). Entries are append-only and listed oldest first, read live.
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { PARTICIPANT_ROLES, type Participant } from '../../../../domain/drills/drill-kinds';
import type { JsonObject } from '../../../../domain/sync/json-value';
import type { ExerciseRead } from '../../../../storage/drill-queries';
import { FormError } from '../../../components/form-error';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import { EvaluateFrame, FieldProblem, str, timeOf, useMe, writeProblem } from './evaluate-parts';
import type { EvaluateKey, EvaluateT } from './messages';

export function HotwashPage() {
  return (
    <EvaluateFrame screen="hotwash" titleKey="drillsEval.hotwash.title">
      {(read, t) => <HotwashView read={read} t={t} />}
    </EvaluateFrame>
  );
}

const ANSWERS = [
  ['wentWell', 'drillsEval.hotwash.wentWell'],
  ['toImprove', 'drillsEval.hotwash.toImprove'],
  ['other', 'drillsEval.hotwash.other'],
] as const;

function HotwashView({ read, t }: { read: ExerciseRead; t: EvaluateT }) {
  const me = useMe();
  const announce = useAppStore((state) => state.announce);
  const participants = Array.isArray(read.exercise.fields.participants)
    ? (read.exercise.fields.participants as unknown as Participant[])
    : [];
  const myRole = participants.find((p) => p.name === me.name)?.role ?? '';
  const [name, setName] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [answers, setAnswers] = useState({ wentWell: '', toImprove: '', other: '' });
  const [errors, setErrors] = useState<{ name?: string; answers?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameValue = name ?? me.name;
  const roleValue = role ?? myRole;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!nameValue.trim()) found.name = t('drillsEval.hotwash.nameRequired');
    if (!Object.values(answers).some((a) => a.trim())) found.answers = t('drillsEval.hotwash.oneRequired');
    setErrors(found);
    if (found.name) return document.getElementById('hotwash-name')?.focus();
    if (found.answers) return document.getElementById('hotwash-wentWell')?.focus();
    const fields: JsonObject = {
      exerciseId: read.exercise.id,
      byName: nameValue.trim(),
      at: new Date().toISOString(),
      ...(roleValue ? { role: roleValue } : {}),
    };
    for (const [key] of ANSWERS) if (answers[key].trim()) fields[key] = answers[key].trim();
    setBusy(true);
    const result = await writeChange('entry.append', {
      kind: 'hotwash_entry',
      id: uuidv7(),
      dept: read.exercise.dept,
      fields,
    });
    setBusy(false);
    const message = writeProblem(t, result);
    setProblem(message);
    if (message) return;
    setAnswers({ wentWell: '', toImprove: '', other: '' });
    announce(t('drillsEval.hotwash.saved'));
  };

  return (
    <>
      <p>{t('drillsEval.hotwash.intro')}</p>
      {!me.canWrite && me.role !== null && <p class="muted">{t('drillsEval.viewerNote')}</p>}
      {me.canWrite && (
        <section aria-labelledby="hotwash-add-heading">
          <h2 id="hotwash-add-heading">{t('drillsEval.hotwash.add')}</h2>
          <form class="form drills-eval-form" onSubmit={onSubmit} noValidate>
            <div class={errors.name ? 'field field-invalid' : 'field'}>
              <label for="hotwash-name">{t('drillsEval.hotwash.name')}</label>
              <FieldProblem id="hotwash-name-error" message={errors.name} />
              <input
                id="hotwash-name"
                type="text"
                required
                maxLength={200}
                value={nameValue}
                aria-invalid={errors.name ? 'true' : undefined}
                aria-describedby={errors.name ? 'hotwash-name-error' : undefined}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="hotwash-role">{t('drillsEval.hotwash.role')}</label>
              <select id="hotwash-role" value={roleValue} onChange={(e) => setRole(e.currentTarget.value)}>
                <option value="">{t('drillsEval.hotwash.noRole')}</option>
                {PARTICIPANT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`drillsEval.role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <FieldProblem id="hotwash-answers-error" message={errors.answers} />
            {ANSWERS.map(([key, label]) => (
              <div key={key} class={errors.answers ? 'field field-invalid' : 'field'}>
                <label for={`hotwash-${key}`}>{t(label)}</label>
                <textarea
                  id={`hotwash-${key}`}
                  rows={3}
                  maxLength={4000}
                  value={answers[key]}
                  aria-invalid={errors.answers ? 'true' : undefined}
                  aria-describedby={errors.answers ? 'hotwash-answers-error' : undefined}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setAnswers((a) => ({ ...a, [key]: value }));
                  }}
                />
              </div>
            ))}
            <FormError id="hotwash-error" message={problem} />
            <div class="button-row">
              <button type="submit" class="button" disabled={busy}>
                {t('drillsEval.hotwash.save')}
              </button>
            </div>
          </form>
        </section>
      )}
      <section aria-labelledby="hotwash-list-heading">
        <h2 id="hotwash-list-heading">{t('drillsEval.hotwash.list')}</h2>
        <HotwashList t={t} read={read} />
      </section>
    </>
  );
}

/** The hot-wash entries, oldest first: who (and their role), when, and the three answers. */
export function HotwashList({ t, read }: { t: EvaluateT; read: ExerciseRead }) {
  if (read.hotwash.length === 0) return <p class="muted">{t('drillsEval.hotwash.empty')}</p>;
  return (
    <ul class="drills-eval-hotwash-list">
      {read.hotwash.map((entry) => {
        const f = entry.fields;
        const role = str(f.role);
        return (
          <li key={entry.id} class="drills-eval-hotwash" data-hotwash={entry.id}>
            <p>
              <strong>
                {role
                  ? t('drillsEval.hotwash.entryBy', {
                      name: str(f.byName),
                      role: t(`drillsEval.role.${role}` as EvaluateKey),
                    })
                  : str(f.byName)}
              </strong>{' '}
              <span class="muted">
                {timeOf(t, f.at)}
                {entry.pending && <> · {t('drillsEval.unsent')}</>}
              </span>
            </p>
            <dl class="drills-eval-answers">
              {ANSWERS.filter(([key]) => str(f[key]).trim()).map(([key, label]) => (
                <div key={key}>
                  <dt>{t(label)}</dt>
                  <dd>{str(f[key])}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
