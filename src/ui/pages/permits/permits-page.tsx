// The Permits list: search by number (official or provisional), address or applicant as you type, filter
// by status, type and application dates, and scroll through any number of permits. Reads go through the
// indexes (permit-queries.ts) and only the rows on screen are read and rendered.
import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { isPastExpiry, PERMIT_STATUSES } from '../../../domain/permits/lifecycle';
import {
  listPermitTypes,
  readFirstPermits,
  readPermitPage,
  selectPermits,
  type PermitFilter,
  type PermitSelection,
} from '../../../storage/permit-queries';
import type { RecordView } from '../../../storage';
import { PageHeading } from '../../components/page-heading';
import { PermitPaperLinks } from './print/print-links';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useDatabase } from '../../sync/use-sync-facts';
import { permitsMessages, type PermitsT } from './messages';
import { canWritePermits, PermitNumber } from './permit-number';
import { formatDay, localToday, statusKey, text } from './permit-helpers';
import { VirtualList, type VisibleRange } from '../../components/virtual-list';
import { readEarly, useEarlyRead } from '../../boot/early-reads';
import '../../styles/permits.css';

const PAGE = 50;
const ROW_REM = 6;
const SEARCH_DELAY_MS = 120;
const NO_FILTER: PermitFilter = { text: '', status: '', type: '', appliedFrom: '', appliedTo: '' };
const NO_FILTER_KEY = JSON.stringify(NO_FILTER);

// Opened on the list: its first rows are read as soon as storage is open, beside the shell's reads, so the
// first render shows them (the count and the live queries follow).
readEarly('/permits', 'first', (db) => readFirstPermits(db, NO_FILTER, PAGE));

/** Rows loaded for a selection: a window of the list, from `start`. */
interface Loaded {
  selection: PermitSelection;
  start: number;
  rows: RecordView[];
}

