// /drills/:id/report/print — the After-Action Report / Improvement Plan on the shared print layout,
// landscape (the improvement plan is a wide table): the overview, the executive summary, each objective
// with its rating in letter AND words, the inject timeline with the players' acknowledgements and actions,
// the observations, strengths and areas for improvement, and the improvement plan table. Table rows never
// split across pages. EXERCISE is in the running header of every page and in the banner at the top.
// Before a report is drafted it prints what the draft would say, and says so.
import { useRoute } from 'preact-iso';
import { readExercise } from '../../../../storage/drill-queries';
import { formatIsoDay } from '../../../format/format-date-time';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintFacts, PrintSection } from '../../../print/print-parts';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ExerciseBanner, useExerciseWord } from '../exercise-banner';
import { isRating, objectiveLabel, objectivesOf, ratingFull, str, timeOf } from './evaluate-parts';
import { PLAN_COLUMNS, PLAN_LABELS, planCells } from './improvement-plan-page';
import { evaluateMessages, type EvaluateKey } from './messages';
import { draftOf } from './report-page';
import { InjectTimeline } from './timeline';
import '../../../print/print.css';
import './evaluate.css';

interface RatingRow {
  objectiveId: string;
  rating: string;
  summary: string;
}

export function ReportPrintPage() {
  const t = useAreaT(evaluateMessages);
  const word = useExerciseWord();
  const { params } = useRoute();
  const db = useDatabase();
  const id = params.id ?? '';
  const read = useLiveQuery(() => (db ? readExercise(db, id) : undefined), [db, id]);
  if (read === undefined) return <PrintStatus state="loading" />;
  if (read === null) return <PrintStatus state="missing" />;
  const f = read.exercise.fields;
  const name = str(f.name);
  const report = read.report;
  const draft = report ? null : draftOf(t, read);
  const texts = {
    executiveSummary: draft ? draft.executiveSummary : str(report?.fields.executiveSummary),
    overview: draft ? draft.overview : str(report?.fields.overview),
    strengths: draft ? draft.strengths : str(report?.fields.strengths),
    areasForImprovement: draft ? draft.areasForImprovement : str(report?.fields.areasForImprovement),
  };
  const saved: RatingRow[] = draft
    ? draft.objectiveRatings
    : Array.isArray(report?.fields.objectiveRatings)
      ? (report.fields.objectiveRatings as unknown as RatingRow[])
      : [];
  const objectives = objectivesOf(read.exercise);
  const day = (value: unknown) => formatIsoDay(value, t.language) ?? '';
  const dates = [day(f.startDate), day(f.endDate)].filter(Boolean).join(' – ');
  const final = report?.fields.status === 'final';
  const text = (value: string) => <p class="drills-eval-text">{value || t('drillsEval.print.empty')}</p>;
  const injectOf = (injectId: unknown) => read.injects.find((i) => i.id === injectId);

  return (
    <PrintDocument
      title={t('drillsEval.print.exerciseTitle', { word, name })}
      code={documentCode('EX-AAR', shortId(read.exercise.id))}
      orientation="landscape"
      heading={t('drillsEval.print.title', { name })}
      intro={
        <>
          <ExerciseBanner name={name} />
          {!report && <p>{t('drillsEval.print.notGenerated')}</p>}
          {report && !final && <p>{t('drillsEval.print.draftNote')}</p>}
        </>
      }
    >
      <PrintFacts
        items={[
          [
            t('drillsEval.print.facts.type'),
            str(f.exerciseType) ? t(`drillsEval.type.${str(f.exerciseType)}` as EvaluateKey) : '',
          ],
          [t('drillsEval.print.facts.dates'), dates],
          [
            t('drillsEval.print.facts.status'),
            !report
              ? t('drillsEval.report.none')
              : t(final ? 'drillsEval.report.statusFinal' : 'drillsEval.report.statusDraft'),
          ],
        ]}
      />
      <PrintSection title={t('drillsEval.report.overview')}>{text(texts.overview)}</PrintSection>
      <PrintSection title={t('drillsEval.report.executiveSummary')}>
        {text(texts.executiveSummary)}
      </PrintSection>
      <PrintSection title={t('drillsEval.report.objectives')}>
        <p class="muted">{t('drillsEval.print.legend')}</p>
        <table class="print-table drills-eval-print-objectives">
          <thead>
            <tr>
              <th scope="col">{t('drillsEval.print.col.objective')}</th>
              <th scope="col">{t('drillsEval.print.col.rating')}</th>
              <th scope="col">{t('drillsEval.print.col.summary')}</th>
            </tr>
          </thead>
          <tbody>
            {objectives.map((objective) => {
              const row = saved.find((r) => r.objectiveId === objective.id);
              return (
                <tr key={objective.id} data-objective={objective.id}>
                  <th scope="row">{objectiveLabel(t, objectives, objective.id)}</th>
                  <td>
                    {row && isRating(row.rating) ? ratingFull(t, row.rating) : t('drillsEval.notRated')}
                  </td>
                  <td class="drills-eval-text">{row?.summary ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </PrintSection>
      <PrintSection title={t('drillsEval.report.timeline')}>
        <InjectTimeline t={t} read={read} print headingId="print-timeline" />
      </PrintSection>
      <PrintSection title={t('drillsEval.report.observations')}>
        {read.observations.length === 0 ? (
          <p>{t('drillsEval.report.noObservations')}</p>
        ) : (
          <table class="print-table drills-eval-print-observations">
            <thead>
              <tr>
                <th scope="col">{t('drillsEval.print.col.objective')}</th>
                <th scope="col">{t('drillsEval.print.col.rating')}</th>
                <th scope="col">{t('drillsEval.print.col.observation')}</th>
                <th scope="col">{t('drillsEval.print.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {read.observations.map((o) => {
                const of = o.fields;
                const inject = injectOf(of.injectId);
                return (
                  <tr key={o.id}>
                    <td>{objectiveLabel(t, objectives, str(of.objectiveId))}</td>
                    <td>{isRating(of.rating) ? ratingFull(t, of.rating) : ''}</td>
                    <td>
                      {str(of.text)}
                      {inject && (
                        <span class="print-detail">
                          {t('drillsEval.evaluate.injectLine', {
                            inject: t('drillsEval.inject', {
                              number: Number(inject.fields.number ?? 0),
                              synopsis: str(inject.fields.synopsis),
                            }),
                          })}
                        </span>
                      )}
                      {str(of.strength) && (
                        <span class="print-detail">
                          {t('drillsEval.evaluate.strengthLine', { text: str(of.strength) })}
                        </span>
                      )}
                      {str(of.areaForImprovement) && (
                        <span class="print-detail">
                          {t('drillsEval.evaluate.areaLine', { text: str(of.areaForImprovement) })}
                        </span>
                      )}
                      {str(of.rootCause) && (
                        <span class="print-detail">
                          {t('drillsEval.evaluate.causeLine', { text: str(of.rootCause) })}
                        </span>
                      )}
                    </td>
                    <td>{t('drillsEval.by', { by: str(of.byName), time: timeOf(t, of.at) })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </PrintSection>
      <PrintSection title={t('drillsEval.report.strengths')}>{text(texts.strengths)}</PrintSection>
      <PrintSection title={t('drillsEval.report.areas')}>{text(texts.areasForImprovement)}</PrintSection>
      <PrintSection title={t('drillsEval.plan.table')}>
        {read.improvements.length === 0 ? (
          <p>{t('drillsEval.plan.empty')}</p>
        ) : (
          <table class="print-table drills-eval-print-plan">
            <thead>
              <tr>
                {PLAN_COLUMNS.map((col) => (
                  <th key={col} scope="col">
                    {t(PLAN_LABELS[col])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {read.improvements.map((row) => {
                const cells = planCells(t, row);
                return (
                  <tr key={row.id} data-item={row.id}>
                    {PLAN_COLUMNS.map((col) => (
                      <td key={col}>
                        {cells[col] || t('drillsEval.none')}
                        {col === 'issue' && cells.notes && <span class="print-detail">{cells.notes}</span>}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </PrintSection>
    </PrintDocument>
  );
}
