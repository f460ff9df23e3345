// /drills/:id/msel/print — the MSEL as a landscape table (number, scenario time, synopsis and inject text,
// method, controller, intended players, expected action, objective, contingency in words) on the shared
// print layout, EXERCISE in the running header's title of every page.
import { useRoute } from 'preact-iso';
import { scenarioTimeLabel } from '../../../../../domain/drills/drill-rules';
import { listInjects } from '../../../../../storage/drill-queries';
import { useLiveQuery } from '../../../../hooks/use-live-query';
import { useAreaT } from '../../../../i18n/use-t';
import { documentCode, shortId } from '../../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../../print/print-document';
import { useDatabase } from '../../../../sync/use-sync-facts';
import { ExerciseBanner } from '../../exercise-banner';
import { objectivesOf, participantsOf } from '../exercise-model';
import { drillsPlanMessages } from '../messages';
import { useExercise } from '../plan-parts';
import '../../../../styles/drills.css';

export function MselPrintPage() {
  const t = useAreaT(drillsPlanMessages);
  const { params } = useRoute();
  const id = params.id ?? '';
  const db = useDatabase();
  const exercise = useExercise(id);
  const injects = useLiveQuery(() => (db ? listInjects(db, id) : undefined), [db, id]);
  if (exercise === undefined || injects === undefined) return <PrintStatus state="loading" />;
  if (exercise === null) return <PrintStatus state="missing" />;
  const name = String(exercise.fields.name ?? '');
  const objectives = objectivesOf(exercise.fields);
  const participants = participantsOf(exercise.fields);
  const playerName = (u: string) => participants.find((p) => p.username === u)?.name ?? u;
  return (
    <PrintDocument
      title={t('drillsPlan.print.mselTitle', { name })}
      code={documentCode('EX-MSEL', shortId(exercise.id))}
      orientation="landscape"
      intro={
        <>
          <ExerciseBanner name={name} compact />
          <p>{t('drillsPlan.print.forExercise')}</p>
        </>
      }
    >
      {injects.length === 0 ? (
        <p>{t('drillsPlan.msel.none')}</p>
      ) : (
        <table class="table drills-msel-print">
          <thead>
            <tr>
              <th scope="col">{t('drillsPlan.col.number')}</th>
              <th scope="col">{t('drillsPlan.col.time')}</th>
              <th scope="col">{t('drillsPlan.col.synopsis')}</th>
              <th scope="col">{t('drillsPlan.col.method')}</th>
              <th scope="col">{t('drillsPlan.col.controller')}</th>
              <th scope="col">{t('drillsPlan.col.players')}</th>
              <th scope="col">{t('drillsPlan.msel.expectedAction')}</th>
              <th scope="col">{t('drillsPlan.col.objective')}</th>
              <th scope="col">{t('drillsPlan.col.contingency')}</th>
            </tr>
          </thead>
          <tbody>
            {injects.map((inject) => {
              const f = inject.fields;
              const players = Array.isArray(f.players) ? (f.players as string[]) : [];
              const k = objectives.findIndex((o) => o.id === f.objectiveId);
              return (
                <tr key={inject.id}>
                  <th scope="row">{String(f.number)}</th>
                  <td>{scenarioTimeLabel(Number(f.scenarioMinute ?? 0))}</td>
                  <td>
                    <strong>{String(f.synopsis ?? '')}</strong>
                    <br />
                    {String(f.text ?? '')}
                  </td>
                  <td>{t(`drillsPlan.method.${String(f.method)}` as 'drillsPlan.method.phone')}</td>
                  <td>{String(f.controller ?? '')}</td>
                  <td>
                    {players.length ? players.map(playerName).join(', ') : t('drillsPlan.msel.allPlayers')}
                  </td>
                  <td>{String(f.expectedAction ?? '')}</td>
                  <td>{k >= 0 ? `${k + 1}. ${objectives[k]!.text}` : ''}</td>
                  <td>
                    {f.contingency === true
                      ? t('drillsPlan.msel.contingencyYes')
                      : t('drillsPlan.msel.contingencyNo')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </PrintDocument>
  );
}
