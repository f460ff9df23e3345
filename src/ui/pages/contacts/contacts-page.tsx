// The contacts list: search by name, position or phone as you type, "Needs checking" for contacts not
// verified in a number of days kept on this device (180 unless changed), tap-to-call on each primary
// number, and links to each contact and to a new one. Reads go through the search index
// (contact-queries.ts); only the rows on screen are read and rendered.
import { useEffect, useState } from 'preact/hooks';
import { isStale } from '../../../domain/contacts/calldown';
import type { RecordView } from '../../../storage';
import {
  readContacts,
  readStaleDays,
  selectContacts,
  staleCutoff,
  writeStaleDays,
  type ContactSelection,
} from '../../../storage/contact-queries';
import { PageHeading } from '../../components/page-heading';
import { VirtualList, type VisibleRange } from '../../components/virtual-list';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { formatDay, localToday, primaryPhone, text } from './contact-values';
import { contactsMessages, type ContactsT } from './messages';
import { DEFAULT_CALLING_CODES, formatPhone, telHref } from './phone-format';
import '../../styles/contacts.css';

const PAGE = 50;
const ROW_REM = 4.75;
const SEARCH_DELAY_MS = 120;

type Listed = ContactSelection & { stale: boolean; search: string };

interface Loaded {
  selection: Listed;
  start: number;
  rows: RecordView[];
}

