// Orders of succession for key positions: who acts when the first in line cannot be reached. Each position
// lists its people in order, with buttons to move one up or down, remove one, and add someone found by name.
import { useLayoutEffect, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import type { RecordView } from '../../../../storage/sync-queries';
import { listSuccessions } from '../../../../storage/tree-queries';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { TextField } from '../../../components/text-field';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ContactPicker } from './contact-picker';
import { treesMessages, type TreesT } from './messages';
import { nameOf } from './tree-labels';
import { change } from './tree-write';
import '../../../styles/contact-trees.css';

const MAX_IN_LINE = 20;
const idsOf = (succession: RecordView): string[] =>
  Array.isArray(succession.fields.contactIds)
    ? succession.fields.contactIds.filter((id): id is string => typeof id === 'string')
    : [];

export function SuccessionPage() {
  const t = useAreaT(treesMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const read = useLiveQuery(() => (db ? listSuccessions(db) : null), [db]);
  const writable = !!user && user.role !== 'viewer' && user.departments.length > 0;

  return (
    <>
      <PageHeading title={t('succession.title')}>{t('succession.title')}</PageHeading>
      <p>{t('succession.intro')}</p>
      <p>
        <a href="/contacts">{t('trees.backToContacts')}</a> · <a href="/contacts/trees">{t('trees.title')}</a>
      </p>
      {!read ? (
        <p class="muted">{t('app.loading')}</p>
      ) : read.successions.length === 0 ? (
        <p class="empty-state">{t('succession.empty')}</p>
      ) : (
        read.successions.map((succession) => (
          <Succession
            key={succession.id}
            t={t}
            succession={succession}
            contacts={read.contacts}
            writable={writable}
          />
        ))
      )}
      {writable && user && <NewSuccession t={t} dept={user.departments[0]!} />}
    </>
  );
}

function Succession(props: {
  t: TreesT;
  succession: RecordView;
  contacts: Map<string, RecordView>;
  writable: boolean;
}) {
  const { t, succession, contacts, writable } = props;
  const announce = useAppStore((state) => state.announce);
  const position = String(succession.fields.position ?? '');
  const ids = idsOf(succession);
  const [error, setError] = useState<string | null>(null);
  const headingId = `succession-${succession.id}`;

  const save = async (contactIds: string[], said: string): Promise<string | null> => {
    const problem = await change(t, 'record.update', {
      kind: 'succession',
      id: succession.id,
      fields: { contactIds },
    });
    const message = problem ? (problem.fields.contactIds ?? problem.message) : null;
    setError(message);
    if (!message) announce(said);
    return message;
  };
  // After a move the person's row changes place; keyboard focus stays on their button (or the other
  // direction's, when they reached an end).
  const [refocus, setRefocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const order = ids.join(' ');
  useLayoutEffect(() => {
    if (!refocus) return;
    const button = (dir: string) =>
      document.getElementById(`${headingId}-${dir}-${refocus.id}`) as HTMLButtonElement | null;
    const same = button(refocus.dir);
    (same && !same.disabled ? same : button(refocus.dir === 'up' ? 'down' : 'up'))?.focus();
  }, [order, refocus]);
  const swap = (i: number, j: number) => {
    const next = [...ids];
    [next[i], next[j]] = [next[j]!, next[i]!];
    const name = nameOf(t, contacts, ids[i]!);
    setRefocus({ id: ids[i]!, dir: j < i ? 'up' : 'down' });
    void save(next, t('succession.moved', { name, place: j + 1, position }));
  };

  return (
    <section class="succession" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {position}
        {succession.pending && <span class="tag tag-pending">{t('trees.unsent')}</span>}
      </h2>
      <ol class="succession-line" aria-label={t('succession.lineLabel', { position })}>
        {ids.map((id, i) => {
          const name = nameOf(t, contacts, id);
          return (
            <li key={id}>
              <span class="succession-name">{name}</span>
              {i === 0 && <span class="tag">{t('succession.first')}</span>}
              {writable && (
                <span class="button-row">
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    id={`${headingId}-up-${id}`}
                    aria-label={t('succession.upLabel', { name })}
                    disabled={i === 0}
                    onClick={() => swap(i, i - 1)}
                  >
                    {t('succession.up')}
                  </button>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    id={`${headingId}-down-${id}`}
                    aria-label={t('succession.downLabel', { name })}
                    disabled={i === ids.length - 1}
                    onClick={() => swap(i, i + 1)}
                  >
                    {t('succession.down')}
                  </button>
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={t('succession.removeLabel', { name })}
                    onClick={() =>
                      ids.length === 1
                        ? setError(t('succession.lastOne'))
                        : void save(
                            ids.filter((other) => other !== id),
                            t('succession.removed', { name, position }),
                          )
                    }
                  >
                    {t('succession.remove')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <FormError id={`${headingId}-error`} message={error} />
      {writable && ids.length < MAX_IN_LINE && (
        <ContactPicker
          t={t}
          id={`${headingId}-add`}
          label={t('succession.addSearch', { position })}
          actionLabel={(label) => t('succession.addChoose', { name: label })}
          onPick={(contact) => {
            const name = String(contact.fields.name ?? '');
            if (ids.includes(contact.id)) return Promise.resolve(t('succession.already', { name }));
            return save([...ids, contact.id], t('succession.added', { name, position }));
          }}
        />
      )}
    </section>
  );
}

function NewSuccession({ t, dept }: { t: TreesT; dept: string }) {
  const announce = useAppStore((state) => state.announce);
  const [position, setPosition] = useState('');
  const [positionError, setPositionError] = useState<string | undefined>(undefined);

  const create = async (contact: RecordView): Promise<string | null> => {
    if (!position.trim()) {
      setPositionError(t('trees.error.position.required'));
      return t('common.fixErrors');
    }
    const problem = await change(t, 'record.create', {
      kind: 'succession',
      id: uuidv7(),
      dept,
      fields: { position: position.trim(), contactIds: [contact.id] },
    });
    if (problem) {
      setPositionError(problem.fields.position);
      return problem.message;
    }
    setPositionError(undefined);
    announce(t('succession.created', { position: position.trim() }));
    setPosition('');
    return null;
  };

  return (
    <section class="form" aria-labelledby="new-succession-heading">
      <h2 id="new-succession-heading">{t('succession.new')}</h2>
      <TextField
        id="new-succession-position"
        label={t('succession.field.position')}
        hint={t('succession.field.positionHint')}
        value={position}
        onInput={setPosition}
        error={positionError}
        maxLength={200}
      />
      <ContactPicker
        t={t}
        id="new-succession-first"
        label={t('succession.firstSearch')}
        actionLabel={(label) => t('succession.firstChoose', { name: label })}
        onPick={create}
      />
    </section>
  );
}
