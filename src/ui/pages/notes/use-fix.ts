// "Fix" from Needs attention opens a note form with the refused change's values: `?fix=<clientId>:<seq>`.
import { useLocation } from 'preact-iso';
import type { JsonObject } from '../../../domain/sync';
import { discardRejection, getRejection, type RejectionRow } from '../../../storage';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useDatabase } from '../../sync/use-sync-facts';

export function fixLink(row: Pick<RejectionRow, 'clientId' | 'seq' | 'entry'>): string | null {
  const args = row.entry.args as { kind?: string; id?: string; fields?: JsonObject };
  if (args.kind !== 'note') return null;
  const query = `?fix=${encodeURIComponent(`${row.clientId}:${row.seq}`)}`;
  if (row.entry.name === 'record.create') return `/notes/new${query}`;
  if (row.entry.name === 'record.update') return `/notes/${args.id}${query}`;
  return null;
}

/** The refused change being fixed (undefined while loading, null when there is none). */
export function useFix(): {
  fields: JsonObject | null | undefined;
  resolve: () => Promise<void>;
} {
  const db = useDatabase();
  const { query } = useLocation();
  const [clientId, seqText] = (query.fix ?? '').split(':');
  const seq = Number(seqText);
  const row = useLiveQuery(
    () => (db && clientId && seq ? getRejection(db, clientId, seq) : null),
    [db, clientId, seq],
  );
  const fields =
    row === undefined
      ? undefined
      : ((row?.entry.args as { fields?: JsonObject } | undefined)?.fields ?? null);
  return {
    fields,
    resolve: async () => {
      if (db && row) await discardRejection(db, row.clientId, row.seq);
    },
  };
}
