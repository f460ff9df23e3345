// What the import would do: the count, a preview of the first permits, and every problem with its line.
import type { ImportCheck, PlannedPermit } from '../../../../domain/permits/import';
import { formatDay, formatMoney } from '../permit-helpers';
import { rowErrorText } from './import-helpers';
import type { ImportKey, ImportT } from './messages';

const SHOWN_ERRORS = 100;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function PlanSection({
  t,
  plan,
  preview,
}: {
  t: ImportT;
  plan: ImportCheck;
  /** The first permits that would be imported. */
  preview: readonly PlannedPermit[];
}) {
  const shown = plan.errors.slice(0, SHOWN_ERRORS);
  return (
    <section aria-labelledby="import-preview-heading">
      <h2 id="import-preview-heading">{t('permitsImport.previewHeading')}</h2>
      <p id="import-plan-summary">
        {t('permitsImport.planSummary', {
          rows: plan.rowCount,
          count: plan.permitCount + plan.brokenCount,
        })}
      </p>
      {plan.errors.length > 0 && (
        <div class="import-errors">
          <h3 id="import-errors-heading">
            <span aria-hidden="true">⚠ </span>
            {t('permitsImport.errorsHeading', { count: plan.errors.length })}
          </h3>
          <p>{t('permitsImport.errorsIntro')}</p>
          <ul aria-labelledby="import-errors-heading">
            {shown.map((error, index) => (
              <li key={index}>{rowErrorText(t, error)}</li>
            ))}
          </ul>
          {plan.errors.length > shown.length && (
            <p>{t('permitsImport.moreErrors', { count: plan.errors.length - shown.length })}</p>
          )}
        </div>
      )}
      {preview.length > 0 && (
        <div class="table-scroll" tabIndex={0} aria-labelledby="import-preview-caption">
          <table class="table">
            <caption id="import-preview-caption">
              {t('permitsImport.previewCaption', { count: preview.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('permits.field.number')}</th>
                <th scope="col">{t('permits.field.address')}</th>
                <th scope="col">{t('permits.field.permitType')}</th>
                <th scope="col">{t('permits.field.description')}</th>
                <th scope="col">{t('permits.field.status')}</th>
                <th scope="col">{t('permits.field.appliedDate')}</th>
                <th scope="col">{t('permits.field.issuedDate')}</th>
                <th scope="col">{t('permits.field.valuationCents')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.map(({ id, fields }) => (
                <tr key={id}>
                  <th scope="row">{text(fields.number)}</th>
                  <td>{text(fields.address)}</td>
                  <td>{text(fields.permitType)}</td>
                  <td>{[text(fields.workClass), text(fields.description)].filter(Boolean).join(' — ')}</td>
                  <td>{t(`permits.status.${text(fields.status)}` as ImportKey)}</td>
                  <td>{formatDay(fields.appliedDate, t.language)}</td>
                  <td>{formatDay(fields.issuedDate, t.language)}</td>
                  <td class="numeric">
                    {typeof fields.valuationCents === 'number'
                      ? formatMoney(fields.valuationCents, t.language)
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
