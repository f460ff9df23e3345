// One ICS 213 general message: its blocks, and its reply or the Reply form. A message takes one reply: a
// second is refused on this device with the plain reason, and one written elsewhere at the same time is
// refused by the server and shown here under "Needs attention".
import { useRoute } from 'preact-iso';
import { v7 as uuidv7 } from 'uuid';
import { ics213ReplyKind } from '../../../../domain/incidents/incident-kinds';
import { getRecord, listRejections, type RejectionRow } from '../../../../storage';
import { listReplies } from '../../../../storage/incident-queries';
import type { RecordView } from '../../../../storage/sync-queries';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { writeChange } from '../../../sync/write-change';
import { ExerciseBadge } from '../exercise-badge';
import { formatTime24, text } from '../incident-helpers';
import { writeProblem } from '../incident-write';
import { incidentsMessages, type IncidentsKey, type IncidentsT } from '../messages';
import { EntryForm, type EntryGroup } from './entry-form';
import '../../../styles/incidents.css';

const REPLY_GROUPS: EntryGroup[] = [
  {
    fields: [
      { field: 'reply', label: 'incidents.field.reply', control: 'textarea', required: true },
      { field: 'repliedByName', label: 'incidents.field.repliedByName', required: true },
      { field: 'repliedByPosition', label: 'incidents.field.repliedByPosition' },
      { field: 'repliedAt', label: 'incidents.field.repliedAt', control: 'time', required: true },
    ],
  },
];

/** This user's refused replies to this message. */
function refusedReplies(rows: RejectionRow[], messageId: string): RejectionRow[] {
  return rows.filter((row) => {
    const args = row.entry.args as { kind?: string; fields?: { messageId?: unknown } };
    return args.kind === 'ics213_reply' && args.fields?.messageId === messageId;
  });
}

