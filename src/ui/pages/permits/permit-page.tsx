// One permit: all its details, its status with "Change status" and the status history, its fees, its
// inspections, and any of its changes the server refused ("Needs attention").
import { useRoute } from 'preact-iso';
import { isPastExpiry } from '../../../domain/permits/lifecycle';
import type { JsonValue } from '../../../domain/sync';
import { getRecord, listRejections, type RecordView, type RejectionRow } from '../../../storage';
import { listStatusEvents } from '../../../storage/permit-queries';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../format/format-date-time';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { PermitInspections } from './inspections/permit-inspections';
import { permitsMessages, type PermitsT } from './messages';
import { PermitFees } from './permit-fees';
import { canWritePermits, PermitNumber, permitNumberText } from './permit-number';
import {
  fieldLabelKey,
  formatDay,
  formatMoney,
  localToday,
  statusKey,
  statusOf,
  text,
} from './permit-helpers';
import { StatusChange } from './status-change';
import { PERMIT_EDITABLE_FIELDS } from '../../../domain/permits/permit-kinds';
import '../../styles/permits.css';

/** Everything a clerk fills in, in the form's order (number and status are shown above them). */
const SUMMARY_FIELDS = PERMIT_EDITABLE_FIELDS;

const DATE_FIELDS: readonly string[] = ['appliedDate', 'issuedDate', 'finaledDate', 'expiryDate'];

/** Refused changes of this user about this permit (its own edits, status changes and fees). */
function aboutPermit(rows: RejectionRow[], permitId: string): RejectionRow[] {
  return rows.filter((row) => {
    const args = row.entry.args as { id?: string; fields?: { permitId?: unknown } };
    return args.id === permitId || args.fields?.permitId === permitId;
  });
}

export function PermitPage() {
  const t = useAreaT(permitsMessages);
  const { params } = useRoute();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const id = params.id ?? '';
  const permit = useLiveQuery(() => (db ? getRecord(db, id) : undefined), [db, id]);
  const events = useLiveQuery(() => (db ? listStatusEvents(db, id) : []), [db, id]);
  const refused = useLiveQuery(
    async () => (db && user ? aboutPermit(await listRejections(db, user.id), id) : []),
    [db, user?.id, id],
  );

  if (permit === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (permit === null || permit.kind !== 'permit' || permit.deleted)
    return (
      <>
        <PageHeading title={t('permits.title')}>{t('permits.title')}</PageHeading>
        <p class="empty-state">{t('permits.notFound')}</p>
        <p>
          <a href="/permits">{t('permits.back')}</a>
        </p>
      </>
    );

  const f = permit.fields;
  const number = permitNumberText(t, f);
  const title = t('permits.permitTitle', { number });
  const current = statusOf(f.status);
  const writable = !!user && canWritePermits(user);

  return (
    <>
      <PageHeading title={title}>
        {t('permits.permitHeading')} <PermitNumber t={t} fields={f} />
      </PageHeading>
      {text(f.number) && text(f.provisionalNumber) && (
        <p class="muted">{t('permits.wasProvisional', { number: text(f.provisionalNumber) })}</p>
      )}
      <p class="permit-status-line">
        <strong>{t('permits.field.status')}:</strong> {t(statusKey(f.status))}
        {isPastExpiry(f, localToday()) && <span class="tag tag-warning">{t('permits.expiredFlag')}</span>}
        {permit.pending && <span class="tag tag-pending">{t('permits.unsentTag')}</span>}
        {(text(f.paperCode) || text(f.paperReceivedAt)) && (
          <span class="tag">{t('permits.fromPaperTag')}</span>
        )}
      </p>
      {refused && refused.length > 0 && (
        <div class="permit-attention" role="note" aria-labelledby="permit-attention-heading">
          <h2 id="permit-attention-heading">{t('permits.attention.heading')}</h2>
          <ul>
            {refused.map((row) => (
              <li key={`${row.clientId}:${row.seq}`}>{refusalText(t, row)}</li>
            ))}
          </ul>
          <p>
            <a href="/sync/attention">{t('permits.attention.link')}</a>
          </p>
        </div>
      )}
      <p class="permit-actions">
        {writable && <a href={`/permits/${permit.id}/edit`}>{t('permits.edit')}</a>}
        <a href={`/permits/${permit.id}/print`}>{t('permits.print')}</a>
        <a href="/permits">{t('permits.back')}</a>
      </p>

      <section aria-labelledby="permit-details-heading">
        <h2 id="permit-details-heading">{t('permits.details')}</h2>
        <dl class="facts permit-facts">
          <div class="permit-fact">
            <dt>{t('permits.field.dept')}</dt>
            <dd>{permit.dept}</dd>
          </div>
          {SUMMARY_FIELDS.map((field) => (
            <div key={field} class="permit-fact">
              <dt>{t(fieldLabelKey(field))}</dt>
              <dd>{summaryValue(t, field, f[field])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="permit-status-heading">
        <h2 id="permit-status-heading">{t('permits.statusHeading')}</h2>
        {writable && current && <StatusChange key={current} permit={permit} current={current} />}
        <StatusHistory t={t} events={events ?? []} />
      </section>

      <section aria-labelledby="permit-fees-heading">
        <h2 id="permit-fees-heading">{t('permits.fees.heading')}</h2>
        <PermitFees permit={permit} writable={writable} />
      </section>

      <PermitInspections permit={permit} />
    </>
  );
}

/** A refused change in the reader's language; the server's English sentence follows as detail. */
function refusalText(t: PermitsT, row: RejectionRow): string {
  const args = row.entry.args as { kind?: string; fields?: { to?: unknown } };
  const general =
    args.kind === 'permit_status_event' && row.reason.code === 'not_allowed'
      ? t('permits.attention.moveRefused', { status: t(statusKey(args.fields?.to as string)) })
      : t('permits.attention.refused');
  return t.language === 'en' ? row.reason.message : `${general} (${row.reason.message})`;
}

function summaryValue(t: PermitsT, field: string, value: JsonValue | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'valuationCents' && typeof value === 'number') return formatMoney(value, t.language);
  if (DATE_FIELDS.includes(field)) return formatDay(value, t.language);
  if (field === 'paperReceivedAt' && typeof value === 'string') return formatDateTime(value, t.language);
  return text(value);
}

function StatusHistory({ t, events }: { t: PermitsT; events: RecordView[] }) {
  return (
    <>
      <h3>{t('permits.history')}</h3>
      {events.length === 0 ? (
        <p class="muted">{t('permits.history.none')}</p>
      ) : (
        <ol class="permit-history">
          {events.map((event) => (
            <li key={event.id}>
              <strong>
                {t('permits.history.move', {
                  from: t(statusKey(event.fields.from)),
                  to: t(statusKey(event.fields.to)),
                })}
              </strong>{' '}
              <span class="muted">
                {t('permits.history.by', {
                  user: event.createdBy,
                  time: formatDateTime(event.createdAt, t.language),
                })}
              </span>
              {event.pending && <span class="tag tag-pending">{t('permits.unsentTag')}</span>}
              {text(event.fields.reason) && <p class="permit-history-reason">{text(event.fields.reason)}</p>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
