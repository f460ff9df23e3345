// /permits/print/blank-inspection — the paper inspection record: what was inspected, tick boxes for the
// outcome, numbered correction lines, signatures and the office's "transcribed" box.
import { INSPECTION_OUTCOMES } from '../../../../domain/permits/permit-kinds';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode } from '../../../print/print-codes';
import { PrintDocument } from '../../../print/print-document';
import {
  PrintSection,
  SignatureLines,
  TickBoxes,
  TranscribedBox,
  WriteLine,
} from '../../../print/print-parts';
import { permitPrintMessages } from './messages';
import { outcomeLabel } from './print-labels';

export const BLANK_INSPECTION_CODE = documentCode('PRM-INSP', null);

/** The form itself, for this page and the outage packet. */
export function BlankInspectionForm() {
  const t = useAreaT(permitPrintMessages);
  const day = t('permitPrint.intake.dateHint');
  return (
    <>
      <PrintSection title={t('permitPrint.blankInspection.what')}>
        <div class="write-row">
          <WriteLine label={t('permitPrint.col.permit')} width="half" />
          <WriteLine label={t('permitPrint.field.address')} width="half" />
          <WriteLine label={t('permitPrint.col.type')} width="half" />
          <WriteLine label={t('permitPrint.col.inspector')} width="half" />
          <WriteLine label={t('permitPrint.col.date')} hint={day} width="half" />
          <WriteLine label={t('permitPrint.col.arrival')} width="half" />
        </div>
      </PrintSection>
      <PrintSection title={t('permitPrint.blankInspection.outcome')} keepTogether>
        <TickBoxes
          label={t('permitPrint.col.result')}
          hint={t('print.checkOne')}
          options={INSPECTION_OUTCOMES.map((outcome) => outcomeLabel(t, outcome))}
        />
      </PrintSection>
      <PrintSection title={t('permitPrint.inspection.corrections')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <WriteLine key={n} label={t('permitPrint.blankInspection.correction', { n })} />
        ))}
      </PrintSection>
      <PrintSection title={t('permitPrint.inspection.notes')}>
        <WriteLine label={t('permitPrint.inspection.notes')} lines={3} />
        <WriteLine label={t('permitPrint.blankInspection.reinspectionDate')} hint={day} width="half" />
      </PrintSection>
      <SignatureLines role={t('permitPrint.inspection.inspectorSigns')} />
      <SignatureLines role={t('permitPrint.inspection.onSiteSigns')} />
      <TranscribedBox code={BLANK_INSPECTION_CODE} />
    </>
  );
}

export function BlankInspectionPrintPage() {
  const t = useAreaT(permitPrintMessages);
  return (
    <PrintDocument
      title={t('permitPrint.blankInspection.title')}
      code={BLANK_INSPECTION_CODE}
      intro={<p>{t('permitPrint.blankInspection.intro')}</p>}
    >
      <BlankInspectionForm />
    </PrintDocument>
  );
}
