// The inject timeline as the report page and the printed AAR/IP show it, read from the records: each inject
// by scenario time, how it was delivered (by the clock or early, when), who acknowledged it and when, and
// the players' actions; then the players' actions not tied to an inject.
import { injectTimeline, otherActions, type TimelineEntry } from '../../../../domain/drills/aar';
import { clockFields, scenarioMinutesAt, scenarioTimeLabel } from '../../../../domain/drills/drill-rules';
import type { ExerciseRead } from '../../../../storage/drill-queries';
import { timelineEvents, timelineInjects, timeOf } from './evaluate-parts';
import type { EvaluateT } from './messages';

function delivered(t: EvaluateT, entry: TimelineEntry): string {
  if (entry.deliveredBy === 'early' && entry.earlyAt) {
    const when = timeOf(t, entry.earlyAt);
    return entry.earlyScenarioMinute !== undefined
      ? t('drillsEval.report.earlyAt', { when, time: scenarioTimeLabel(entry.earlyScenarioMinute) })
      : t('drillsEval.report.early', { when });
  }
  if (entry.deliveredBy === 'clock')
    return t('drillsEval.report.byClock', { time: scenarioTimeLabel(entry.inject.scenarioMinute) });
  return entry.held ? t('drillsEval.report.held') : t('drillsEval.report.notYet');
}

export function InjectTimeline({
  t,
  read,
  print = false,
  headingId,
}: {
  t: EvaluateT;
  read: ExerciseRead;
  print?: boolean;
  headingId: string;
}) {
  const now = scenarioMinutesAt(clockFields(read.exercise.fields), new Date().toISOString());
  const events = timelineEvents(read.events);
  const entries = injectTimeline(timelineInjects(read.injects), events, now);
  const others = otherActions(events);
  const table = (
    <table
      class={print ? 'print-table drills-eval-timeline' : 'table drills-eval-timeline'}
      aria-labelledby={headingId}
    >
      <thead>
        <tr>
          <th scope="col">{t('drillsEval.report.col.number')}</th>
          <th scope="col">{t('drillsEval.report.col.time')}</th>
          <th scope="col">{t('drillsEval.report.col.inject')}</th>
          <th scope="col">{t('drillsEval.report.col.delivered')}</th>
          <th scope="col">{t('drillsEval.report.col.acknowledged')}</th>
          <th scope="col">{t('drillsEval.report.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.inject.id} data-inject={entry.inject.id}>
            <th scope="row">{entry.inject.number}</th>
            <td class="nowrap">{scenarioTimeLabel(entry.inject.scenarioMinute)}</td>
            <td>
              {entry.inject.synopsis}
              {entry.expected !== 'pending' && (
                <span class="drills-eval-expected"> · {t(`drillsEval.expected.${entry.expected}`)}</span>
              )}
            </td>
            <td>{delivered(t, entry)}</td>
            <td>
              {entry.acknowledgements.length === 0 ? (
                t('drillsEval.report.nobody')
              ) : (
                <ul>
                  {entry.acknowledgements.map((a) => (
                    <li key={a.id}>
                      {t('drillsEval.report.ackLine', { name: a.byName, when: timeOf(t, a.at) })}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              {entry.actions.length === 0 ? (
                t('drillsEval.report.noActions')
              ) : (
                <ul>
                  {entry.actions.map((a) => (
                    <li key={a.id}>
                      {t('drillsEval.report.actionLine', {
                        name: a.byName,
                        when: timeOf(t, a.at),
                        text: a.text ?? '',
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      {entries.length === 0 ? (
        <p class="muted">{t('drillsEval.report.noInjects')}</p>
      ) : print ? (
        table
      ) : (
        <div class="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          {table}
        </div>
      )}
      {others.length > 0 && (
        <>
          <h3>{t('drillsEval.report.otherActions')}</h3>
          <ul class="drills-eval-other-actions">
            {others.map((a) => (
              <li key={a.id}>
                {t('drillsEval.report.actionLine', {
                  name: a.byName,
                  when: timeOf(t, a.at),
                  text: a.text ?? '',
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
