// The call-down trees on this device: name, how many people, the escalation rule; and a new tree, written
// here at once (no network needed) and sent with the next sync.
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { listTrees } from '../../../../storage/tree-queries';
import { FormError } from '../../../components/form-error';
import { PageHeading } from '../../../components/page-heading';
import { TextField } from '../../../components/text-field';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { treesMessages } from './messages';
import { ruleText } from './tree-labels';
import { change } from './tree-write';
import '../../../styles/contact-trees.css';

export function TreesPage() {
  const t = useAreaT(treesMessages);
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const trees = useLiveQuery(() => (db ? listTrees(db) : null), [db]);
  const writable = !!user && user.role !== 'viewer' && user.departments.length > 0;

  return (
    <>
      <PageHeading title={t('trees.title')}>{t('trees.title')}</PageHeading>
      <p>
        <a href="/contacts">{t('trees.backToContacts')}</a> ·{' '}
        <a href="/contacts/succession">{t('succession.title')}</a>
      </p>
      {!trees ? (
        <p class="muted">{t('app.loading')}</p>
      ) : trees.length === 0 ? (
        <p class="empty-state">{t('trees.empty')}</p>
      ) : (
        <table class="trees-table">
          <caption class="visually-hidden">{t('trees.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trees.col.name')}</th>
              <th scope="col">{t('trees.col.people')}</th>
              <th scope="col">{t('trees.col.rule')}</th>
            </tr>
          </thead>
          <tbody>
            {trees.map(({ tree, people }) => (
              <tr key={tree.id}>
                <th scope="row">
                  <a href={`/contacts/trees/${tree.id}`}>{String(tree.fields.name ?? '')}</a>
                  {tree.pending && <span class="tag tag-pending">{t('trees.unsent')}</span>}
                </th>
                <td>{t('trees.people', { count: people })}</td>
                <td>{ruleText(t, tree)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {writable && user && <NewTreeForm departments={user.departments} />}
    </>
  );
}

function NewTreeForm({ departments }: { departments: readonly string[] }) {
  const t = useAreaT(treesMessages);
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const [name, setName] = useState('');
  const [dept, setDept] = useState(departments[0] ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('trees.error.name.required') });
      setError(t('common.fixErrors'));
      return;
    }
    const id = uuidv7();
    const problem = await change(t, 'record.create', {
      kind: 'calldown_tree',
      id,
      dept,
      fields: { name: name.trim() },
    });
    if (problem) {
      setErrors(problem.fields);
      setError(problem.message);
      return;
    }
    announce(t('trees.created'));
    route(`/contacts/trees/${id}`);
  };

  return (
    <form class="form" onSubmit={onSubmit} noValidate aria-labelledby="new-tree-heading">
      <h2 id="new-tree-heading">{t('trees.new')}</h2>
      <TextField
        id="new-tree-name"
        label={t('trees.field.name')}
        value={name}
        onInput={setName}
        error={errors.name}
        maxLength={200}
      />
      {departments.length > 1 && (
        <div class="field">
          <label for="new-tree-dept">{t('trees.field.dept')}</label>
          <select id="new-tree-dept" value={dept} onChange={(event) => setDept(event.currentTarget.value)}>
            {departments.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
      )}
      <p class="field-hint">{t('trees.new.hint')}</p>
      <FormError id="new-tree-error" message={error} />
      <button type="submit" class="button">
        {t('trees.create')}
      </button>
    </form>
  );
}
