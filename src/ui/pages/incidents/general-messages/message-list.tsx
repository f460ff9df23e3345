// The incident page's list of ICS 213 general messages: subject, from and to, time, replied or awaiting.
import type { RecordView } from '../../../../storage/sync-queries';
import { formatTime24, text } from '../incident-helpers';
import type { IncidentsT } from '../messages';

export function MessageList(props: { t: IncidentsT; incidentId: string; messages: RecordView[] }) {
  const { t, incidentId, messages } = props;
  if (messages.length === 0) return <p class="muted">{t('incidents.msg.none')}</p>;
  return (
    <ul class="incident-messages" aria-label={t('incidents.msg.listLabel')}>
      {messages.map((message) => {
        const f = message.fields;
        return (
          <li key={message.id}>
            <a href={`/incidents/${incidentId}/general-messages/${message.id}`}>
              {t('incidents.msg.row', {
                subject: text(f.subject),
                from: text(f.fromName),
                to: text(f.toName),
              })}
            </a>{' '}
            <time dateTime={text(f.sentAt)} class="muted">
              {formatTime24(f.sentAt, t.language)}
            </time>{' '}
            <span class="tag">
              {t(typeof f.replyId === 'string' ? 'incidents.msg.replied' : 'incidents.msg.awaiting')}
            </span>
            {message.pending && <span class="tag tag-pending">{t('incidents.unsentTag')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
