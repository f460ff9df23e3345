// /contacts/print/trees/:id/ics205a — the ICS 205A communications list of everyone on a tree: blank
// lines for the incident and operational period, then position, name (alphabetical) and every method of
// contact; marked "SENSITIVE — NOT FOR PUBLIC RELEASE" when it lists personal (mobile or home) numbers.
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintSection, SignatureLines, WriteLine } from '../../../print/print-parts';
import { useAreaT } from '../../../i18n/use-t';
import { contactPrintMessages } from './messages';
import { commsList } from './print-model';
import { phonesInWords, TreePrintLinks, useTreeSnapshot } from './tree-print-parts';
import '../../../styles/contact-runs.css';

export function Ics205aPrintPage() {
  const t = useAreaT(contactPrintMessages);
  const snapshot = useTreeSnapshot();
  if (snapshot === undefined) return <PrintStatus state="loading" />;
  if (snapshot === null) return <PrintStatus state="missing" />;
  const { tree } = snapshot;
  const name = String(tree.fields.name ?? '');
  const { rows, sensitive } = commsList(snapshot);
  const marking = sensitive ? t('contactPrint.205a.sensitive') : '';
  return (
    <PrintDocument
      title={
        sensitive
          ? `${marking} · ${t('contactPrint.205a.title', { name })}`
          : t('contactPrint.205a.title', { name })
      }
      code={documentCode(sensitive ? 'ICS205A-S' : 'ICS205A', shortId(tree.id))}
      heading={t('contactPrint.205a.heading')}
      orientation="landscape"
      pageOf={
        sensitive ? `${marking} · ${t('print.pageOf', { page: '{page}', pages: '{pages}' })}` : undefined
      }
      intro={
        <>
          <TreePrintLinks t={t} treeId={tree.id} />
          {sensitive && (
            <p class="sensitive-marking">
              <strong>{marking}</strong> {t('contactPrint.205a.sensitiveNote')}
            </p>
          )}
          <p>{t('contactPrint.205a.fromTree', { name })}</p>
        </>
      }
    >
      <div class="write-row">
        <WriteLine label={t('contactPrint.205a.block1')} width="half" />
        <WriteLine label={t('contactPrint.205a.block2')} width="half" />
      </div>
      <PrintSection title={t('contactPrint.205a.block3')}>
        <table class="print-table ics205a-table">
          <thead>
            <tr>
              <th scope="col">{t('contactPrint.205a.position')}</th>
              <th scope="col">{t('contactPrint.205a.name')}</th>
              <th scope="col">{t('contactPrint.205a.methods')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.contactId}>
                <td>{row.position}</td>
                <th scope="row">{row.name}</th>
                <td>
                  {[
                    phonesInWords(t, row.phones),
                    row.radio ? t('contactPrint.radio', { radio: row.radio }) : '',
                    row.email ? t('contactPrint.email', { email: row.email }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </PrintSection>
      <section class="print-section print-keep">
        <h2>{t('contactPrint.205a.block4')}</h2>
        <SignatureLines />
      </section>
    </PrintDocument>
  );
}
