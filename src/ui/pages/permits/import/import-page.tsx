// Import and export permits: choose a city's CSV file, map its columns (suggested, or a saved mapping),
// see the permits it makes and every problem with its line, then write them all in one transaction.
// The page keeps the file's text and an index of its rows, never the parsed rows or all the permits: the
// check and the write each build the permits again from the text, a chunk at a time (docs/permits.md).
// papaparse and the import code load with this page's chunk only.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { UserProfile } from '../../../../domain/users';
import {
  checkImport,
  fitMapping,
  indexCsv,
  permitCreates,
  plannedPermits,
  statusValues,
  suggestMapping,
  suggestStatus,
  textRows,
  type ColumnMapping,
  type CsvIndex,
  type StatusMapping,
} from '../../../../domain/permits/import';
import type { PermitStatus } from '../../../../domain/permits/lifecycle';
import { StorageQuotaError, type HoldfastDatabase } from '../../../../storage';
import { listSavedMappings, saveMapping } from '../../../../storage/saved-mappings';
import { writeCreates } from '../../../../storage/write-batch';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { TextField } from '../../../components/text-field';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { syncAfterWrite } from '../../../sync/sync-runtime';
import { useDatabase } from '../../../sync/use-sync-facts';
import { canWritePermits } from '../permit-number';
import { ExportSection } from './export-section';
import { refusalText } from './import-helpers';
import { MappingSection } from './mapping-section';
import { PlanSection } from './plan-section';
import { importMessages, type ImportT } from './messages';
import '../../../styles/permits-import.css';

const DEFAULT_STATUS: PermitStatus = 'submitted';
const PREVIEW_ROWS = 10;

interface LoadedFile {
  name: string;
  text: string;
  index: CsvIndex;
}

