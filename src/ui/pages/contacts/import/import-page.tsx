// Import and export contacts (/contacts/import): choose a spreadsheet saved as CSV, map its columns
// (suggested from their names), see the first rows as contacts and every problem by line (numbers that are
// not phone numbers, missing names, rows that repeat another row or a contact already on the device), and
// only then write the good rows in one transaction. vCard export of every contact or of the list the
// person came from. papaparse and the import code load with this page's chunk only.
import type { JSX } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import {
  buildContactImport,
  markDeviceDuplicates,
  suggestContactMapping,
  suggestPhoneLabels,
  type ColumnMapping,
  type ContactImportPlan,
  type DeviceDuplicate,
  type PhoneLabel,
} from '../../../../domain/contacts/import';
import { parseCsv, type ParsedCsv } from '../../../../domain/permits/import/csv';
import type { UserProfile } from '../../../../domain/users';
import { StorageQuotaError, type HoldfastDatabase } from '../../../../storage';
import { findPossibleDuplicates, type ContactFilter } from '../../../../storage/contact-queries';
import { writeCreateBatch } from '../../../../storage/write-batch';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { syncAfterWrite } from '../../../sync/sync-runtime';
import { useDatabase } from '../../../sync/use-sync-facts';
import { text } from '../contact-values';
import { parsePhone } from '../phone-format';
import { ExportSection } from './export-section';
import { rowErrorText } from './import-helpers';
import { MappingSection } from './mapping-section';
import { contactsImportMessages, type ContactsImportT } from './messages';
import { PlanSection } from './plan-section';
import '../../../styles/permits-import.css';

/** Rows checked against the device's contacts between two progress updates. */
const CHECK_STEP = 50;

interface LoadedFile {
  name: string;
  csv: ParsedCsv;
}

const toE164 = (typed: string): string | null => {
  const parsed = parsePhone(typed);
  return parsed.ok ? parsed.e164 : null;
};

