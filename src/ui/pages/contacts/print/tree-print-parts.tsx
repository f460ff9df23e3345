// Pieces the tree print views share: reading the tree, a phone list in words, links between views, and
// the tree as a one-page diagram (nested lists of boxes joined by lines, tree-diagram.css).
import { useRoute } from 'preact-iso';
import { readTreeSnapshot, type PhoneRow, type TreeSnapshot } from '../../../../storage/run-queries';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useDatabase } from '../../../sync/use-sync-facts';
import { phoneText } from '../runs/run-write';
import type { ContactPrintKey, ContactPrintT } from './messages';
import type { DiagramPerson } from './print-model';
import './tree-diagram.css';

/** The tree of the route's :id as it is now; undefined while loading, null when not on this device. */
export function useTreeSnapshot(): TreeSnapshot | null | undefined {
  const { params } = useRoute();
  const db = useDatabase();
  const treeId = params.id ?? '';
  return useLiveQuery(() => (db ? readTreeSnapshot(db, treeId) : undefined), [db, treeId]);
}

export function phonesInWords(t: ContactPrintT, phones: readonly PhoneRow[]): string {
  if (phones.length === 0) return t('contactPrint.noPhone');
  return phones
    .map((p) => `${phoneText(p.number)} (${t(`contactPrint.phone.${p.label}` as ContactPrintKey)})`)
    .join(', ');
}

export function TreePrintLinks({ t, treeId }: { t: ContactPrintT; treeId: string }) {
  return (
    <p class="print-toolbar-links">
      {t('contactPrint.links')}
      <a href={`/contacts/print/trees/${treeId}`}>{t('contactPrint.linkTree')}</a> ·{' '}
      <a href={`/contacts/print/trees/${treeId}/call-sheets`}>{t('contactPrint.linkSheets')}</a> ·{' '}
      <a href={`/contacts/print/trees/${treeId}/ics205a`}>{t('contactPrint.link205a')}</a>
    </p>
  );
}

function DiagramBox({ t, person }: { t: ContactPrintT; person: DiagramPerson }) {
  return (
    <li>
      <span class="tree-diagram-box">
        <span class="tree-diagram-name">{person.name}</span>
        {person.position && <span>{person.position}</span>}
        <span>{phonesInWords(t, person.phone ? [person.phone] : [])}</span>
        {person.backupName && (
          <span class="tree-diagram-backup">
            {t('contactPrint.tree.backup', { name: person.backupName })}
          </span>
        )}
      </span>
      {person.children.length > 0 && (
        <ul aria-label={t('contactPrint.tree.calledBy', { name: person.name })}>
          {person.children.map((child) => (
            <DiagramBox key={child.nodeId} t={t} person={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The tree as an org chart: each person a box with the people they call joined below it. */
export function TreeDiagram({ t, roots }: { t: ContactPrintT; roots: readonly DiagramPerson[] }) {
  return (
    <ul class="tree-diagram" aria-label={t('contactPrint.tree.top')}>
      {roots.map((person) => (
        <DiagramBox key={person.nodeId} t={t} person={person} />
      ))}
    </ul>
  );
}
