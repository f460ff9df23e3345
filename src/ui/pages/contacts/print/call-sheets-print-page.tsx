// /contacts/print/trees/:id/call-sheets — a call sheet per caller, each on its own page: whom to call in
// order, their numbers, whom to pass them to, and blank columns for the time and outcome of three attempts.
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { useAreaT } from '../../../i18n/use-t';
import { phoneText } from '../runs/run-write';
import { contactPrintMessages } from './messages';
import { callSheets } from './print-model';
import { phonesInWords, TreePrintLinks, useTreeSnapshot } from './tree-print-parts';
import '../../../styles/contact-runs.css';

const ATTEMPTS = [1, 2, 3];

export function CallSheetsPrintPage() {
  const t = useAreaT(contactPrintMessages);
  const snapshot = useTreeSnapshot();
  if (snapshot === undefined) return <PrintStatus state="loading" />;
  if (snapshot === null) return <PrintStatus state="missing" />;
  const { tree } = snapshot;
  const name = String(tree.fields.name ?? '');
  const sheets = callSheets(snapshot);
  return (
    <PrintDocument
      title={t('contactPrint.sheets.title', { name })}
      code={documentCode('CDS', shortId(tree.id))}
      heading={`${t('contactPrint.sheets.heading')}: ${name}`}
      orientation="landscape"
      intro={<TreePrintLinks t={t} treeId={tree.id} />}
    >
      {sheets.length === 0 && <p>{t('contactPrint.sheets.none')}</p>}
      {sheets.map((sheet) => {
        const heading = sheet.caller
          ? t('contactPrint.sheets.caller', { name: sheet.caller.name })
          : t('contactPrint.sheets.initiator');
        return (
          <section
            key={sheet.caller?.node.nodeId ?? 'top'}
            class="print-section call-sheet"
            data-caller={sheet.caller?.name ?? ''}
          >
            <h2>{heading}</h2>
            {sheet.caller?.phone && (
              <p>{t('contactPrint.sheets.callerPhone', { phone: phoneText(sheet.caller.phone) })}</p>
            )}
            <p class="call-sheet-note">{t('contactPrint.sheets.instructions')}</p>
            <table class="print-table call-sheet-table">
              <thead>
                <tr>
                  <th scope="col">{t('contactPrint.col.person')}</th>
                  <th scope="col">{t('contactPrint.col.numbers')}</th>
                  <th scope="col">{t('contactPrint.col.backup')}</th>
                  {ATTEMPTS.map((n) => (
                    <th key={n} scope="col" class="call-sheet-blank">
                      {t('contactPrint.col.attempt', { n })}
                      <br />
                      {t('contactPrint.col.time')} / {t('contactPrint.col.outcome')}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sheet.people.map((person) => (
                  <tr key={person.node.nodeId}>
                    <th scope="row">{person.name}</th>
                    <td>{phonesInWords(t, person.phones)}</td>
                    <td>{person.backupName}</td>
                    {ATTEMPTS.map((n) => (
                      <td key={n} class="call-sheet-blank" />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </PrintDocument>
  );
}