export function ContactsImportPage() {
  const t = useAreaT(contactsImportMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const { query } = useLocation();
  const filter: ContactFilter = {
    ...(query.q ? { text: query.q } : {}),
    ...(query.before ? { verifiedBefore: query.before } : {}),
  };
  if (!db || !user) return <p class="muted">{t('app.loading')}</p>;
  return (
    <>
      <PageHeading title={t('contactsImport.title')}>{t('contactsImport.title')}</PageHeading>
      <p class="lead">{t('contactsImport.intro')}</p>
      {user.role !== 'viewer' &&
        (user.departments.length === 0 ? (
          <p class="empty-state">{t('contactsImport.noDepartment')}</p>
        ) : (
          <ImportSection t={t} db={db} user={user} />
        ))}
      <ExportSection t={t} db={db} filter={filter} />
      <p>
        <a href="/contacts">{t('contactsImport.back')}</a>
      </p>
    </>
  );
}

/** Each planned row's possible duplicates among the device's contacts, a step at a time. */
async function deviceDuplicates(
  db: HoldfastDatabase,
  plan: ContactImportPlan,
  onProgress: (done: number) => void,
  cancelled: () => boolean,
): Promise<DeviceDuplicate[] | null> {
  const found: DeviceDuplicate[] = [];
  for (let i = 0; i < plan.contacts.length; i++) {
    if (cancelled()) return null;
    const contact = plan.contacts[i]!;
    const [first] = await findPossibleDuplicates(db, {
      name: text(contact.fields.name),
      phones: contact.numbers,
    });
    if (first)
      found.push({
        line: contact.line,
        name: text(first.contact.fields.name),
        reason: first.reason,
        ...(first.phone ? { phone: first.phone } : {}),
      });
    if ((i + 1) % CHECK_STEP === 0) onProgress(i + 1);
  }
  return found;
}

function ImportSection({ t, db, user }: { t: ContactsImportT; db: HoldfastDatabase; user: UserProfile }) {
  const announce = useAppStore((state) => state.announce);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [phoneLabels, setPhoneLabels] = useState<PhoneLabel[]>(['mobile', 'work', 'home']);
  const [dept, setDept] = useState(user.departments[0] ?? '');
  const [skip, setSkip] = useState(false);
  const [checked, setChecked] = useState<ContactImportPlan | null>(null);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const plan = useMemo(
    () => (file ? buildContactImport(file.csv, { mapping, phoneLabels, parsePhone: toE164 }) : null),
    [file, mapping, phoneLabels],
  );

  // The rows are checked against the device's contacts whenever the plan changes; nothing can be
  // imported until the check is done.
  useEffect(() => {
    setChecked(null);
    if (!plan) return;
    let stop = false;
    setChecking({ done: 0, total: plan.contacts.length });
    void deviceDuplicates(
      db,
      plan,
      (done) => !stop && setChecking({ done, total: plan.contacts.length }),
      () => stop,
    ).then((found) => {
      if (stop || found === null) return;
      setChecking(null);
      setChecked(markDeviceDuplicates(plan, found));
    });
    return () => {
      stop = true;
    };
  }, [db, plan]);

  const onFile = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0];
    setFile(null);
    setResult(null);
    setFormError(null);
    setFileError(undefined);
    setSkip(false);
    if (!chosen) return;
    setReading(true);
    try {
      const csv = parseCsv(await chosen.text());
      if (csv.rows.length === 0) setFileError(t('contactsImport.noRows'));
      else {
        const suggested = suggestContactMapping(csv.headers);
        setMapping(suggested);
        setPhoneLabels(suggestPhoneLabels(suggested));
        setFile({ name: chosen.name, csv });
        announce(
          t('contactsImport.fileSummary', {
            name: chosen.name,
            count: csv.rows.length,
            columns: csv.headers.length,
          }),
        );
      }
    } catch (error) {
      setFileError(t('contactsImport.unreadable', { reason: String(error) }));
    } finally {
      setReading(false);
    }
  };

  const canImport =
    !!checked && !result && checked.contacts.length > 0 && (checked.errors.length === 0 || skip);

  const onImport = async () => {
    if (!file || !checked || !canImport) return;
    setFormError(null);
    const creates = checked.contacts.map((contact) => ({
      kind: 'contact',
      id: uuidv7(),
      dept,
      fields: contact.fields,
    }));
    setProgress({ done: 0, total: creates.length });
    try {
      const written = await writeCreateBatch(
        db,
        creates,
        { userId: user.id, role: user.role, departments: user.departments, now: new Date().toISOString() },
        { chunkSize: 100, onProgress: (done, total) => setProgress({ done, total }) },
      );
      if (!written.ok) {
        const contact = checked.contacts[written.index]!;
        const first = written.rejected.errors?.[0];
        const reason = first
          ? rowErrorText(t, { ...first, line: contact.line, params: { ...(first.params ?? {}) } })
          : t('contactsImport.line', { line: String(contact.line), problem: written.rejected.message });
        setFormError(t('contactsImport.refused', { reason }));
        return;
      }
      if (written.written > 0) syncAfterWrite();
      const done = t('contactsImport.done', { count: written.written, name: file.name });
      setResult(done);
      announce(done);
    } catch (error) {
      if (error instanceof StorageQuotaError) setFormError(t('contactsImport.storageFull'));
      else throw error;
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('contactsImport.importHeading')}</h2>
      <div class={fileError ? 'field field-invalid' : 'field'}>
        <label for="import-file">{t('contactsImport.file')}</label>
        <p id="import-file-hint" class="field-hint">
          {t('contactsImport.fileHint')}
        </p>
        {fileError && (
          <p id="import-file-error" class="field-error">
            <span aria-hidden="true">⚠ </span>
            {fileError}
          </p>
        )}
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void onFile(event)}
          aria-invalid={fileError ? 'true' : undefined}
          aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
        />
      </div>
      {reading && <p class="muted">{t('contactsImport.reading')}</p>}
      {file && plan && (
        <>
          <p>
            {t('contactsImport.fileSummary', {
              name: file.name,
              count: file.csv.rows.length,
              columns: file.csv.headers.length,
            })}
          </p>
          {user.departments.length > 1 && (
            <div class="field">
              <label for="import-dept">{t('contactsImport.dept')}</label>
              <select id="import-dept" value={dept} onChange={(e) => setDept(e.currentTarget.value)}>
                {user.departments.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          )}
          <MappingSection
            t={t}
            headers={file.csv.headers}
            mapping={mapping}
            onMapping={setMapping}
            phoneLabels={phoneLabels}
            onPhoneLabels={setPhoneLabels}
          />
          <PlanSection t={t} plan={checked ?? plan} checking={checking} />
          {checked && !result && checked.errors.length > 0 && checked.contacts.length > 0 && (
            <div class="checkbox">
              <input
                id="import-skip"
                type="checkbox"
                checked={skip}
                onChange={(e) => setSkip(e.currentTarget.checked)}
              />
              <label for="import-skip">
                {t('contactsImport.skip', { count: new Set(checked.errors.map((e) => e.line)).size })}
              </label>
            </div>
          )}
          {canImport && (
            <p>
              <button type="button" class="button" disabled={!!progress} onClick={() => void onImport()}>
                {progress
                  ? t('contactsImport.importing')
                  : t('contactsImport.import', { count: checked.contacts.length })}
              </button>
            </p>
          )}
          {progress && (
            <p>
              <label for="import-progress">{t('contactsImport.progress', progress)}</label>{' '}
              <progress id="import-progress" max={progress.total || 1} value={progress.done} />
            </p>
          )}
          {result && (
            <p class="import-result" id="import-result" role="status">
              <span aria-hidden="true">✓ </span>
              {result}
            </p>
          )}
          <FormError id="import-form-error" message={formError} />
        </>
      )}
    </section>
  );
}
