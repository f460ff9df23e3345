// /incidents/print/blank-214 — the ICS 214 activity log on paper, for working without Holdfast: lines for
// blocks 1 to 5, a resources table and activity rows to fill in by hand, the prepared-by block with a
// signature line, and the office's "transcribed" box for keying the sheet in later.
import { useAreaT } from '../../../i18n/use-t';
import { documentCode } from '../../../print/print-codes';
import { PrintDocument } from '../../../print/print-document';
import { PrintSection, TranscribedBox, WriteLine } from '../../../print/print-parts';
import { incidentPrintMessages } from './messages';
import './incident-print.css';

export const BLANK_214_CODE = documentCode('ICS214-PAPER', null);
const RESOURCE_ROWS = 6;
const ACTIVITY_ROWS = 18;

/** The form itself, for this page and the outage packet. */
export function Blank214Form() {
  const t = useAreaT(incidentPrintMessages);
  const day = t('incidentPrint.dateHint');
  const time = t('incidentPrint.timeHint');
  return (
    <>
      <div class="write-row">
        <WriteLine label={t('incidentPrint.214.block1')} />
        <WriteLine
          label={`${t('incidentPrint.214.block2')}: ${t('incidentPrint.214.from')}`}
          hint={`${day}, ${time}`}
          width="half"
        />
        <WriteLine
          label={`${t('incidentPrint.214.block2')}: ${t('incidentPrint.214.to')}`}
          hint={`${day}, ${time}`}
          width="half"
        />
        <WriteLine label={t('incidentPrint.214.block3')} width="third" />
        <WriteLine label={t('incidentPrint.214.block4')} width="third" />
        <WriteLine label={t('incidentPrint.214.block5')} width="third" />
      </div>

      <PrintSection title={t('incidentPrint.214.block6')} keepTogether>
        <table class="print-table ics-blank-rows ics-resources">
          <thead>
            <tr>
              <th scope="col">{t('incidentPrint.214.col.name')}</th>
              <th scope="col">{t('incidentPrint.214.col.position')}</th>
              <th scope="col">{t('incidentPrint.214.col.agency')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: RESOURCE_ROWS }, (_, i) => (
              <tr key={i}>
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </PrintSection>

      <section class="print-section">
        <h2>{t('incidentPrint.214.block7')}</h2>
        <table class="print-table ics-blank-rows ics-log-table">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('incidentPrint.214.col.number')}
              </th>
              <th scope="col">{t('incidentPrint.214.col.dateTime')}</th>
              <th scope="col">{t('incidentPrint.214.col.activities')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: ACTIVITY_ROWS }, (_, i) => (
              <tr key={i}>
                <td class="num" />
                <td class="nowrap" />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section class="print-section print-keep">
        <h2>{t('incidentPrint.214.block8')}</h2>
        <div class="write-row">
          <WriteLine label={t('incidentPrint.name')} width="half" />
          <WriteLine label={t('incidentPrint.position')} width="half" />
          <WriteLine label={t('print.signature')} width="half" />
          <WriteLine label={t('incidentPrint.dateTime')} hint={time} width="half" />
          <WriteLine
            label={t('incidentPrint.blank214.sheet')}
            hint={t('incidentPrint.blank214.sheetHint')}
            width="half"
          />
        </div>
      </section>
      <TranscribedBox code={BLANK_214_CODE} />
    </>
  );
}

export function Blank214PrintPage() {
  const t = useAreaT(incidentPrintMessages);
  return (
    <PrintDocument
      title={t('incidentPrint.blank214.title')}
      code={BLANK_214_CODE}
      intro={<p>{t('incidentPrint.blank214.intro')}</p>}
    >
      <Blank214Form />
    </PrintDocument>
  );
}
