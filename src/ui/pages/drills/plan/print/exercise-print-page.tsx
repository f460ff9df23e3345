// /drills/:id/print — the situation manual's cover facts (name, type, dates, hazard, scope, sponsor, point
// of contact, scenario), objectives with core capabilities, modules and participants, on the shared print
// layout. EXERCISE is in the running header's title of every page and in the banner on the first.
import { useRoute } from 'preact-iso';
import { scenarioTimeLabel } from '../../../../../domain/drills/drill-rules';
import { documentCode, shortId } from '../../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../../print/print-document';
import { PrintFacts, PrintSection } from '../../../../print/print-parts';
import { useAreaT } from '../../../../i18n/use-t';
import { ExerciseBanner } from '../../exercise-banner';
import { ParticipantsTable } from '../exercise-page';
import { modulesOf, objectivesOf, participantsOf } from '../exercise-model';
import { drillsPlanMessages } from '../messages';
import { datesLabel, typeLabel, useExercise } from '../plan-parts';
import '../../../../styles/drills.css';

export function ExercisePrintPage() {
  const t = useAreaT(drillsPlanMessages);
  const { params } = useRoute();
  const exercise = useExercise(params.id ?? '');
  if (exercise === undefined) return <PrintStatus state="loading" />;
  if (exercise === null) return <PrintStatus state="missing" />;
  const f = exercise.fields;
  const name = String(f.name ?? '');
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const objectives = objectivesOf(f);
  const modules = modulesOf(f);
  const participants = participantsOf(f);
  return (
    <PrintDocument
      title={t('drillsPlan.print.manualTitle', { name })}
      code={documentCode('EX-SITMAN', shortId(exercise.id))}
      intro={
        <>
          <ExerciseBanner name={name} compact />
          <p>{t('drillsPlan.print.forExercise')}</p>
        </>
      }
    >
      <PrintSection title={t('drillsPlan.print.cover')} keepTogether>
        <PrintFacts
          items={[
            [t('drillsPlan.form.name'), name],
            [t('drillsPlan.home.type'), typeLabel(t, f)],
            [t('drillsPlan.home.dates'), datesLabel(t, f)],
            [t('drillsPlan.form.hazard'), text(f.hazard)],
            [t('drillsPlan.form.scope'), text(f.scope)],
            [t('drillsPlan.form.sponsor'), text(f.sponsor)],
            [t('drillsPlan.form.pointOfContact'), text(f.pointOfContact)],
          ]}
        />
      </PrintSection>
      {text(f.scenario) && (
        <PrintSection title={t('drillsPlan.home.scenario')}>
          <p class="drills-scenario">{text(f.scenario)}</p>
        </PrintSection>
      )}
      <PrintSection title={t('drillsPlan.form.objectives')}>
        {objectives.length === 0 ? (
          <p>{t('drillsPlan.home.noObjectives')}</p>
        ) : (
          <ol>
            {objectives.map((o) => (
              <li key={o.id}>
                {o.text}
                {o.capability && (
                  <>
                    <br />
                    <em>{t('drillsPlan.home.capability', { capability: o.capability })}</em>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </PrintSection>
      <PrintSection title={t('drillsPlan.form.modules')}>
        {modules.length === 0 ? (
          <p>{t('drillsPlan.home.noModules')}</p>
        ) : (
          <ol>
            {modules.map((m) => (
              <li key={m.id}>
                <strong>{m.title}</strong> —{' '}
                {t('drillsPlan.home.moduleStart', { time: scenarioTimeLabel(Number(m.startsAtMinute)) })}
                {m.summary && (
                  <>
                    <br />
                    {m.summary}
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </PrintSection>
      <PrintSection title={t('drillsPlan.form.participants')}>
        {participants.length === 0 ? (
          <p>{t('drillsPlan.home.noParticipants')}</p>
        ) : (
          <ParticipantsTable t={t} participants={participants} />
        )}
      </PrintSection>
    </PrintDocument>
  );
}
