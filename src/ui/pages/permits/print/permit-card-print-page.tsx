// /permits/:id/print — the permit card posted on site: number and address in large type, a summary,
// the status history, fees with totals and inspections with their results.
import { useRoute } from 'preact-iso';
import { getPermitCard, type FeeTotals } from '../../../../storage/print-queries';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { PrintFacts, PrintSection } from '../../../print/print-parts';
import { useDatabase } from '../../../sync/use-sync-facts';
import { permitPrintMessages, type PermitPrintT } from './messages';
import {
  feeStatusLabel,
  formatCents,
  formatDay,
  inspectionStatusLabel,
  outcomeLabel,
  permitNumber,
  statusLabel,
  text,
} from './print-labels';

const TOTALS: readonly [keyof FeeTotals, Parameters<PermitPrintT>[0]][] = [
  ['due', 'permitPrint.card.totalDue'],
  ['paid', 'permitPrint.card.totalPaid'],
  ['waived', 'permitPrint.card.totalWaived'],
  ['refunded', 'permitPrint.card.totalRefunded'],
];

export function PermitCardPrintPage() {
  const t = useAreaT(permitPrintMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const id = params.id ?? '';
  const card = useLiveQuery(() => (db ? getPermitCard(db, id) : undefined), [db, id]);
  if (card === undefined) return <PrintStatus state="loading" />;
  if (card === null) return <PrintStatus state="missing" />;

  const { permit, events, fees, totals, inspections } = card;
  const f = permit.fields;
  const lang = t.language;
  const { number, provisional } = permitNumber(f);
  const shown = number || t('permitPrint.card.noNumber');
  const pending = permit.pending || events.some((e) => e.pending) || fees.some((fee) => fee.current.pending);

  return (
    <PrintDocument
      title={t('permitPrint.card.title', { number: shown })}
      code={documentCode('PRM', shortId(permit.id))}
      heading={
        <span class="print-hero">
          <span class="print-hero-number">
            {shown}
            {provisional && number && <span class="print-tag">{t('permitPrint.card.provisional')}</span>}
          </span>
          <span class="print-hero-address">{text(f.address)}</span>
        </span>
      }
      intro={pending && <p class="print-stamp">{t('permitPrint.card.unsent')}</p>}
    >
      <PrintSection title={t('permitPrint.card.summary')} keepTogether>
        <PrintFacts
          items={[
            [t('permitPrint.field.status'), statusLabel(t, f.status)],
            [t('permitPrint.field.number'), text(f.number)],
            [t('permitPrint.field.provisionalNumber'), text(f.provisionalNumber)],
            [t('permitPrint.field.permitType'), text(f.permitType)],
            [t('permitPrint.field.workClass'), text(f.workClass)],
            [t('permitPrint.field.parcel'), text(f.parcel)],
            [t('permitPrint.field.applicantName'), text(f.applicantName)],
            [t('permitPrint.field.applicantPhone'), text(f.applicantPhone)],
            [t('permitPrint.field.contractorName'), text(f.contractorName)],
            [t('permitPrint.field.contractorLicense'), text(f.contractorLicense)],
            [t('permitPrint.field.valuation'), formatCents(f.valuationCents, lang)],
            [t('permitPrint.field.appliedDate'), formatDay(f.appliedDate, lang)],
            [t('permitPrint.field.issuedDate'), formatDay(f.issuedDate, lang)],
            [t('permitPrint.field.expiryDate'), formatDay(f.expiryDate, lang)],
            [t('permitPrint.field.finaledDate'), formatDay(f.finaledDate, lang)],
            [t('permitPrint.field.department'), permit.dept],
          ]}
        />
        <PrintFacts items={[[t('permitPrint.field.description'), text(f.description)]]} />
      </PrintSection>

      <PrintSection title={t('permitPrint.card.history')}>
        {events.length === 0 ? (
          <p>{t('permitPrint.card.noHistory')}</p>
        ) : (
          <table class="print-table">
            <thead>
              <tr>
                <th scope="col">{t('permitPrint.col.date')}</th>
                <th scope="col">{t('permitPrint.col.change')}</th>
                <th scope="col">{t('permitPrint.col.reason')}</th>
                <th scope="col">{t('permitPrint.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td class="nowrap">
                    {formatDay(text(event.fields.effectiveDate) || event.createdAt.slice(0, 10), lang)}
                  </td>
                  <td>
                    {t('permitPrint.change', {
                      from: statusLabel(t, event.fields.from),
                      to: statusLabel(t, event.fields.to),
                    })}
                  </td>
                  <td>{text(event.fields.reason)}</td>
                  <td>{event.createdBy === user?.id ? user.displayName : event.createdBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PrintSection>

      <PrintSection title={t('permitPrint.card.fees')}>
        {fees.length === 0 ? (
          <p>{t('permitPrint.card.noFees')}</p>
        ) : (
          <table class="print-table">
            <thead>
              <tr>
                <th scope="col">{t('permitPrint.col.code')}</th>
                <th scope="col">{t('permitPrint.col.description')}</th>
                <th scope="col">{t('permitPrint.col.status')}</th>
                <th scope="col">{t('permitPrint.col.receipt')}</th>
                <th scope="col" class="num">
                  {t('permitPrint.col.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {fees.map(({ current }) => (
                <tr key={current.id}>
                  <td>{text(current.fields.code)}</td>
                  <td>{text(current.fields.description)}</td>
                  <td>{feeStatusLabel(t, current.fields.status)}</td>
                  <td>{text(current.fields.receipt)}</td>
                  <td class="num">{formatCents(current.fields.amountCents, lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              {TOTALS.filter(([status]) => status === 'due' || status === 'paid' || totals[status] > 0).map(
                ([status, label]) => (
                  <tr key={status}>
                    <th scope="row" colSpan={4}>
                      {t(label)}
                    </th>
                    <td class="num">{formatCents(totals[status], lang)}</td>
                  </tr>
                ),
              )}
            </tfoot>
          </table>
        )}
      </PrintSection>

      <PrintSection title={t('permitPrint.card.inspections')}>
        {inspections.length === 0 ? (
          <p>{t('permitPrint.card.noInspections')}</p>
        ) : (
          <table class="print-table">
            <thead>
              <tr>
                <th scope="col">{t('permitPrint.col.date')}</th>
                <th scope="col">{t('permitPrint.col.type')}</th>
                <th scope="col">{t('permitPrint.col.inspector')}</th>
                <th scope="col">{t('permitPrint.col.result')}</th>
                <th scope="col">{t('permitPrint.col.corrections')}</th>
              </tr>
            </thead>
            <tbody>
              {inspections.map(({ inspection, result }) => {
                const corrections = Array.isArray(result?.fields.corrections)
                  ? result.fields.corrections.map(text).filter(Boolean)
                  : [];
                return (
                  <tr key={inspection.id}>
                    <td class="nowrap">{formatDay(inspection.fields.scheduledDate, lang)}</td>
                    <td>{text(inspection.fields.inspectionType)}</td>
                    <td>{text(inspection.fields.inspector)}</td>
                    <td>
                      {result
                        ? outcomeLabel(t, result.fields.outcome)
                        : inspectionStatusLabel(t, inspection.fields.status)}
                    </td>
                    <td>
                      {corrections.length > 0 && (
                        <ul>
                          {corrections.map((c, i) => (
                            <li key={i}>{c}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </PrintSection>
    </PrintDocument>
  );
}
