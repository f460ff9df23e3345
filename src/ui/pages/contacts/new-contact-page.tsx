// A new contact, written on this device at once (works offline) and sent with the next sync.
import { useLocation } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { ContactForm } from './contact-form';
import { text, valuesFrom, writeProblem } from './contact-values';
import { contactsMessages } from './messages';
import '../../styles/contacts.css';

export function NewContactPage() {
  const t = useAreaT(contactsMessages);
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  if (!user || !db) return <p class="muted">{t('app.loading')}</p>;
  const departments = user.departments;

  return (
    <>
      <PageHeading title={t('contacts.form.newTitle')}>{t('contacts.form.newTitle')}</PageHeading>
      {departments.length === 0 ? (
        <p class="empty-state">{t('contacts.noDepartment')}</p>
      ) : (
        <ContactForm
          db={db}
          mode="create"
          initial={valuesFrom({}, departments[0] ?? '')}
          departments={departments}
          submitLabel={t('contacts.form.create')}
          onSave={async (fields, values) => {
            const id = uuidv7();
            const result = await writeChange('record.create', {
              kind: 'contact',
              id,
              dept: values.dept,
              fields,
            });
            const problem = writeProblem(t, result);
            if (problem) return problem.message;
            announce(t('contacts.form.created', { name: text(fields.name) }));
            route(`/contacts/${id}`);
            return null;
          }}
        />
      )}
      <p>
        <a href="/contacts">{t('contacts.back')}</a>
      </p>
    </>
  );
}
