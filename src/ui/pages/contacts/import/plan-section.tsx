// What the import would do: a preview of the file's first rows as contacts, the count that can be
// imported, and every problem with its line (the check against the device's contacts runs first).
import type { ContactImportPlan, PlannedContact } from '../../../../domain/contacts/import';
import { formatDay, phonesOf, text } from '../contact-values';
import { formatPhone } from '../phone-format';
import { rowErrorText } from './import-helpers';
import type { ContactsImportKey, ContactsImportT } from './messages';

const PREVIEW_ROWS = 10;
const SHOWN_ERRORS = 200;

export function PlanSection(props: {
  t: ContactsImportT;
  plan: ContactImportPlan;
  checking: { done: number; total: number } | null;
}) {
  const { t, plan, checking } = props;
  const preview = [...plan.contacts, ...plan.broken].sort((a, b) => a.line - b.line).slice(0, PREVIEW_ROWS);
  const problemLines = new Set(plan.errors.map((e) => e.line));
  const shown = plan.errors.slice(0, SHOWN_ERRORS);
  return (
    <>
      {preview.length > 0 && (
        <section aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">{t('contactsImport.previewHeading')}</h2>
          <div class="table-scroll" tabIndex={0} aria-labelledby="import-preview-caption">
            <table class="table">
              <caption id="import-preview-caption">
                {t('contactsImport.previewCaption', { count: preview.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('contactsImport.rowHeader')}</th>
                  <th scope="col">{t('contacts.field.name')}</th>
                  <th scope="col">{t('contacts.field.position')}</th>
                  <th scope="col">{t('contacts.field.department')}</th>
                  <th scope="col">{t('contacts.field.phones')}</th>
                  <th scope="col">{t('contacts.field.email')}</th>
                  <th scope="col">{t('contacts.field.lastVerified')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((contact) => (
                  <PreviewRow
                    key={contact.line}
                    t={t}
                    contact={contact}
                    problem={problemLines.has(contact.line)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="import-check-heading">
        <h2 id="import-check-heading">{t('contactsImport.checkHeading')}</h2>
        {checking ? (
          <p role="status">
            <label for="import-checking">{t('contactsImport.checking', checking)}</label>{' '}
            <progress id="import-checking" max={checking.total || 1} value={checking.done} />
          </p>
        ) : (
          <>
            <p id="import-plan-summary">
              {t('contactsImport.planSummary', { rows: plan.rowCount, good: plan.contacts.length })}
            </p>
            {plan.errors.length > 0 && (
              <div class="import-errors">
                <h3 id="import-errors-heading">
                  <span aria-hidden="true">⚠ </span>
                  {t('contactsImport.errorsHeading', { count: plan.errors.length })}
                </h3>
                <p>{t('contactsImport.errorsIntro')}</p>
                <ul aria-labelledby="import-errors-heading">
                  {shown.map((error, index) => (
                    <li key={index}>{rowErrorText(t, error)}</li>
                  ))}
                </ul>
                {plan.errors.length > shown.length && (
                  <p>{t('contactsImport.moreErrors', { count: plan.errors.length - shown.length })}</p>
                )}
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

function PreviewRow(props: { t: ContactsImportT; contact: PlannedContact; problem: boolean }) {
  const { t, contact } = props;
  const f = contact.fields;
  const phones = phonesOf(f)
    .map((p) => `${t(`contacts.phoneLabel.${p.label}` as ContactsImportKey)} ${formatPhone(p.number)}`)
    .join(', ');
  return (
    <tr>
      <th scope="row">
        {props.problem && <span aria-hidden="true">⚠ </span>}
        {contact.line}
      </th>
      <td>{text(f.name)}</td>
      <td>{[text(f.title), text(f.position)].filter(Boolean).join(' · ')}</td>
      <td>{text(f.department)}</td>
      <td>{phones}</td>
      <td>{text(f.email)}</td>
      <td>{formatDay(f.lastVerified, t.language)}</td>
    </tr>
  );
}
