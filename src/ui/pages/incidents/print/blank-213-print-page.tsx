// /incidents/print/blank-213 — the ICS 213 general message on paper: lines for blocks 1 to 8 with the
// approver's signature, the reply (block 9) and who replied (block 10) with a signature line, and the
// office's "transcribed" box.
import { useAreaT } from '../../../i18n/use-t';
import { documentCode } from '../../../print/print-codes';
import { PrintDocument } from '../../../print/print-document';
import { TranscribedBox, WriteLine } from '../../../print/print-parts';
import { incidentPrintMessages } from './messages';
import './incident-print.css';

export const BLANK_213_CODE = documentCode('ICS213-PAPER', null);

/** The form itself, for this page and the outage packet. */
export function Blank213Form() {
  const t = useAreaT(incidentPrintMessages);
  const day = t('incidentPrint.dateHint');
  const time = t('incidentPrint.timeHint');
  return (
    <>
      <div class="write-row">
        <WriteLine label={t('incidentPrint.213.block1')} />
        <WriteLine label={t('incidentPrint.213.block2')} width="half" />
        <WriteLine label={t('incidentPrint.213.block3')} width="half" />
        <WriteLine label={t('incidentPrint.213.block4')} />
        <WriteLine label={t('incidentPrint.213.block5')} hint={day} width="half" />
        <WriteLine label={t('incidentPrint.213.block6')} hint={time} width="half" />
      </div>
      <WriteLine label={t('incidentPrint.213.block7')} lines={7} />
      <section class="print-section print-keep">
        <h2>{t('incidentPrint.213.block8')}</h2>
        <div class="write-row">
          <WriteLine label={t('incidentPrint.name')} width="third" />
          <WriteLine label={t('print.signature')} width="third" />
          <WriteLine label={t('incidentPrint.position')} width="third" />
        </div>
      </section>
      <div class="print-keep">
        <WriteLine label={t('incidentPrint.213.block9')} lines={6} />
      </div>
      <section class="print-section print-keep">
        <h2>{t('incidentPrint.213.block10')}</h2>
        <div class="write-row">
          <WriteLine label={t('incidentPrint.name')} width="half" />
          <WriteLine label={t('incidentPrint.position')} width="half" />
          <WriteLine label={t('print.signature')} width="half" />
          <WriteLine label={t('incidentPrint.dateTime')} hint={`${day}, ${time}`} width="half" />
        </div>
      </section>
      <TranscribedBox code={BLANK_213_CODE} />
    </>
  );
}

export function Blank213PrintPage() {
  const t = useAreaT(incidentPrintMessages);
  return (
    <PrintDocument
      title={t('incidentPrint.blank213.title')}
      code={BLANK_213_CODE}
      intro={<p>{t('incidentPrint.blank213.intro')}</p>}
    >
      <Blank213Form />
    </PrintDocument>
  );
}
