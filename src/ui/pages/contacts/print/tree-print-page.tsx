// /contacts/print/trees/:id — the call-down tree on paper. A small tree (print-model DIAGRAM_LIMITS: at
// most 30 people, 4 levels, 8 boxes side by side) prints as a one-page org-chart diagram, landscape: each
// person a box (name, position, primary phone, backup caller) joined to their caller above. A larger tree
// prints as an indented outline: each person with their numbers and backup caller, indented under the
// person who calls them.
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintSection } from '../../../print/print-parts';
import { useAreaT } from '../../../i18n/use-t';
import { contactPrintMessages } from './messages';
import { sortedPhones, treeDiagram } from './print-model';
import { phonesInWords, TreeDiagram, TreePrintLinks, useTreeSnapshot } from './tree-print-parts';
import '../../../styles/contact-runs.css';

export function TreePrintPage() {
  const t = useAreaT(contactPrintMessages);
  const snapshot = useTreeSnapshot();
  if (snapshot === undefined) return <PrintStatus state="loading" />;
  if (snapshot === null) return <PrintStatus state="missing" />;
  const { tree, people, contacts } = snapshot;
  const f = tree.fields;
  const name = String(f.name ?? '');
  const diagram = treeDiagram(snapshot);
  return (
    <PrintDocument
      title={t('contactPrint.tree.title', { name })}
      code={documentCode('CDT', shortId(tree.id))}
      heading={`${t('contactPrint.tree.heading')}: ${name}`}
      orientation={diagram ? 'landscape' : undefined}
      intro={
        <>
          <TreePrintLinks t={t} treeId={tree.id} />
          <p>
            {t('contactPrint.tree.count', { count: people.length })} ·{' '}
            {t('contactPrint.tree.rule', {
              attempts: String(f.escalateAfterAttempts ?? 3),
              minutes: String(f.escalateAfterMinutes ?? 15),
              to: t(f.escalateTo === 'parent' ? 'contactPrint.tree.toParent' : 'contactPrint.tree.toBackup'),
            })}
          </p>
        </>
      }
    >
      {diagram ? (
        <PrintSection title={t('contactPrint.tree.diagram')}>
          <TreeDiagram t={t} roots={diagram} />
        </PrintSection>
      ) : (
        <PrintSection title={t('contactPrint.tree.outline')}>
          {people.length === 0 ? (
            <p>{t('contactPrint.tree.empty')}</p>
          ) : (
            <ul class="tree-print-outline">
              {people.map(({ node, depth, contact }) => {
                const backup = node.backupContactId ? contacts.get(node.backupContactId) : undefined;
                const position = String(contact?.fields.position ?? '');
                return (
                  <li key={node.nodeId} class={`tree-print-depth-${Math.min(depth, 8)}`} data-depth={depth}>
                    <strong>{String(contact?.fields.name ?? '')}</strong>
                    {position && <> — {position}</>} · {phonesInWords(t, sortedPhones(contact))}
                    {backup && (
                      <> · {t('contactPrint.tree.backup', { name: String(backup.fields.name ?? '') })}</>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </PrintSection>
      )}
    </PrintDocument>
  );
}