export function PermitsPage() {
  const t = useAreaT(permitsMessages);
  const { route } = useLocation();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const [appliedFrom, setAppliedFrom] = useState('');
  const [appliedTo, setAppliedTo] = useState('');
  const [range, setRange] = useState<VisibleRange>({ first: 0, last: 0 });

  // Light debounce: a fast typist's every keystroke does not start a query.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const filter: PermitFilter = { text: search, status, type, appliedFrom, appliedTo };
  const filterKey = JSON.stringify(filter);
  const early = useEarlyRead<RecordView[] | null>('/permits', 'first', db);
  const selection = useLiveQuery(() => (db ? selectPermits(db, filter) : undefined), [db, filterKey]);
  // The first rows, read beside the selection without waiting for its count (see readFirstPermits), so
  // the list shows them as soon as they are read; null for a search, which needs its selection.
  const head = useLiveQuery(
    async () => (db ? { key: filterKey, rows: await readFirstPermits(db, filter, PAGE) } : undefined),
    [db, filterKey],
  );
  const headRows =
    head?.key === filterKey
      ? head.rows
      : filterKey === NO_FILTER_KEY && head === undefined
        ? (early ?? null)
        : null;
  // The type filter's choices are read once the list has something to show, not before its first rows.
  const listed = selection !== undefined;
  const types = useLiveQuery(() => (db && listed ? listPermitTypes(db) : []), [db, listed]);

  const start = Math.floor(range.first / PAGE) * PAGE;
  const end = Math.ceil((range.last + 1) / PAGE) * PAGE;
  const loaded = useLiveQuery<Loaded | undefined>(
    async () =>
      db && selection
        ? { selection, start, rows: await readPermitPage(db, selection, start, end - start) }
        : undefined,
    [db, selection, start, end],
  );
  const today = useMemo(() => localToday(), []);

  const rowAt = (index: number): RecordView | undefined =>
    headRows && index < headRows.length
      ? headRows[index]
      : loaded && loaded.selection === selection
        ? loaded.rows[index - loaded.start]
        : undefined;
  // Until the count is known, the list is as long as the first rows read.
  const listCount = selection ? selection.count : (headRows?.length ?? 0);

  return (
    <>
      <PageHeading title={t('permits.title')}>{t('permits.title')}</PageHeading>
      {user && canWritePermits(user) && (
        <p>
          <button type="button" class="button" onClick={() => route('/permits/new')}>
            {t('permits.new')}
          </button>
        </p>
      )}
      <nav aria-label={t('permits.moreNav')} class="permit-more">
        <ul>
          <li>
            <a href="/permits/inspections/today">{t('permits.todayLink')}</a>
          </li>
          <li>
            <a href="/permits/import">{t('permits.importLink')}</a>
          </li>
        </ul>
        <PermitPaperLinks />
      </nav>
      <form class="permit-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field permit-search">
          <label for="permit-search">{t('permits.search')}</label>
          <p id="permit-search-hint" class="field-hint">
            {t('permits.searchHint')}
          </p>
          <input
            id="permit-search"
            type="search"
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
            aria-describedby="permit-search-hint"
            aria-controls={selection && selection.count > 0 ? 'permit-list' : undefined}
            autoComplete="off"
            spellcheck={false}
          />
        </div>
        <div class="field">
          <label for="permit-filter-status">{t('permits.filter.status')}</label>
          <select id="permit-filter-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{t('permits.filter.any')}</option>
            {PERMIT_STATUSES.map((code) => (
              <option key={code} value={code}>
                {t(statusKey(code))}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="permit-filter-type">{t('permits.filter.type')}</label>
          <select id="permit-filter-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">{t('permits.filter.any')}</option>
            {(types ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="permit-filter-from">{t('permits.filter.appliedFrom')}</label>
          <input
            id="permit-filter-from"
            type="date"
            value={appliedFrom}
            onInput={(e) => setAppliedFrom(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="permit-filter-to">{t('permits.filter.appliedTo')}</label>
          <input
            id="permit-filter-to"
            type="date"
            value={appliedTo}
            onInput={(e) => setAppliedTo(e.currentTarget.value)}
          />
        </div>
      </form>
      <p class="permit-count" role="status" aria-live="polite">
        {selection === undefined
          ? t('app.loading')
          : selection.mode === 'ids' && selection.truncated
            ? t('permits.countTruncated', { count: selection.count })
            : t('permits.count', { count: selection.count })}
      </p>
      {listCount > 0 && (
        <VirtualList
          id="permit-list"
          label={t('permits.listLabel')}
          count={listCount}
          rowHeightRem={ROW_REM}
          resetKey={filterKey}
          onRange={setRange}
          renderRow={(index) => <PermitRow t={t} permit={rowAt(index)} today={today} />}
        />
      )}
      {selection && selection.count === 0 && (
        <p class="empty-state">
          {search || status || type || appliedFrom || appliedTo ? t('permits.noMatch') : t('permits.empty')}
        </p>
      )}
    </>
  );
}

function PermitRow({ t, permit, today }: { t: PermitsT; permit: RecordView | undefined; today: string }) {
  if (!permit) return <span class="muted">{t('app.loading')}</span>;
  const f = permit.fields;
  return (
    <div class="permit-row">
      <div class="permit-row-line">
        <a href={`/permits/${permit.id}`} class="permit-row-number">
          <PermitNumber t={t} fields={f} />
        </a>
        <span class="permit-row-status">{t(statusKey(f.status))}</span>
        {isPastExpiry(f, today) && <span class="tag tag-warning">{t('permits.expiredFlag')}</span>}
        {permit.pending && <span class="tag tag-pending">{t('permits.unsentTag')}</span>}
      </div>
      <div class="permit-row-line">
        <span class="permit-row-address">{text(f.address)}</span>
      </div>
      <div class="permit-row-line muted">
        <span>{t('permits.row.applicant', { name: text(f.applicantName) || '—' })}</span>
        <span>{t('permits.row.applied', { date: formatDay(f.appliedDate, t.language) || '—' })}</span>
      </div>
    </div>
  );
}
