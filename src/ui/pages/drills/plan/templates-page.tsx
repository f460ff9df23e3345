// /drills/templates — the ready-made tabletop scenarios; a manager picks the exercise's language and
// starts one: the exercise and each of its injects are written (one change each), then its page opens.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import {
  EXERCISE_TEMPLATES,
  templateFields,
  templateInjects,
  type ExerciseTemplate,
  type TemplateLanguage,
} from '../../../../domain/drills/templates';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBanner } from '../exercise-banner';
import { canPlan, today } from './exercise-model';
import { drillsPlanMessages } from './messages';
import { writeProblem } from './plan-parts';
import '../../../styles/drills.css';

export function TemplatesPage() {
  const t = useAreaT(drillsPlanMessages);
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const user = useCachedSession()?.user;
  const [language, setLanguage] = useState<TemplateLanguage>(t.language);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const title = t('drillsPlan.templates.title');
  if (!user) return <p class="muted">{t('app.loading')}</p>;
  const planner = canPlan(user.role);

  const start = async (template: ExerciseTemplate) => {
    setBusy(template.key);
    setError(null);
    const id = uuidv7();
    const dept = user.departments[0] ?? '';
    const created = await writeChange('record.create', {
      kind: 'exercise',
      id,
      dept,
      fields: templateFields(template, language, { startDate: today() }),
    });
    let problem = writeProblem(t, created);
    if (!problem)
      for (const fields of templateInjects(template, language, id)) {
        problem = writeProblem(
          t,
          await writeChange('record.create', { kind: 'msel_inject', id: uuidv7(), dept, fields }),
        );
        if (problem) break;
      }
    setBusy(null);
    setError(problem);
    if (problem) return;
    announce(t('drillsPlan.templates.started', { count: template.injects.length }));
    route(`/drills/${id}`);
  };

  return (
    <div class="drills-templates">
      <ExerciseBanner />
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('drillsPlan.templates.intro')}</p>
      {!planner && <p class="empty-state">{t('drillsPlan.readOnly')}</p>}
      <div class="field">
        <label for="template-language">{t('drillsPlan.templates.language')}</label>
        <select
          id="template-language"
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value === 'es' ? 'es' : 'en')}
        >
          <option value="en">{t('drillsPlan.language.en')}</option>
          <option value="es">{t('drillsPlan.language.es')}</option>
        </select>
      </div>
      <ul class="drills-list">
        {EXERCISE_TEMPLATES.map((template) => {
          const name = template.name[language];
          return (
            <li key={template.key} data-template={template.key}>
              <h2 lang={language}>{name}</h2>
              <p lang={language}>{template.summary[language]}</p>
              <p class="muted">
                {t('drillsPlan.templates.counts', {
                  objectives: template.objectives.length,
                  modules: template.modules.length,
                  injects: template.injects.length,
                })}
              </p>
              {planner && (
                <button
                  type="button"
                  class="button"
                  disabled={busy !== null}
                  aria-label={t('drillsPlan.templates.startNamed', { name })}
                  onClick={() => void start(template)}
                >
                  {busy === template.key
                    ? t('drillsPlan.templates.starting')
                    : t('drillsPlan.templates.start')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <FormError id="templates-error" message={error} />
      <p>
        <a href="/drills">{t('drillsPlan.back')}</a>
      </p>
    </div>
  );
}