export function ContactsPage() {
  const t = useAreaT(contactsMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [onlyStale, setOnlyStale] = useState(false);
  const [daysTyped, setDaysTyped] = useState<string | null>(null);
  const [range, setRange] = useState<VisibleRange>({ first: 0, last: 0 });
  const storedDays = useLiveQuery(() => (db ? readStaleDays(db) : undefined), [db]);
  const today = localToday();

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const days = storedDays ?? null;
  const daysText = daysTyped ?? (days === null ? '' : String(days));
  const daysValid = /^\d+$/.test(daysText.trim()) && Number(daysText) >= 1 && Number(daysText) <= 3_650;
  const onDays = (value: string) => {
    setDaysTyped(value);
    const n = Number(value.trim());
    if (db && /^\d+$/.test(value.trim()) && n >= 1 && n <= 3_650) void writeStaleDays(db, n);
  };

  const verifiedBefore = onlyStale && days !== null ? staleCutoff(today, days) : '';
  const filterKey = JSON.stringify([search, verifiedBefore]);
  // The selection carries what it was read for, so the count and the rows always describe each other.
  const selection = useLiveQuery<Listed | undefined>(
    async () =>
      db && (!onlyStale || days !== null)
        ? {
            ...(await selectContacts(db, {
              text: search,
              verifiedBefore,
              callingCodes: DEFAULT_CALLING_CODES,
            })),
            stale: onlyStale,
            search,
          }
        : undefined,
    [db, filterKey],
  );
  const start = Math.floor(range.first / PAGE) * PAGE;
  const end = Math.ceil((range.last + 1) / PAGE) * PAGE;
  const loaded = useLiveQuery<Loaded | undefined>(
    async () =>
      db && selection
        ? { selection, start, rows: await readContacts(db, selection.ids, start, end - start) }
        : undefined,
    [db, selection, start, end],
  );
  const rowAt = (index: number) =>
    loaded && loaded.selection === selection ? loaded.rows[index - loaded.start] : undefined;
  const count = selection?.ids.length ?? 0;

  return (
    <>
      <PageHeading title={t('contacts.title')}>{t('contacts.title')}</PageHeading>
      {user && user.role !== 'viewer' && (
        <p>
          <a class="button" href="/contacts/new">
            {t('contacts.new')}
          </a>
        </p>
      )}
      <nav aria-label={t('contacts.list.moreNav')} class="contact-more">
        <ul>
          <li>
            <a href="/contacts/trees">{t('contacts.list.trees')}</a>
          </li>
          <li>
            <a href="/contacts/runs">{t('contacts.list.runs')}</a>
          </li>
          <li>
            <a href="/contacts/succession">{t('contacts.list.succession')}</a>
          </li>
          <li>
            <a href={`/contacts/import?${new URLSearchParams({ q: search, before: verifiedBefore })}`}>
              {t('contacts.list.importExport')}
            </a>
          </li>
        </ul>
      </nav>
      <form class="contact-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field contact-search">
          <label for="contact-search">{t('contacts.list.search')}</label>
          <p id="contact-search-hint" class="field-hint">
            {t('contacts.list.searchHint')}
          </p>
          <input
            id="contact-search"
            type="search"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            aria-describedby="contact-search-hint"
            autoComplete="off"
            spellcheck={false}
          />
        </div>
        <div class="contact-stale-filter">
          <input
            id="contact-only-stale"
            type="checkbox"
            checked={onlyStale}
            onChange={(e) => setOnlyStale(e.currentTarget.checked)}
          />
          <label for="contact-only-stale">{t('contacts.list.needsChecking')}</label>
        </div>
        <div class={daysValid ? 'field contact-stale-days' : 'field contact-stale-days field-invalid'}>
          <label for="contact-stale-days">{t('contacts.list.staleDays')}</label>
          <p id="contact-stale-days-hint" class="field-hint">
            {t('contacts.list.staleDaysHint')}
          </p>
          {!daysValid && days !== null && (
            <p id="contact-stale-days-error" class="field-error">
              <span aria-hidden="true">⚠ </span>
              {t('contacts.list.staleDaysError')}
            </p>
          )}
          <input
            id="contact-stale-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            value={daysText}
            onInput={(e) => onDays(e.currentTarget.value)}
            aria-invalid={daysValid ? undefined : 'true'}
            aria-describedby={
              daysValid ? 'contact-stale-days-hint' : 'contact-stale-days-hint contact-stale-days-error'
            }
          />
        </div>
      </form>
      <p class="contact-count" role="status" aria-live="polite">
        {selection === undefined
          ? t('app.loading')
          : selection.stale
            ? t('contacts.list.countStale', { count })
            : t('contacts.list.count', { count })}
        {selection?.truncated && <> {t('contacts.list.truncated', { count })}</>}
      </p>
      {count > 0 && (
        <VirtualList
          id="contact-list"
          label={t('contacts.list.label')}
          count={count}
          rowHeightRem={ROW_REM}
          resetKey={filterKey}
          onRange={setRange}
          renderRow={(index) => <ContactRow t={t} contact={rowAt(index)} today={today} staleDays={days} />}
        />
      )}
      {selection && count === 0 && (
        <p class="empty-state">
          {selection.search
            ? t('contacts.list.noMatch')
            : selection.stale
              ? t('contacts.list.noneStale', { days: days ?? 0 })
              : t('contacts.list.empty')}
        </p>
      )}
    </>
  );
}

function ContactRow(props: {
  t: ContactsT;
  contact: RecordView | undefined;
  today: string;
  staleDays: number | null;
}) {
  const { t, contact } = props;
  if (!contact) return <span class="muted">{t('app.loading')}</span>;
  const f = contact.fields;
  const name = text(f.name);
  const phone = primaryPhone(f);
  const role = [text(f.position), text(f.title), text(f.department)].filter(Boolean).join(' · ');
  const verified = formatDay(f.lastVerified, t.language);
  const stale = props.staleDays !== null && isStale(f.lastVerified, props.today, props.staleDays);
  return (
    <div class="contact-row">
      <div class="contact-row-line">
        <a href={`/contacts/${contact.id}`} class="contact-row-name">
          {name}
        </a>
        {phone ? (
          <a
            class="contact-row-phone"
            href={telHref(phone.number)}
            aria-label={t('contacts.list.call', { name, number: formatPhone(phone.number) })}
          >
            {formatPhone(phone.number)}
          </a>
        ) : (
          <span class="muted">{t('contacts.list.noPhone')}</span>
        )}
        {stale && <span class="tag tag-warning">{t('contacts.list.stale')}</span>}
        {contact.pending && <span class="tag tag-pending">{t('contacts.unsentTag')}</span>}
      </div>
      <div class="contact-row-line muted">
        {role && <span>{role}</span>}
        <span>
          {verified ? t('contacts.list.verified', { date: verified }) : t('contacts.list.neverVerified')}
        </span>
      </div>
    </div>
  );
}
