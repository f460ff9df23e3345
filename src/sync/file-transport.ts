// The file transport: "Export unsent changes" for a device that cannot reach the server, importing
// such a file (sent to the server, which treats it as a push) or a server snapshot (applied here like
// a pull, for a laptop that never reaches the network). A bad file is refused with nothing changed.
import type { ExportFile } from '../protocol/sync';
import { ExportFileError, parseExport, serializeExport } from '../protocol/sync';
import type { HoldfastDatabase } from '../storage';
import {
  applyPulledPage,
  clientIdOf,
  readCachedSession,
  renumberOutbox,
  settlePush,
  unsentEntriesOf,
} from '../storage';
import { outcomesOf, rejectionsOf } from './push';
import type { SyncHttp } from './sync-http';

export interface ExportedFile {
  text: string;
  fileName: string;
  count: number;
}

export type ImportResult =
  | {
      type: 'unsent-changes';
      applied: number;
      duplicate: number;
      rejected: number;
      conflict: number;
      /**
       * Changes the server did not take because it holds other changes under their seqs (the device that
       * made them was restored from an older copy): that device sends them again, renumbered.
       */
      notApplied: number;
    }
  | { type: 'snapshot'; records: number };

/** A file that parsed but cannot be used by this user. Same shape as ExportFileError for the UI. */
export class ImportRefusedError extends Error {
  override readonly name = 'ImportRefusedError';
  constructor(
    readonly code: 'signed_out' | 'other_user',
    message: string,
  ) {
    super(message);
  }
}

export interface FileTransport {
  exportUnsent(): Promise<ExportedFile>;
  importFile(text: string): Promise<ImportResult>;
  /** GET /api/sync/snapshot: the server's records for this user, as a file to carry to another device. */
  downloadSnapshot(): Promise<ExportedFile>;
}

const stamp = (iso: string) => iso.slice(0, 16).replace(/[:T]/g, '-');

async function signedIn(db: HoldfastDatabase) {
  const user = (await readCachedSession(db))?.user;
  if (!user) throw new ImportRefusedError('signed_out', 'Sign in first.');
  return user;
}

export function createFileTransport(deps: {
  db: HoldfastDatabase;
  http: SyncHttp;
  now: () => string;
}): FileTransport {
  const { db, http, now } = deps;

  async function exportUnsent(): Promise<ExportedFile> {
    const user = await signedIn(db);
    const entries = await unsentEntriesOf(db, user.id);
    const createdAt = now();
    const text = await serializeExport({
      type: 'unsent-changes',
      createdAt,
      clientId: await clientIdOf(db, user.id),
      userId: user.id,
      username: user.username,
      payload: { entries },
    });
    return {
      text,
      count: entries.length,
      fileName: `holdfast-unsent-${user.username}-${stamp(createdAt)}.holdfast.json`,
    };
  }

  async function importUnsent(file: ExportFile<'unsent-changes'>, text: string): Promise<ImportResult> {
    const response = await http.importFile(text);
    const count = (status: string) => response.results.filter((r) => r.status === status).length;
    // This user's own file, imported on the same device: the outbox can be settled right away.
    const user = await signedIn(db);
    if (file.clientId === (await clientIdOf(db, user.id))) {
      await settlePush(db, file.clientId, {
        lastSeq: response.lastSeq,
        rejected: rejectionsOf(response),
        now: now(),
        outcomes: outcomesOf(response),
      });
      if (response.seqReused !== undefined) {
        await renumberOutbox(db, user.id, file.clientId, response.seqReused);
      }
    }
    const reused = response.seqReused;
    return {
      type: 'unsent-changes',
      applied: count('applied'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
      conflict: count('conflict'),
      notApplied:
        reused === undefined ? 0 : file.payload.entries.filter((entry) => entry.seq >= reused).length,
    };
  }

  async function importSnapshot(file: ExportFile<'snapshot'>): Promise<ImportResult> {
    const user = await signedIn(db);
    if (file.userId !== user.id) {
      throw new ImportRefusedError(
        'other_user',
        `This snapshot was made for ${file.username}; sign in as that user to use it.`,
      );
    }
    const { records, cursor, scope } = file.payload;
    await applyPulledPage(
      db,
      { records, cursor, hasMore: false, reset: true, scope },
      { userId: user.id, startResync: true },
    );
    return { type: 'snapshot', records: records.length };
  }

  return {
    exportUnsent,
    async importFile(text) {
      const file = await parseExport(text);
      return file.type === 'snapshot'
        ? importSnapshot(file as ExportFile<'snapshot'>)
        : importUnsent(file as ExportFile<'unsent-changes'>, text);
    },
    async downloadSnapshot() {
      const user = await signedIn(db);
      const text = await http.snapshot();
      // Checked before it is offered for saving: a damaged download should fail here, not on the laptop.
      const file = await parseExport(text, 'snapshot');
      return {
        text,
        count: file.payload.records.length,
        fileName: `holdfast-snapshot-${user.username}-${stamp(now())}.holdfast.json`,
      };
    },
  };
}

export { ExportFileError };
