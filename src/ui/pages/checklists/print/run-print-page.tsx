// /checklists/runs/:id/print — a checklist as worked so far: when it started and closed, the template and
// version it came from, the incident, progress per phase in words, then every task with its state, who and
// when, the reason it does not apply and its notes. EXERCISE on exercise runs. In the run's language.
import { useRoute } from 'preact-iso';
import { shippedTemplate } from '../../../../domain/checklists/shipped-templates';
import { readChecklistRun } from '../../../../storage/checklist-queries';
import { getRecord } from '../../../../storage/sync-queries';
import { formatDateTime } from '../../../format/format-date-time';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintFacts, PrintSection } from '../../../print/print-parts';
import { useDatabase } from '../../../sync/use-sync-facts';
import { checklistsTIn } from '../messages';
import { ChecklistSheet } from './checklist-sheet';

export function RunPrintPage() {
  const { params } = useRoute();
  const db = useDatabase();
  const runId = params.id ?? '';
  const read = useLiveQuery(() => (db ? readChecklistRun(db, runId) : undefined), [db, runId]);
  const incidentId = typeof read?.run.fields.incidentId === 'string' ? read.run.fields.incidentId : '';
  const incident = useLiveQuery(
    () => (db && incidentId ? getRecord(db, incidentId).then((r) => r ?? null) : null),
    [db, incidentId],
  );
  if (read === undefined) return <PrintStatus state="loading" />;
  if (read === null) return <PrintStatus state="missing" />;
  const { run, sections, items, statuses, phases, overall } = read;
  const f = run.fields;
  const language = f.language === 'es' ? 'es' : 'en';
  const t = checklistsTIn(language);
  const time = (iso: unknown) => formatDateTime(String(iso), language);
  const title = String(f.title ?? '');
  const exercise = f.exercise === true;
  const shipped = typeof f.templateKey === 'string' ? shippedTemplate(f.templateKey) : undefined;
  const counts = (p: typeof overall) => ({
    done: p.done,
    total: p.total,
    notApplicable: p.notApplicable,
    open: p.open,
    critical: p.criticalOpen,
  });
  return (
    <PrintDocument
      title={t(exercise ? 'checklists.print.exerciseRunTitle' : 'checklists.print.runTitle', { title })}
      code={documentCode(exercise ? 'EX-CKR' : 'CKR', shortId(run.id))}
      heading={
        <>
          {title}{' '}
          {exercise && (
            <span class="exercise-badge">
              <strong>{t('checklists.exercise')}</strong>
            </span>
          )}
        </>
      }
      intro={exercise ? <p>{t('checklists.exerciseNote')}</p> : undefined}
    >
      <PrintFacts
        items={[
          [t('checklists.print.started'), `${time(f.startedAt)} · ${String(f.startedBy ?? '')}`],
          [t('checklists.print.closed'), f.closedAt ? time(f.closedAt) : t('checklists.print.notClosed')],
          [
            t('checklists.print.template'),
            `${shipped ? shipped.title[language] : title} · ${t('checklists.print.version', { version: Number(f.templateVersion ?? 1) })}`,
          ],
          ...(incidentId
            ? ([
                [t('checklists.print.incident'), incident ? String(incident.fields.name ?? '') : incidentId],
              ] as [string, string][])
            : []),
        ]}
      />
      <PrintSection title={t('checklists.print.progress')} keepTogether>
        <p class="checklist-print-overall">
          <strong>{t('checklists.print.progressText', counts(overall))}</strong>
        </p>
        <ul>
          {phases.map((p) => (
            <li key={p.phase}>
              {t('checklists.print.phaseLine', { phase: t(`checklists.phase.${p.phase}`), ...counts(p) })}
            </li>
          ))}
        </ul>
      </PrintSection>
      <ChecklistSheet
        title={title}
        sections={sections}
        items={items}
        statuses={statuses}
        language={language}
        hideTitle
      />
    </PrintDocument>
  );
}