export function ImportPage() {
  const t = useAreaT(importMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  if (!db || !user) return <p class="muted">{t('app.loading')}</p>;
  return (
    <>
      <PageHeading title={t('permitsImport.title')}>{t('permitsImport.title')}</PageHeading>
      <p class="lead">{t('permitsImport.intro')}</p>
      {canWritePermits(user) &&
        (user.departments.length === 0 ? (
          <p class="empty-state">{t('permitsImport.noDepartment')}</p>
        ) : (
          <ImportSection t={t} db={db} user={user} />
        ))}
      <ExportSection t={t} db={db} />
      <p>
        <a href="/permits">{t('permitsImport.back')}</a>
      </p>
    </>
  );
}

function ImportSection({ t, db, user }: { t: ImportT; db: HoldfastDatabase; user: UserProfile }) {
  const announce = useAppStore((state) => state.announce);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [statusChoices, setStatusChoices] = useState<StatusMapping>({
    byValue: {},
    fallback: DEFAULT_STATUS,
  });
  const [dept, setDept] = useState(user.departments[0] ?? '');
  const [skip, setSkip] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const rows = useMemo(() => (file ? textRows(file.text, file.index) : null), [file]);
  const words = useMemo(() => (rows ? statusValues(rows, mapping) : []), [rows, mapping.status]);
  // Words the user has not chosen for get the suggested status; choices made stay when columns change.
  const statuses = useMemo<StatusMapping>(() => {
    const byValue = { ...statusChoices.byValue };
    for (const word of words) byValue[word] ??= suggestStatus(word) ?? statusChoices.fallback;
    return { byValue, fallback: statusChoices.fallback };
  }, [words, statusChoices]);
  const plan = useMemo(
    () => (file && rows ? checkImport(rows, { mapping, statuses, dept, fileName: file.name }) : null),
    [file, rows, mapping, statuses, dept],
  );
  const preview = useMemo(
    () => (rows && plan ? plannedPermits(rows, plan, 0, PREVIEW_ROWS) : []),
    [rows, plan],
  );

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
      const text = await chosen.text();
      const index = indexCsv(text);
      if (index.rowCount === 0) setFileError(t('permitsImport.noRows'));
      else {
        setMapping(suggestMapping(index.headers));
        setStatusChoices({ byValue: {}, fallback: DEFAULT_STATUS });
        setFile({ name: chosen.name, text, index });
        announce(
          t('permitsImport.fileSummary', {
            name: chosen.name,
            count: index.rowCount,
            columns: index.headers.length,
          }),
        );
      }
    } catch (error) {
      setFileError(t('permitsImport.unreadable', { reason: String(error) }));
    } finally {
      setReading(false);
    }
  };

  const canImport =
    !!plan && plan.permitCount > 0 && (plan.errors.length === 0 || (skip && plan.brokenRows > 0));

  const onImport = async () => {
    if (!file || !rows || !plan || !canImport) return;
    setFormError(null);
    setProgress({ done: 0, total: plan.permitCount });
    try {
      // The permits are built again from the text, chunk by chunk, inside the write's transaction: the
      // same permits the check built (same rows, same options), never all of them at once.
      const written = await writeCreates(
        db,
        { count: plan.permitCount, slice: (from, to) => permitCreates(rows, plan, from, to) },
        { userId: user.id, role: user.role, departments: user.departments, now: new Date().toISOString() },
        { skipExisting: true, onProgress: (done, total) => setProgress({ done, total }) },
      );
      if (!written.ok) {
        setFormError(
          t('permitsImport.refused', {
            reason: refusalText(
              t,
              plannedPermits(rows, plan, written.index, written.index + 1)[0]!,
              written.rejected,
            ),
          }),
        );
        return;
      }
      if (written.written > 0) syncAfterWrite();
      const done = [
        t('permitsImport.done', { count: written.written, name: file.name }),
        written.skipped.length > 0 ? t('permitsImport.alreadyHere', { count: written.skipped.length }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      setResult(done);
      announce(done);
    } catch (error) {
      if (error instanceof StorageQuotaError) setFormError(t('permitsImport.storageFull'));
      else throw error;
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('permitsImport.importHeading')}</h2>
      <div class={fileError ? 'field field-invalid' : 'field'}>
        <label for="import-file">{t('permitsImport.file')}</label>
        <p id="import-file-hint" class="field-hint">
          {t('permitsImport.fileHint')}
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
      {reading && <p class="muted">{t('permitsImport.reading')}</p>}
      {file && plan && (
        <>
          <p>
            {t('permitsImport.fileSummary', {
              name: file.name,
              count: file.index.rowCount,
              columns: file.index.headers.length,
            })}
          </p>
          {user.departments.length > 1 && (
            <div class="field">
              <label for="import-dept">{t('permitsImport.dept')}</label>
              <select id="import-dept" value={dept} onChange={(e) => setDept(e.currentTarget.value)}>
                {user.departments.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            </div>
          )}
          <SavedMappings
            t={t}
            db={db}
            headers={file.index.headers}
            mapping={mapping}
            statuses={statuses}
            onUse={(saved, savedStatuses) => {
              setMapping(saved);
              setStatusChoices(savedStatuses);
            }}
          />
          <MappingSection
            t={t}
            headers={file.index.headers}
            mapping={mapping}
            onMapping={setMapping}
            statusWords={words}
            statuses={statuses}
            onStatuses={setStatusChoices}
          />
          <PlanSection t={t} plan={plan} preview={preview} />
          {plan.errors.length > 0 && plan.permitCount > 0 && (
            <div class="checkbox">
              <input
                id="import-skip"
                type="checkbox"
                checked={skip}
                onChange={(e) => setSkip(e.currentTarget.checked)}
              />
              <label for="import-skip">{t('permitsImport.skip', { count: plan.brokenRows })}</label>
            </div>
          )}
          {canImport && (
            <p>
              <button type="button" class="button" disabled={!!progress} onClick={() => void onImport()}>
                {progress
                  ? t('permitsImport.importing')
                  : t('permitsImport.import', { count: plan.permitCount })}
              </button>
            </p>
          )}
          {progress && (
            <p>
              <label for="import-progress">{t('permitsImport.progress', progress)}</label>{' '}
              <progress id="import-progress" max={progress.total || 1} value={progress.done} />
            </p>
          )}
          {result && (
            <p class="import-result" id="import-result">
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

function SavedMappings(props: {
  t: ImportT;
  db: HoldfastDatabase;
  headers: readonly string[];
  mapping: ColumnMapping;
  statuses: StatusMapping;
  onUse: (mapping: ColumnMapping, statuses: StatusMapping) => void;
}) {
  const { t, db } = props;
  const announce = useAppStore((state) => state.announce);
  const saved = useLiveQuery(() => listSavedMappings(db), [db]);
  const [picked, setPicked] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const chosen = saved?.find((m) => m.name === picked) ?? saved?.[0];

  const onSave = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(t('permitsImport.saveNameMissing'));
      document.getElementById('mapping-name')?.focus();
      return;
    }
    setNameError(undefined);
    await saveMapping(db, {
      name: trimmed,
      mapping: props.mapping,
      statuses: props.statuses,
      savedAt: new Date().toISOString(),
    });
    setName('');
    setPicked(trimmed);
    announce(t('permitsImport.saved', { name: trimmed }));
  };

  return (
    <fieldset class="import-fieldset">
      <legend>{t('permitsImport.savedHeading')}</legend>
      {saved && saved.length === 0 && <p class="muted">{t('permitsImport.savedNone')}</p>}
      {chosen && (
        <div class="form-inline">
          <div class="field">
            <label for="saved-mapping">{t('permitsImport.savedPick')}</label>
            <select id="saved-mapping" value={chosen.name} onChange={(e) => setPicked(e.currentTarget.value)}>
              {saved!.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              props.onUse(fitMapping(chosen.mapping, props.headers), chosen.statuses);
              announce(t('permitsImport.savedUsed', { name: chosen.name }));
            }}
          >
            {t('permitsImport.savedUse')}
          </button>
        </div>
      )}
      <form class="form-inline" onSubmit={(e) => void onSave(e)} noValidate>
        <TextField
          id="mapping-name"
          label={t('permitsImport.saveName')}
          hint={t('permitsImport.saveHint')}
          value={name}
          onInput={setName}
          error={nameError}
          maxLength={100}
        />
        <button type="submit" class="button button-secondary">
          {t('permitsImport.save')}
        </button>
      </form>
    </fieldset>
  );
}
