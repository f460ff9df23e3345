// Importing an "unsent changes" export file: the same push path as the network, in batches of the push
// limit, so importing a file twice changes nothing the second time. An admin may import another user's file;
// its entries then apply as that user, with that user's current rights.
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import type { ExportFile, PushResponse, PushStatus } from '../../src/protocol/sync';
import { ExportFileError, parseExport, SYNC_LIMITS } from '../../src/protocol/sync';
import type { ServerConfig } from '../config';
import { ApiError, badRequest, forbidden } from '../errors';
import type { Storage, UserRecord } from '../storage/storage';
import { checkPushRequest } from './push-request';
import { pushBatch } from './push-batch';
import { auditSync } from './sync-audit';

export interface ImportResponse extends PushResponse {
  counts: Record<PushStatus, number>;
}

/** Reads the file, answering every way it can be wrong with a 400 that carries parseExport's code. */
export async function readExportFile(text: string): Promise<ExportFile<'unsent-changes'>> {
  try {
    return await parseExport(text, 'unsent-changes');
  } catch (error) {
    if (error instanceof ExportFileError) throw new ApiError(400, error.code, error.message);
    // parseExport's checksum recurses through the file; absurd nesting overflows the stack.
    if (error instanceof RangeError)
      throw new ApiError(
        400,
        'corrupt',
        'This Holdfast file is not laid out as expected (nested too deeply).',
      );
    throw error;
  }
}

export async function importFile(
  storage: Storage,
  config: Pick<ServerConfig, 'now'>,
  signedIn: UserRecord,
  text: string,
): Promise<ImportResponse> {
  const file = await readExportFile(text);
  if (file.userId !== signedIn.id) {
    if (signedIn.role !== 'admin') {
      await auditSync(storage, {
        at: config.now(),
        userId: signedIn.id,
        clientId: file.clientId,
        action: 'sync.import_forbidden',
        detail: { fileUserId: file.userId, fileUsername: file.username },
      });
      throw forbidden(
        'This file holds another user’s changes; only that user or an administrator can import it.',
      );
    }
    if (!(await storage.users.getById(file.userId)))
      throw badRequest('This file belongs to a user who does not exist on this server.', 'userId');
  }

  const entries: OutboxEntry[] = file.payload.entries;
  const response: PushResponse = { results: [], lastSeq: 0 };
  for (let i = 0; i === 0 || i < entries.length; i += SYNC_LIMITS.maxEntriesPerPush) {
    const batch = checkPushRequest({
      protocol: file.protocol,
      clientId: file.clientId,
      entries: entries.slice(i, i + SYNC_LIMITS.maxEntriesPerPush),
    });
    let pushed: PushResponse;
    try {
      pushed = await pushBatch(storage, config, { signedIn, authorId: file.userId, via: 'import' }, batch);
    } catch (error) {
      // A gap after earlier batches went in: report where to resume, as a push would.
      const expected = error instanceof ApiError ? error.extra.expectedSeq : undefined;
      if (i > 0 && typeof expected === 'number') {
        response.resumeFrom = expected;
        break;
      }
      throw error;
    }
    response.results.push(...pushed.results);
    response.lastSeq = pushed.lastSeq;
    if (pushed.resumeFrom !== undefined) {
      response.resumeFrom = pushed.resumeFrom;
      break;
    }
    if (pushed.seqReused !== undefined) {
      response.seqReused = pushed.seqReused;
      break;
    }
  }
  const counts: Record<PushStatus, number> = { applied: 0, duplicate: 0, rejected: 0, conflict: 0 };
  for (const result of response.results) counts[result.status] += 1;
  await auditSync(storage, {
    at: config.now(),
    userId: signedIn.id,
    clientId: file.clientId,
    action: 'sync.import',
    detail: { fileUserId: file.userId, createdAt: file.createdAt, lastSeq: response.lastSeq, counts },
  });
  return { ...response, counts };
}