export function MessagePage() {
  const t = useAreaT(incidentsMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const incidentId = params.id ?? '';
  const messageId = params.messageId ?? '';
  const incident = useLiveQuery(() => (db ? getRecord(db, incidentId) : undefined), [db, incidentId]);
  const message = useLiveQuery(() => (db ? getRecord(db, messageId) : undefined), [db, messageId]);
  const replies = useLiveQuery(() => (db ? listReplies(db, messageId) : []), [db, messageId]);
  const refused = useLiveQuery(
    async () => (db && user ? refusedReplies(await listRejections(db, user.id), messageId) : []),
    [db, user?.id, messageId],
  );

  if (incident === undefined || message === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (
    !message ||
    message.kind !== 'ics213_message' ||
    message.deleted ||
    message.fields.incidentId !== incidentId
  )
    return (
      <>
        <PageHeading title={t('incidents.msg.pageHeading')}>{t('incidents.msg.pageHeading')}</PageHeading>
        <p class="empty-state">{t('incidents.msg.notFound')}</p>
        <p>
          <a href={`/incidents/${incidentId}`}>{t('incidents.msg.backToIncident')}</a>
        </p>
      </>
    );

  const f = message.fields;
  const subject = text(f.subject);
  const reply = replies?.find((r) => r.id === f.replyId) ?? replies?.[0];
  const writable = !!user && user.role !== 'viewer';

  return (
    <>
      <PageHeading title={t('incidents.msg.title', { subject })}>
        {t('incidents.msg.pageHeading')}: {subject}
      </PageHeading>
      <p class="incident-summary">
        <ExerciseBadge exercise={incident?.fields.exercise} long />
        <span>
          {t('incidents.msg.incident')}:{' '}
          <a href={`/incidents/${incidentId}`}>{text(incident?.fields.name)}</a>
        </span>
        {message.pending && <span class="tag tag-pending">{t('incidents.unsentTag')}</span>}
      </p>
      {refused && refused.length > 0 && (
        <div class="incident-attention" role="note" aria-labelledby="reply-attention-heading">
          <h2 id="reply-attention-heading">{t('incidents.reply.attentionHeading')}</h2>
          <ul>
            {refused.map((row) => (
              <li key={`${row.clientId}:${row.seq}`}>
                {row.reason.code === 'not_allowed'
                  ? t('incidents.reply.refused')
                  : t.language === 'en'
                    ? row.reason.message
                    : `${t('incidents.reply.refused')} (${row.reason.message})`}
              </li>
            ))}
          </ul>
          <p>
            <a href="/sync/attention">{t('incidents.reply.attentionLink')}</a>
          </p>
        </div>
      )}
      <dl class="facts incident-facts">
        <Fact t={t} label="incidents.field.toName" value={f.toName} />
        <Fact t={t} label="incidents.field.toPosition" value={f.toPosition} />
        <Fact t={t} label="incidents.field.fromName" value={f.fromName} />
        <Fact t={t} label="incidents.field.fromPosition" value={f.fromPosition} />
        <Fact t={t} label="incidents.field.subject" value={f.subject} />
        <Fact t={t} label="incidents.field.sentAt" value={formatTime24(f.sentAt, t.language)} />
        <Fact t={t} label="incidents.field.approvedByName" value={f.approvedByName} />
        <Fact t={t} label="incidents.field.approvedByPosition" value={f.approvedByPosition} />
      </dl>
      <h2>{t('incidents.field.message')}</h2>
      <p class="incident-message-text">{text(f.message)}</p>
      <p>
        <a href={`/incidents/${incidentId}/general-messages/${messageId}/print`}>
          {t('incidents.msg.print')}
        </a>
      </p>

      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading" tabIndex={-1}>
          {t('incidents.reply.heading')}
        </h2>
        {reply ? <ReplyView t={t} reply={reply} /> : <p class="muted">{t('incidents.reply.none')}</p>}
        {writable && (
          <ReplyForm
            key={reply?.id ?? 'none'}
            message={message}
            answered={!!reply || typeof f.replyId === 'string'}
          />
        )}
      </section>
      <p>
        <a href={`/incidents/${incidentId}`}>{t('incidents.msg.backToIncident')}</a>
      </p>
    </>
  );
}

function Fact({ t, label, value }: { t: IncidentsT; label: IncidentsKey; value: unknown }) {
  return (
    <div class="incident-fact">
      <dt>{t(label)}</dt>
      <dd>{typeof value === 'string' && value ? value : t('incidents.none')}</dd>
    </div>
  );
}

function ReplyView({ t, reply }: { t: IncidentsT; reply: RecordView }) {
  const f = reply.fields;
  return (
    <>
      <p class="incident-message-text">{text(f.reply)}</p>
      <dl class="facts incident-facts">
        <Fact t={t} label="incidents.field.repliedByName" value={f.repliedByName} />
        <Fact t={t} label="incidents.field.repliedByPosition" value={f.repliedByPosition} />
        <Fact t={t} label="incidents.field.repliedAt" value={formatTime24(f.repliedAt, t.language)} />
      </dl>
      {reply.pending && <p class="tag tag-pending">{t('incidents.unsentTag')}</p>}
    </>
  );
}

/**
 * The Reply form. Once the message has a reply the form is not offered again; a reply saved meanwhile from
 * another tab is refused by the mutator and explained in plain words.
 */
function ReplyForm({ message, answered }: { message: RecordView; answered: boolean }) {
  const t = useAreaT(incidentsMessages);
  const announce = useAppStore((state) => state.announce);
  if (answered) return <p class="incident-reply-closed">{t('incidents.reply.already')}</p>;
  return (
    <EntryForm
      idPrefix="reply"
      kind={ics213ReplyKind}
      groups={REPLY_GROUPS}
      base={{ messageId: message.id, incidentId: String(message.fields.incidentId) }}
      submitLabel={t('incidents.reply.send')}
      labelledBy="reply-heading"
      onSave={async (fields) => {
        const result = await writeChange('entry.append', {
          kind: 'ics213_reply',
          id: uuidv7(),
          dept: message.dept,
          fields,
        });
        const problem = writeProblem(t, result);
        if (problem) return problem;
        announce(t('incidents.reply.saved'));
        // The form gives way to the reply: focus goes to the section's heading, just above the reply.
        document.getElementById('reply-heading')?.focus();
        return null;
      }}
    />
  );
}
