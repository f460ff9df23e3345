// /permits/print/blank-intake — the paper permit application for working without Holdfast: every field
// of a permit with lines to write on, tick boxes for the status, and the office's "transcribed" box.
import { NEW_PERMIT_STATUSES } from '../../../../domain/permits/permit-kinds';
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
import { statusLabel } from './print-labels';

export const BLANK_INTAKE_CODE = documentCode('PRM-INTAKE', null);

/** The form itself, for this page and the outage packet. */
export function BlankIntakeForm() {
  const t = useAreaT(permitPrintMessages);
  const day = t('permitPrint.intake.dateHint');
  return (
    <>
      <PrintSection title={t('permitPrint.intake.project')}>
        <div class="write-row">
          <WriteLine label={t('permitPrint.field.provisionalNumber')} width="half" />
          <WriteLine label={t('permitPrint.field.department')} width="half" />
          <WriteLine label={t('permitPrint.field.permitType')} width="half" />
          <WriteLine label={t('permitPrint.field.workClass')} width="half" />
        </div>
        <WriteLine label={t('permitPrint.field.description')} lines={3} />
        <div class="write-row">
          <WriteLine label={t('permitPrint.field.address')} width="half" />
          <WriteLine label={t('permitPrint.field.parcel')} width="half" />
        </div>
        <WriteLine
          label={t('permitPrint.field.valuation')}
          hint={t('permitPrint.intake.moneyHint')}
          width="half"
        />
      </PrintSection>
      <PrintSection title={t('permitPrint.intake.applicant')} keepTogether>
        <WriteLine label={t('permitPrint.field.applicantName')} />
        <div class="write-row">
          <WriteLine label={t('permitPrint.field.applicantPhone')} width="half" />
          <WriteLine label={t('permitPrint.field.applicantEmail')} width="half" />
        </div>
      </PrintSection>
      <PrintSection title={t('permitPrint.intake.contractor')} keepTogether>
        <div class="write-row">
          <WriteLine label={t('permitPrint.field.contractorName')} width="half" />
          <WriteLine label={t('permitPrint.field.contractorLicense')} width="half" />
          <WriteLine label={t('permitPrint.field.contractorPhone')} width="half" />
          <WriteLine label={t('permitPrint.field.contractorEmail')} width="half" />
        </div>
      </PrintSection>
      <PrintSection title={t('permitPrint.intake.dates')} keepTogether>
        <div class="write-row">
          <WriteLine label={t('permitPrint.field.appliedDate')} hint={day} width="half" />
          <WriteLine label={t('permitPrint.field.expiryDate')} hint={day} width="half" />
        </div>
        <TickBoxes
          label={t('permitPrint.field.status')}
          hint={t('print.checkOne')}
          options={NEW_PERMIT_STATUSES.map((status) => statusLabel(t, status))}
        />
      </PrintSection>
      <PrintSection title={t('permitPrint.intake.fees')} keepTogether>
        {[1, 2, 3].map((n) => (
          <WriteLine key={n} label={t('permitPrint.intake.feeLine', { n })} />
        ))}
      </PrintSection>
      <PrintSection title={t('permitPrint.field.notes')}>
        <WriteLine label={t('permitPrint.field.notes')} lines={2} />
      </PrintSection>
      <SignatureLines role={t('permitPrint.intake.takenBy')} />
      <TranscribedBox code={BLANK_INTAKE_CODE} />
    </>
  );
}

export function BlankIntakePrintPage() {
  const t = useAreaT(permitPrintMessages);
  return (
    <PrintDocument
      title={t('permitPrint.intake.title')}
      code={BLANK_INTAKE_CODE}
      intro={<p>{t('permitPrint.intake.intro')}</p>}
    >
      <BlankIntakeForm />
    </PrintDocument>
  );
}
