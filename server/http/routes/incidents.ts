// Incidents: verification of an activity log's hash chain on the server, for records officers.
// GET /api/incidents/logs/:logId/verify reads the log and its entries in one snapshot and rehashes them
// with node:crypto (server/sync/verify-log.ts). Signed-in users who may read the log's department only; a
// log they may not read gets the same 404 as one that does not exist (an id must not tell what exists).
// Every verification is audited (who, which log, the result): a verification is itself part of the record.
// The general per-session API rate limit covers the route. See docs/incidents.md and docs/operations.md.
import type { FastifyInstance } from 'fastify';
import { isRecordId } from '../../../src/domain/sync/record-id';
import { canRead } from '../../../src/domain/sync/write-access';
import { badRequest, notFound } from '../../errors';
import { auditSync } from '../../sync/sync-audit';
import type { LogVerification } from '../../sync/verify-log';
import { readLog, verifyStoredLog } from '../../sync/verify-log';
import type { AppContext } from '../app-context';
import { authOf, requireUser } from '../session-auth';

/** The answer of the verify route: the chain's result, plus which log and what its head says. */
export interface LogVerifyResponse extends LogVerification {
  logId: string;
  /** The log's own chain state as stored (what a printed ICS 214 shows beside its final hash). */
  entryCount: number;
  verifiedAt: string;
}

const NOT_FOUND_WHAT = 'This activity log';

/** The id's shape is checked in the handler, with a message that says what is expected. */
const logParamsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['logId'],
  properties: { logId: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;
/** No query parameters: anything sent is refused rather than ignored. */
const noQuerySchema = { type: 'object', additionalProperties: false, properties: {} } as const;

export function registerIncidentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { config, storage } = ctx;

  app.get<{ Params: { logId: string } }>(
    '/api/incidents/logs/:logId/verify',
    { preHandler: requireUser(ctx), schema: { params: logParamsSchema, querystring: noQuerySchema } },
    async (request): Promise<LogVerifyResponse> => {
      const { user } = authOf(request);
      const { logId } = request.params;
      if (!isRecordId(logId))
        throw badRequest("logId must be an activity log's id (a lowercase UUID).", 'logId');
      // The log and its entries from one snapshot: a push landing between two reads would look like tampering.
      const found = await storage.transaction((tx) => readLog(tx, logId), { readOnly: true });
      const at = config.now();
      if (!found || !canRead(user, found.log.dept)) {
        if (found)
          await auditSync(storage, {
            at,
            userId: user.id,
            clientId: null,
            action: 'incidents.verify_forbidden',
            detail: { logId, dept: found.log.dept },
          });
        throw notFound(NOT_FOUND_WHAT);
      }
      const { log, entries } = found;
      const result = await verifyStoredLog(log, entries);
      await auditSync(storage, {
        at,
        userId: user.id,
        clientId: null,
        action: 'incidents.verify',
        detail: {
          logId,
          ok: result.ok,
          checked: result.checked,
          headHash: result.headHash,
          ...(result.broken ? { broken: result.broken } : {}),
        },
      });
      return {
        logId,
        entryCount: typeof log.fields.entryCount === 'number' ? log.fields.entryCount : 0,
        verifiedAt: at.toISOString(),
        ...result,
      };
    },
  );
}
