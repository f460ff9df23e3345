// One contact: its details with tap-to-call links on every number, "Verified today", and editing in place
// with the same form as a new contact (only the changed fields are sent).
import { useRoute } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { isStale } from '../../../domain/contacts/calldown';
import type { JsonObject } from '../../../domain/sync';
import { getRecord } from '../../../storage';
import { readStaleDays } from '../../../storage/contact-queries';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { ContactForm } from './contact-form';
import { formatDay, localToday, phonesOf, text, valuesFrom, writeProblem } from './contact-values';
import { contactsMessages, type ContactsT } from './messages';
import { formatPhone, telHref } from './phone-format';
import '../../styles/contacts.css';

export function ContactPage() {
  const t = useAreaT(contactsMessages);
  const { params } = useRoute();
  const announce = useAppStore((state) => state.announce);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const id = params.id ?? '';
  const contact = useLiveQuery(() => (db ? getRecord(db, id) : undefined), [db, id]);
  const staleDays = useLiveQuery(() => (db ? readStaleDays(db) : undefined), [db]);
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const writable = !!user && user.role !== 'viewer';

  if (contact === undefined || !db) return <p class="muted">{t('app.loading')}</p>;
  if (contact === null || contact.kind !== 'contact' || contact.deleted)
    return (
      <>
        <PageHeading title={t('contacts.title')}>{t('contacts.title')}</PageHeading>
        <p class="empty-state">{t('contacts.notFound')}</p>
        <p>
          <a href="/contacts">{t('contacts.back')}</a>
        </p>
      </>
    );

  const f = contact.fields;
  const name = text(f.name);
  const today = localToday();
  const stale = staleDays !== undefined && isStale(f.lastVerified, today, staleDays);
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const markVerified = async () => {
    const result = await writeChange('record.update', {
      kind: 'contact',
      id,
      fields: { lastVerified: today },
    });
    const failed = writeProblem(t, result);
    setProblem(failed?.message ?? null);
    if (!failed) announce(t('contacts.form.markedVerified', { name }));
  };

  if (editing)
    return (
      <>
        <PageHeading title={t('contacts.form.editTitle', { name })}>
          {t('contacts.form.editTitle', { name })}
        </PageHeading>
        <ContactForm
          key={contact.id}
          db={db}
          mode="update"
          contactId={contact.id}
          initial={valuesFrom(f, contact.dept)}
          previous={f}
          submitLabel={t('common.save')}
          onSave={async (fields: JsonObject) => {
            if (Object.keys(fields).length === 0) {
              announce(t('contacts.form.nothingChanged'));
              stopEditing();
              return null;
            }
            const failed = writeProblem(
              t,
              await writeChange('record.update', { kind: 'contact', id, fields }),
            );
            if (failed) return failed.message;
            announce(t('contacts.form.saved', { name: text(fields.name) || name }));
            stopEditing();
            return null;
          }}
        />
        <p>
          <button type="button" class="button button-secondary" onClick={stopEditing}>
            {t('contacts.view.cancelEdit')}
          </button>
        </p>
      </>
    );

  return (
    <>
      <PageHeading title={name}>{name}</PageHeading>
      <p class="contact-status">
        {contact.pending && <span class="tag tag-pending">{t('contacts.unsentTag')}</span>}
        {stale && <span class="tag tag-warning">{t('contacts.list.stale')}</span>}
      </p>
      {writable && (
        <p class="contact-actions">
          <button ref={editButton} type="button" class="button" onClick={() => setEditing(true)}>
            {t('contacts.view.edit')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => void markVerified()}>
            {t('contacts.form.verifiedToday')}
          </button>
        </p>
      )}
      {problem && (
        <p class="form-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {problem}
        </p>
      )}
      <ContactDetails t={t} fields={f} />
      <p>
        <a href="/contacts">{t('contacts.back')}</a>
      </p>
    </>
  );
}

function ContactDetails({ t, fields: f }: { t: ContactsT; fields: JsonObject }) {
  const phones = phonesOf(f);
  const none = t('contacts.view.none');
  const languages = Array.isArray(f.languages) ? f.languages.filter((l) => typeof l === 'string') : [];
  const method = text(f.preferredMethod);
  const row = (label: string, value: string) => (
    <div class="contact-detail">
      <dt>{label}</dt>
      <dd>{value || none}</dd>
    </div>
  );
  return (
    <section aria-labelledby="contact-details-heading">
      <h2 id="contact-details-heading">{t('contacts.view.details')}</h2>
      <dl class="contact-details">
        {row(t('contacts.field.title'), text(f.title))}
        {row(t('contacts.field.position'), text(f.position))}
        {row(t('contacts.field.department'), text(f.department))}
        <div class="contact-detail">
          <dt>{t('contacts.field.phones')}</dt>
          <dd>
            {phones.length === 0 ? (
              none
            ) : (
              <ul class="contact-phone-links">
                {phones.map((phone) => {
                  const label = t(`contacts.phoneLabel.${phone.label}`);
                  const shown = formatPhone(phone.number);
                  return (
                    <li key={phone.number}>
                      <a href={telHref(phone.number)}>
                        {t('contacts.view.callNumber', { label, number: shown })}
                      </a>
                      {phone.primary && <span class="tag"> {t('contacts.view.primaryTag')}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
        </div>
        {row(t('contacts.field.email'), text(f.email))}
        {row(t('contacts.field.radio'), text(f.radio))}
        {row(
          t('contacts.field.preferredMethod'),
          method ? t(`contacts.method.${method}` as Parameters<ContactsT>[0]) : '',
        )}
        {row(t('contacts.field.languages'), languages.join(', '))}
        {row(t('contacts.field.accessibility'), text(f.accessibility))}
        {row(t('contacts.field.notes'), text(f.notes))}
        {row(
          t('contacts.field.lastVerified'),
          formatDay(f.lastVerified, t.language) || t('contacts.list.neverVerified'),
        )}
      </dl>
    </section>
  );
}
