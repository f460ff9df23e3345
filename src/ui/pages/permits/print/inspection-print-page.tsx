// /permits/inspections/:id/print — one inspection's result sheet: where and what, the outcome, the
// corrections to make, notes, and signature lines for the inspector and the person on site.
import { useRoute } from 'preact-iso';
import { REINSPECTION_OUTCOMES, type InspectionOutcome } from '../../../../domain/permits/permit-kinds';
import { getInspectionSheet } from '../../../../storage/print-queries';
import { formatDateTime } from '../../../format/format-date-time';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintFacts, PrintSection, SignatureLines } from '../../../print/print-parts';
import { useDatabase } from '../../../sync/use-sync-facts';
import { permitPrintMessages } from './messages';
import { formatDay, inspectionStatusLabel, outcomeLabel, permitNumber, text } from './print-labels';

export function InspectionPrintPage() {
  const t = useAreaT(permitPrintMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const id = params.id ?? '';
  const sheet = useLiveQuery(() => (db ? getInspectionSheet(db, id) : undefined), [db, id]);
  if (sheet === undefined) return <PrintStatus state="loading" />;
  if (sheet === null) return <PrintStatus state="missing" />;

  const { inspection, result, permit } = sheet;
  const lang = t.language;
  const number = permit ? permitNumber(permit.fields).number : '';
  const address = text(inspection.fields.address) || text(permit?.fields.address);
  const corrections = Array.isArray(result?.fields.corrections)
    ? result.fields.corrections.map(text).filter(Boolean)
    : [];
  const outcome = text(result?.fields.outcome);
  const inspectedAt = text(result?.fields.inspectedAt) || result?.createdAt || '';

  return (
    <PrintDocument
      title={t('permitPrint.inspection.title', { number: number || address })}
      code={documentCode('INS', shortId(inspection.id))}
      heading={t('permitPrint.inspection.heading')}
      intro={
        <p class="print-hero">
          <span class="print-hero-address">{address}</span>
          {number && (
            <span>
              {t('permitPrint.col.permit')}: {number}
            </span>
          )}
        </p>
      }
    >
      <PrintSection title={t('permitPrint.inspection.details')} keepTogether>
        <PrintFacts
          items={[
            [t('permitPrint.col.type'), text(inspection.fields.inspectionType)],
            [t('permitPrint.col.date'), formatDay(inspection.fields.scheduledDate, lang)],
            [t('permitPrint.col.inspector'), text(inspection.fields.inspector)],
            [t('permitPrint.col.status'), inspectionStatusLabel(t, inspection.fields.status)],
            [t('permitPrint.field.permitType'), text(permit?.fields.permitType)],
            [t('permitPrint.field.applicantName'), text(permit?.fields.applicantName)],
            [t('permitPrint.field.contractorName'), text(permit?.fields.contractorName)],
          ]}
        />
      </PrintSection>

      <PrintSection title={t('permitPrint.inspection.result')} keepTogether>
        {result ? (
          <>
            <p class="print-outcome">
              <strong>{outcomeLabel(t, outcome)}</strong>
              {inspectedAt && (
                <>
                  {' '}
                  · {t('permitPrint.inspection.inspectedAt')}: {formatDateTime(inspectedAt, lang)}
                </>
              )}
            </p>
            {REINSPECTION_OUTCOMES.includes(outcome as InspectionOutcome) && (
              <p>
                <strong>{t('permitPrint.inspection.reinspection')}</strong>
              </p>
            )}
          </>
        ) : (
          <p>{t('permitPrint.inspection.noResult')}</p>
        )}
      </PrintSection>

      <PrintSection title={t('permitPrint.inspection.corrections')}>
        {corrections.length === 0 ? (
          <p>{t('permitPrint.inspection.noCorrections')}</p>
        ) : (
          <ol class="print-corrections">
            {corrections.map((correction, i) => (
              <li key={i}>{correction}</li>
            ))}
          </ol>
        )}
      </PrintSection>

      {(text(result?.fields.notes) || text(inspection.fields.notes)) && (
        <PrintSection title={t('permitPrint.inspection.notes')}>
          {text(result?.fields.notes) && <p>{text(result?.fields.notes)}</p>}
          {text(inspection.fields.notes) && <p>{text(inspection.fields.notes)}</p>}
        </PrintSection>
      )}

      <SignatureLines role={t('permitPrint.inspection.inspectorSigns')} />
      <SignatureLines role={t('permitPrint.inspection.onSiteSigns')} />
    </PrintDocument>
  );
}
