// The body of a printed checklist, shared by the checklist print views and the outage packet: the title,
// the legend, then per section a table (tick box, task, assigned to, initials, time). Without `statuses`
// it is a blank paper form; with them each row says the item's state, who and when, the reason it does not
// apply and its notes. Headings and tables only: the caller wraps it in a PrintDocument (or the packet).
// Its words follow `language` (the checklist's), not the screen's.
import type { ChecklistItem, ChecklistSection } from '../../../../domain/checklists/checklist-kinds';
import type { ItemStatus } from '../../../../domain/checklists/checklist-rules';
import { formatDateTime } from '../../../format/format-date-time';
import { checklistsTIn, type ChecklistsT } from '../messages';
import '../../../print/print.css';
import '../../../styles/checklists.css';

export interface ChecklistSheetProps {
  title: string;
  sections: ChecklistSection[];
  items: ChecklistItem[];
  /** Each item's state (a filled checklist); absent for a blank form. */
  statuses?: Map<string, ItemStatus>;
  language: 'en' | 'es';
  /** Leave the title out when the page's own heading already says it. */
  hideTitle?: boolean;
}

function StateCell({ status, t }: { status: ItemStatus | undefined; t: ChecklistsT }) {
  if (!status) {
    return (
      <td class="checklist-sheet-box">
        <span class="tick-box" aria-hidden="true" />
      </td>
    );
  }
  const [box, word] =
    status.state === 'done'
      ? (['checklists.sheet.boxDone', 'checklists.sheet.stateDone'] as const)
      : status.state === 'not_applicable'
        ? (['checklists.sheet.boxNa', 'checklists.sheet.stateNa'] as const)
        : (['checklists.sheet.boxOpen', 'checklists.sheet.stateOpen'] as const);
  return (
    <td class="checklist-sheet-box" data-state={status.state}>
      <span class="checklist-sheet-mark" aria-hidden="true">
        {t(box)}
      </span>
      <span class="checklist-sheet-state">{t(word)}</span>
    </td>
  );
}

function ItemCell({
  item,
  status,
  t,
}: {
  item: ChecklistItem;
  status: ItemStatus | undefined;
  t: ChecklistsT;
}) {
  const time = (iso: string) => formatDateTime(iso, t.language);
  const history = status?.marks.filter((mark) => mark.action === 'note' || mark.action === 'undone') ?? [];
  return (
    <td class="checklist-sheet-item">
      {item.critical && (
        <strong class="checklist-critical">
          <span aria-hidden="true">{t('checklists.sheet.criticalMark')} </span>
          {t('checklists.sheet.critical')}{' '}
        </strong>
      )}
      <span>{item.text}</span>
      <span class="checklist-sheet-phase">
        {t('checklists.sheet.phase', { phase: t(`checklists.phase.${item.phase}`) })}
      </span>
      {status?.state === 'not_applicable' && status.reason && (
        <span class="checklist-sheet-detail">{t('checklists.sheet.reason', { reason: status.reason })}</span>
      )}
      {history.map((mark) => (
        <span key={mark.id} class="checklist-sheet-detail">
          {mark.action === 'note'
            ? t('checklists.sheet.note', { by: mark.byName, time: time(mark.at), note: mark.note ?? '' })
            : t('checklists.sheet.undone', { by: mark.byName, time: time(mark.at) })}
        </span>
      ))}
    </td>
  );
}

export function ChecklistSheet({
  title,
  sections,
  items,
  statuses,
  language,
  hideTitle = false,
}: ChecklistSheetProps) {
  const t = checklistsTIn(language);
  const filled = statuses !== undefined;
  const time = (iso: string) => formatDateTime(iso, language);
  const itemsOf = (sectionId: string) => items.filter((item) => item.section === sectionId);
  return (
    <div class="checklist-sheet" lang={language} data-filled={filled ? 'yes' : 'no'}>
      {!hideTitle && <h2 class="checklist-sheet-title">{title}</h2>}
      <p class="checklist-sheet-legend">
        {t(filled ? 'checklists.sheet.legendFilled' : 'checklists.sheet.legend')}
      </p>
      {sections.map((section) => {
        const rows = itemsOf(section.id);
        const headingId = `checklist-sheet-${section.id}`;
        return (
          <section key={section.id} class="checklist-sheet-section">
            <h3 id={headingId}>{section.title}</h3>
            {rows.length === 0 ? (
              <p class="muted">{t('checklists.sheet.emptySection')}</p>
            ) : (
              <table class="print-table checklist-sheet-table" aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col" class="checklist-sheet-box">
                      {t('checklists.sheet.done')}
                    </th>
                    <th scope="col">{t('checklists.sheet.item')}</th>
                    <th scope="col">{t('checklists.sheet.assignedTo')}</th>
                    <th scope="col" class="checklist-sheet-blank">
                      {t(filled ? 'checklists.sheet.who' : 'checklists.sheet.initials')}
                    </th>
                    <th scope="col" class="checklist-sheet-blank">
                      {t(filled ? 'checklists.sheet.when' : 'checklists.sheet.time')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((item) => {
                    const status = statuses?.get(item.id);
                    const marked = status && status.state !== 'open';
                    return (
                      <tr
                        key={item.id}
                        class="checklist-sheet-row"
                        data-item={item.id}
                        data-critical={item.critical ? 'yes' : 'no'}
                      >
                        {filled ? (
                          <StateCell status={status ?? { state: 'open', marks: [] }} t={t} />
                        ) : (
                          <StateCell status={undefined} t={t} />
                        )}
                        <ItemCell item={item} status={status} t={t} />
                        <td>{item.role}</td>
                        <td class="checklist-sheet-blank">{marked ? status.by : ''}</td>
                        <td class="checklist-sheet-blank">{marked && status.at ? time(status.at) : ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
