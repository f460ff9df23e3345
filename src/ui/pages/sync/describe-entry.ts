// What a queued change was, in words: "New note “Culvert”", "Edit of note “Culvert”: Title, Status".
import type { OutboxEntry, JsonObject } from '../../../domain/sync';
import type { RecordView } from '../../../storage';
import type { SyncInboxKey } from './messages';
import type { SyncInboxT } from './messages';

const fieldKeys: Record<string, SyncInboxKey> = {
  title: 'notes.field.title',
  body: 'notes.field.body',
  status: 'notes.field.status',
};

export function fieldLabel(t: SyncInboxT, field: string): string {
  const key = fieldKeys[field];
  return key ? t(key) : field;
}

export function describeEntry(t: SyncInboxT, entry: OutboxEntry, record: RecordView | null): string {
  const args = entry.args as { fields?: JsonObject };
  const fields = args.fields ?? {};
  const title = String(fields.title ?? record?.fields.title ?? '');
  switch (entry.name) {
    case 'record.create':
      return t('attention.what.create', { title });
    case 'record.createMany': {
      // An import: the first record names it (a permit by its number).
      const creates = (entry.args as { creates?: { fields?: JsonObject }[] }).creates ?? [];
      const first = creates[0]?.fields ?? {};
      return t('attention.what.createMany', {
        count: creates.length,
        title: String(first.title ?? first.number ?? first.name ?? ''),
      });
    }
    case 'record.update':
      return t('attention.what.update', {
        title,
        fields: Object.keys(fields)
          .map((f) => fieldLabel(t, f))
          .join(', '),
      });
    case 'record.delete':
      return t('attention.what.delete', { title });
    case 'entry.append':
      return t('attention.what.comment', { text: String(fields.text ?? '') });
    case 'conflict.resolve':
      return t('attention.what.resolve');
  }
}
