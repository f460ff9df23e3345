// The outage packet reminder: "remind me to print the outage packet every N days" (per device, kept in
// meta like the other device settings), when it was last printed, and a notice with a link to print it
// when it is due (never printed, printed more than N days ago, or many records changed since:
// packetReminder in packet-queries.ts; the changes are counted from the index, never by a scan).
import { useState } from 'preact/hooks';
import {
  countChangedSince,
  packetReminder,
  readPacketPrinted,
  readPacketReminderDays,
  writePacketReminderDays,
} from '../../../storage/packet-queries';
import { formatDateTime } from '../../format/format-date-time';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { deviceMessages, type DeviceT } from './messages';

async function readFacts(db: NonNullable<ReturnType<typeof useDatabase>>) {
  const [printed, days] = await Promise.all([readPacketPrinted(db), readPacketReminderDays(db)]);
  const changed = printed ? await countChangedSince(db, printed.at, printed.records) : 0;
  return { printed, days, changed };
}

function reminderText(t: DeviceT, reminder: ReturnType<typeof packetReminder>): string {
  if (!reminder.due) return '';
  switch (reminder.reason) {
    case 'never':
      return t('device.packetNever');
    case 'old':
      return t('device.packetOld', { count: reminder.daysAgo });
    case 'changed':
      return t('device.packetChanged', { count: reminder.changed });
  }
}

export function PacketSection() {
  const t = useAreaT(deviceMessages);
  const db = useDatabase();
  const facts = useLiveQuery(() => (db ? readFacts(db) : undefined), [db]);
  const [typed, setTyped] = useState<string | null>(null);
  if (!db || !facts) return null;
  const text = typed ?? String(facts.days);
  const valid = /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 365;
  const reminder = packetReminder({ ...facts, now: new Date() });
  return (
    <section aria-labelledby="device-packet">
      <h2 id="device-packet">{t('device.packetHeading')}</h2>
      {reminder.due && (
        <div class="notice notice-warning packet-reminder" role="status">
          <p>
            <strong>{t('device.packetDue')}</strong> {reminderText(t, reminder)}
          </p>
          <p>
            <a href="/print/packet">{t('device.packetPrint')}</a>
          </p>
        </div>
      )}
      <dl class="facts">
        <div>
          <dt>{t('device.packetLast')}</dt>
          <dd id="device-packet-last">
            {facts.printed
              ? t('device.packetLastValue', {
                  time: formatDateTime(facts.printed.at, t.language),
                  count: facts.changed,
                })
              : t('device.packetNeverShort')}
          </dd>
        </div>
      </dl>
      <div class="field">
        <label for="device-packet-days">{t('device.packetDays')}</label>
        <input
          id="device-packet-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={text}
          aria-invalid={valid ? undefined : 'true'}
          aria-describedby="device-packet-days-hint"
          onInput={(event) => {
            const value = event.currentTarget.value;
            setTyped(value);
            const n = Number(value);
            if (/^\d+$/.test(value.trim()) && n >= 1 && n <= 365) void writePacketReminderDays(db, n);
          }}
        />
        <p id="device-packet-days-hint" class="field-hint">
          {valid ? t('device.packetDaysHint') : t('device.packetDaysInvalid')}
        </p>
      </div>
      {!reminder.due && (
        <p>
          <a href="/print/packet">{t('device.packetPrint')}</a>
        </p>
      )}
    </section>
  );
}
