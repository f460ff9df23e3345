// Moving changes by file: export this user's unsent changes, import a file (unsent changes go to the
// server; a snapshot is applied here), and export a snapshot of the server's records for a laptop.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ExportFileError, ImportRefusedError, type ExportedFile, type ImportResult } from '../../../sync';
import { FormError } from '../../components/form-error';
import type { DeviceKey } from './messages';
import { useAreaT } from '../../i18n/use-t';
import { deviceMessages, type DeviceT } from './messages';
import { useAppStore } from '../../store/use-app-store';
import { syncEngine } from '../../sync/sync-runtime';
import { problemText } from '../../sync/problem-text';
import { SyncFailureText } from './sync-failure-text';
import { downloadText } from './download-text';

const fileErrors: Record<string, DeviceKey> = {
  not_holdfast_file: 'files.error.notHoldfast',
  corrupt: 'files.error.corrupt',
  protocol_mismatch: 'files.error.protocol',
  checksum_mismatch: 'files.error.checksum',
  wrong_type: 'files.error.wrongType',
  other_user: 'files.error.otherUser',
  signed_out: 'notes.error.signedOut',
};

function failureText(t: DeviceT, error: unknown): string {
  if (error instanceof ExportFileError || error instanceof ImportRefusedError) {
    const key = fileErrors[error.code];
    return key ? t(key) : error.message;
  }
  return SyncFailureText(t, error) ?? t('error.generic');
}

function importText(t: DeviceT, result: ImportResult): string {
  if (result.type === 'snapshot') return t('files.snapshotApplied', { count: result.records });
  const imported = t('files.imported', {
    applied: result.applied,
    duplicate: result.duplicate,
    rejected: result.rejected,
    conflict: result.conflict,
  });
  return result.notApplied > 0
    ? `${imported} ${t('files.notApplied', { count: result.notApplied })}`
    : imported;
}

export function SyncSection() {
  const t = useAreaT(deviceMessages);
  const announce = useAppStore((state) => state.announce);
  const status = useAppStore((state) => state.sync);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const done = await task();
      setMessage(done);
      announce(done);
    } catch (failure) {
      setError(failureText(t, failure));
    }
    setBusy(false);
  };
  const save = (file: ExportedFile) => downloadText(file.fileName, file.text);

  const onExport = () =>
    run(async () => {
      const file = await syncEngine()!.exportUnsent();
      if (file.count === 0) return t('files.nothingToExport');
      save(file);
      return t('files.exported', { count: file.count });
    });
  const onSnapshot = () =>
    run(async () => {
      const file = await syncEngine()!.downloadSnapshot();
      save(file);
      return t('files.snapshotExported', { count: file.count });
    });
  const onImport = (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    void run(async () => importText(t, await syncEngine()!.importFile(await file.text()))).then(() => {
      input.value = '';
    });
  };

  return (
    <section aria-labelledby="device-sync">
      <h2 id="device-sync">{t('files.heading')}</h2>
      <p>{t('files.intro')}</p>
      {status.problem && <p class="muted">{problemText(t, status.problem)}</p>}
      <div class="button-row">
        <button type="button" class="button" onClick={onExport} disabled={busy}>
          {t('files.exportUnsent')}
        </button>
        <button type="button" class="button button-secondary" onClick={onSnapshot} disabled={busy}>
          {t('files.exportSnapshot')}
        </button>
      </div>
      <div class="field">
        <label for="import-file">{t('files.import')}</label>
        <p id="import-file-hint" class="field-hint">
          {t('files.importHint')}
        </p>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={onImport}
          disabled={busy}
          aria-describedby="import-file-hint"
        />
      </div>
      <p id="files-result" role="status" class={message ? 'files-result' : undefined}>
        {message}
      </p>
      <FormError id="files-error" message={error} />
    </section>
  );
}
