// /contacts/runs/:id/print — the completed call-down report: the message, times, rule and totals, then
// every person on the plan in tree order with their result and every attempt (time, outcome, caller),
// escalations and closed branches, and the bad numbers to follow up. EXERCISE on exercise runs.
import { useRoute } from 'preact-iso';
import { useMemo } from 'preact/hooks';
import { readRunActivity } from '../../../../storage/run-queries';
import { formatDateTime } from '../../../format/format-date-time';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintFacts, PrintSection } from '../../../print/print-parts';
import { useDatabase } from '../../../sync/use-sync-facts';
import { computeRun } from '../runs/run-model';
import { phoneText } from '../runs/run-write';
import { contactPrintMessages, type ContactPrintKey } from './messages';
import '../../../styles/contact-runs.css';

export function RunReportPrintPage() {
  const t = useAreaT(contactPrintMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const runId = params.id ?? '';
  const activity = useLiveQuery(() => (db ? readRunActivity(db, runId) : undefined), [db, runId]);
  const model = useMemo(() => (activity ? computeRun(activity, new Date().toISOString()) : null), [activity]);
  if (activity === undefined) return <PrintStatus state="loading" />;
  if (activity === null || !model) return <PrintStatus state="missing" />;
  const { run, plan } = activity;
  const f = run.fields;
  const exercise = f.exercise === true;
  const name = String(f.treeName ?? '');
  const time = (iso: unknown) => formatDateTime(String(iso), t.language);
  const { progress } = model;
  const reportsOf = new Map<string, typeof activity.reports>();
  for (const report of activity.reports) {
    const list = reportsOf.get(String(report.fields.nodeId)) ?? [];
    list.push(report);
    reportsOf.set(String(report.fields.nodeId), list);
  }
  const depthOf = new Map<string, number>();
  for (const row of plan)
    depthOf.set(row.nodeId, row.parentNodeId ? (depthOf.get(row.parentNodeId) ?? 0) + 1 : 0);

  return (
    <PrintDocument
      title={t(exercise ? 'contactPrint.run.exerciseTitle' : 'contactPrint.run.title', { name })}
      code={documentCode(exercise ? 'EX-CDR' : 'CDR', shortId(run.id))}
      heading={
        <>
          {t('contactPrint.run.heading')}: {name}{' '}
          {exercise && (
            <span class="exercise-badge">
              <strong>{t('contactPrint.run.exercise')}</strong>
            </span>
          )}
        </>
      }
      intro={exercise ? <p>{t('contactPrint.run.exerciseNote')}</p> : undefined}
    >
      <PrintFacts
        items={[
          [t('contactPrint.run.message'), String(f.message ?? '')],
          [t('contactPrint.run.started'), time(f.startedAt)],
          [t('contactPrint.run.closed'), f.closedAt ? time(f.closedAt) : t('contactPrint.run.notClosed')],
          [
            t('contactPrint.run.rule'),
            t('contactPrint.run.ruleText', { attempts: model.rule.attempts, minutes: model.rule.minutes }),
          ],
          [
            t('contactPrint.run.totals'),
            t('contactPrint.run.totalsText', { total: progress.total, ...progress.counts }),
          ],
        ]}
      />
      <PrintSection title={t('contactPrint.run.people')}>
        <table class="print-table run-report-table">
          <thead>
            <tr>
              <th scope="col">{t('contactPrint.col.person')}</th>
              <th scope="col">{t('contactPrint.run.state')}</th>
              <th scope="col">{t('contactPrint.run.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.map((row) => {
              const person = progress.people.get(row.nodeId);
              const attempts = model.attemptsOf.get(row.nodeId) ?? [];
              const reports = reportsOf.get(row.nodeId) ?? [];
              return (
                <tr key={row.nodeId}>
                  <th scope="row" class={`tree-print-depth-${Math.min(depthOf.get(row.nodeId) ?? 0, 8)}`}>
                    {row.name}
                  </th>
                  <td>{t(`contactPrint.state.${person?.state ?? 'pending'}` as ContactPrintKey)}</td>
                  <td>
                    {attempts.length === 0 && reports.length === 0 ? (
                      t('contactPrint.run.none')
                    ) : (
                      <ul>
                        {attempts.map((a) => (
                          <li key={a.id}>
                            {time(a.fields.at)} ·{' '}
                            {t(`contactPrint.outcome.${String(a.fields.outcome)}` as ContactPrintKey)}
                            {a.fields.relayedVia
                              ? ` (${t('contactPrint.run.via', { name: String(a.fields.relayedVia) })})`
                              : ''}{' '}
                            · {String(a.fields.callerName ?? '')}
                          </li>
                        ))}
                        {reports.map((r) => (
                          <li key={r.id}>
                            {r.fields.report === 'escalated'
                              ? t('contactPrint.run.passedTo', {
                                  name: model.nameOf.get(String(r.fields.toContactId)) ?? '',
                                  time: time(r.fields.at),
                                  by: String(r.fields.byName ?? ''),
                                })
                              : t('contactPrint.run.branchClosed', {
                                  time: time(r.fields.at),
                                  by: String(r.fields.byName ?? ''),
                                })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </PrintSection>
      <PrintSection title={t('contactPrint.run.badNumbers')} keepTogether>
        {progress.badNumbers.length === 0 ? (
          <p>{t('print.none')}</p>
        ) : (
          <ul>
            {progress.badNumbers.map((nodeId) => {
              const row = model.byNode.get(nodeId)!;
              return (
                <li key={nodeId}>
                  {row.name}
                  {row.phone ? ` — ${phoneText(row.phone)}` : ''}
                </li>
              );
            })}
          </ul>
        )}
      </PrintSection>
    </PrintDocument>
  );
}
