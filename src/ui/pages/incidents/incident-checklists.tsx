// The incident page's checklists: the runs linked to this incident, with their progress, and starting one
// from a shipped template or a manager's own, already linked (the start page asks the rest).
import { useEffect, useState } from 'preact/hooks';
import type { ShippedTemplate } from '../../../domain/checklists/shipped-template-types';
import {
  listChecklistTemplates,
  listIncidentChecklistRuns,
  readChecklistRun,
} from '../../../storage/checklist-queries';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { ExerciseBadge } from './exercise-badge';
import { incidentsMessages } from './messages';

/**
 * The shipped templates (both languages, every item: the largest text the app has), fetched once the page
 * is on screen and only where a checklist can be started: the incident's timeline does not wait for them.
 */
function useShippedTemplates(wanted: boolean): readonly ShippedTemplate[] | undefined {
  const [templates, setTemplates] = useState<readonly ShippedTemplate[]>();
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    import('../../../domain/checklists/shipped-templates').then(
      (module) => !cancelled && setTemplates(module.SHIPPED_TEMPLATES),
      (error: unknown) => console.error('Holdfast could not load the checklist templates', error),
    );
    return () => {
      cancelled = true;
    };
  }, [wanted]);
  return templates;
}

export function IncidentChecklists({ incidentId, writable }: { incidentId: string; writable: boolean }) {
  const t = useAreaT(incidentsMessages);
  const db = useDatabase();
  const runs = useLiveQuery(async () => {
    if (!db) return undefined;
    const list = await listIncidentChecklistRuns(db, incidentId);
    return Promise.all(list.map(async (run) => ({ run, read: await readChecklistRun(db, run.id) })));
  }, [db, incidentId]);
  const own = useLiveQuery(() => (db ? listChecklistTemplates(db) : undefined), [db]);
  const shipped = useShippedTemplates(writable);
  const [picked, setChoice] = useState<string | null>(null);
  const choice = picked ?? `shipped:${shipped?.[0]?.key ?? ''}`;
  const [kind, ref] = choice.split(':') as ['shipped' | 'template', string];
  const startHref = `/checklists/runs/new?${kind === 'shipped' ? 'shipped' : 'template'}=${encodeURIComponent(ref)}&incident=${incidentId}`;

  return (
    <section aria-labelledby="incident-checklists-heading">
      <h2 id="incident-checklists-heading">{t('incidents.checklists.heading')}</h2>
      {runs === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : runs.length === 0 ? (
        <p class="muted">{t('incidents.checklists.none')}</p>
      ) : (
        <ul class="incident-links">
          {runs.map(({ run, read }) => (
            <li key={run.id}>
              <a href={`/checklists/runs/${run.id}`}>{String(run.fields.title ?? '')}</a>{' '}
              <ExerciseBadge exercise={run.fields.exercise} />{' '}
              <span class="muted">
                {read
                  ? t('incidents.checklists.progress', { done: read.overall.done, total: read.overall.total })
                  : ''}
                {run.fields.status === 'closed' ? ` · ${t('incidents.checklists.closed')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {writable && shipped && (
        <div class="field">
          <label for="incident-checklist-template">{t('incidents.checklists.template')}</label>
          <select
            id="incident-checklist-template"
            value={choice}
            onChange={(event) => setChoice(event.currentTarget.value)}
          >
            {shipped.map((template) => (
              <option key={template.key} value={`shipped:${template.key}`}>
                {template.title[t.language]}
              </option>
            ))}
            {(own ?? []).map((template) => (
              <option key={template.id} value={`template:${template.id}`}>
                {String(template.fields.title ?? '')}
              </option>
            ))}
          </select>{' '}
          <a class="button" href={startHref}>
            {t('incidents.checklists.start')}
          </a>
        </div>
      )}
    </section>
  );
}
