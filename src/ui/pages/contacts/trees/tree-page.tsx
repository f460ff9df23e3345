// The call-down tree editor: the tree as an outline (a keyboard tree widget), the selected person's actions
// (move up or down among the people their caller calls, move the branch to another caller, backup caller,
// remove), adding people found by name, branches that need placing, and the tree's name and escalation
// rule. Every change is written on this device at once and sent with the next sync.
import { useRoute } from 'preact-iso';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import { canMoveUnder } from '../../../../domain/contacts/calldown';
import type { RecordView } from '../../../../storage/sync-queries';
import { contactsById, readTree, type TreeNodeView, type TreeRead } from '../../../../storage/tree-queries';
import { FormError } from '../../../components/form-error';
import { ModalDialog } from '../../../components/modal-dialog';
import { PageHeading } from '../../../components/page-heading';
import { useCachedSession } from '../../../hooks/use-cached-session';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { useAppStore } from '../../../store/use-app-store';
import { useDatabase } from '../../../sync/use-sync-facts';
import { ContactPicker } from './contact-picker';
import { treesMessages, type TreesT } from './messages';
import {
  detachedTops,
  initiallyExpanded,
  orderAtEnd,
  placeAt,
  siblingsOf,
  visibleRows,
  type Placement,
} from './tree-helpers';
import { contactLabel, nameOf, ruleText, type ContactMap } from './tree-labels';
import { nodeElementId, TreeOutline } from './tree-outline';
import { TreeSettings } from './tree-settings';
import { change, type Problem } from './tree-write';
import '../../../styles/contact-trees.css';

export function TreePage() {
  const t = useAreaT(treesMessages);
  const { params } = useRoute();
  const treeId = params.id ?? '';
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const read = useLiveQuery(
    () => (db ? readTree(db, treeId, { withContacts: false }) : undefined),
    [db, treeId],
  );
  const writable = !!user && user.role !== 'viewer';

  if (read === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (read === null)
    return (
      <>
        <PageHeading title={t('trees.notFoundTitle')}>{t('trees.notFoundTitle')}</PageHeading>
        <p>{t('trees.notFound')}</p>
        <p>
          <a href="/contacts/trees">{t('trees.back')}</a>
        </p>
      </>
    );
  return <TreeEditor t={t} read={read} writable={writable} />;
}

function TreeEditor({ t, read: outline, writable }: { t: TreesT; read: TreeRead; writable: boolean }) {
  const { tree, built, nodes } = outline;
  const db = useDatabase();
  const [needAll, setNeedAll] = useState(false);
  const announce = useAppStore((state) => state.announce);
  const name = String(tree.fields.name ?? '');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState<{ id: string; n: number } | null>(null);
  const [overrides, setOverrides] = useState<Map<string, boolean>>(() => new Map());

  const tops = useMemo(() => detachedTops(built), [built]);
  const total = nodes.length;
  const isExpanded = (node: TreeNodeView, level: number) =>
    overrides.get(node.nodeId) ?? initiallyExpanded(total, level);
  const rows = useMemo(() => visibleRows(built.roots, built.childrenOf, isExpanded), [built, overrides]);
  const detachedRows = useMemo(
    () => visibleRows(tops, built.childrenOf, isExpanded),
    [built, tops, overrides],
  );
  const byId = useMemo(() => new Map(nodes.map((node) => [node.nodeId, node])), [nodes]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;

  // Only the contacts on screen are read (all of them once a new caller is being chosen from the list).
  const wanted = useMemo(() => {
    const ids = new Set<string>();
    const want = (node: TreeNodeView) => {
      ids.add(node.contactId);
      if (node.backupContactId) ids.add(node.backupContactId);
    };
    if (needAll) nodes.forEach(want);
    else {
      for (const row of rows) want(row.node);
      for (const row of detachedRows) want(row.node);
      if (selected) {
        want(selected);
        const caller = selected.parentNodeId ? byId.get(selected.parentNodeId) : undefined;
        if (caller) want(caller);
      }
    }
    return [...ids].sort();
  }, [needAll, nodes, rows, detachedRows, selected, byId]);
  const wantedKey = wanted.join(' ');
  const loaded = useLiveQuery(
    () =>
      db
        ? contactsById(db, wanted).then((map) => Object.assign(map, { looked: new Set(wanted) }))
        : undefined,
    [db, wantedKey],
  );
  const contacts: ContactMap =
    loaded ?? Object.assign(new Map<string, RecordView>(), { looked: new Set<string>() });
  const read: TreeRead = { ...outline, contacts };

  // A layout effect: focus moves in the same frame as the selection, so a key pressed right after
  // (by a person or a test) never lands on the node focus is leaving.
  useLayoutEffect(() => {
    if (focusToken) document.getElementById(nodeElementId(focusToken.id))?.focus();
  }, [focusToken]);

  const select = (nodeId: string, focus: boolean) => {
    setSelectedId(nodeId);
    if (focus) setFocusToken((prev) => ({ id: nodeId, n: (prev?.n ?? 0) + 1 }));
  };
  const toggle = (nodeId: string, expanded: boolean) =>
    setOverrides((prev) => new Map(prev).set(nodeId, expanded));
  /** Opens every caller above a node, so it is in view. */
  const reveal = (nodeId: string | null) => {
    const next = new Map(overrides);
    for (
      let at = nodeId ? byId.get(nodeId) : undefined;
      at;
      at = at.parentNodeId ? byId.get(at.parentNodeId) : undefined
    )
      next.set(at.nodeId, true);
    setOverrides(next);
  };
  const setAll = (expanded: boolean) =>
    setOverrides(
      new Map(
        nodes.filter((node) => built.childrenOf.has(node.nodeId)).map((node) => [node.nodeId, expanded]),
      ),
    );

  return (
    <>
      <PageHeading title={name}>{name}</PageHeading>
      <p class="tree-summary">
        <span>{t('trees.people', { count: total })}</span>
        <span>
          {t('trees.col.rule')}: {ruleText(t, tree)}
        </span>
        {tree.pending && <span class="tag tag-pending">{t('trees.unsent')}</span>}
      </p>
      <p>
        <a href="/contacts/trees">{t('trees.back')}</a> ·{' '}
        <a href={`/contacts/trees/${tree.id}/run/new`}>{t('trees.startRun')}</a>
      </p>
      <p>
        {t('trees.print')}: <a href={`/contacts/print/trees/${tree.id}`}>{t('trees.printTree')}</a> ·{' '}
        <a href={`/contacts/print/trees/${tree.id}/call-sheets`}>{t('trees.printSheets')}</a> ·{' '}
        <a href={`/contacts/print/trees/${tree.id}/ics205a`}>{t('trees.print205a')}</a>
      </p>

      <section aria-labelledby="outline-heading">
        <h2 id="outline-heading">{t('trees.outline.heading')}</h2>
        {rows.length === 0 ? (
          <p class="empty-state">{t('trees.outline.empty')}</p>
        ) : (
          <>
            <p id="outline-hint" class="field-hint">
              {t('trees.outline.hint')}
            </p>
            <div class="button-row">
              <button type="button" class="button button-secondary button-small" onClick={() => setAll(true)}>
                {t('trees.outline.expandAll')}
              </button>
              <button
                type="button"
                class="button button-secondary button-small"
                onClick={() => setAll(false)}
              >
                {t('trees.outline.collapseAll')}
              </button>
            </div>
            <TreeOutline
              t={t}
              id="tree-outline"
              label={t('trees.outline.label', { name })}
              rows={rows}
              contacts={contacts}
              selectedId={selectedId}
              onSelect={select}
              onToggle={toggle}
            />
          </>
        )}
      </section>

      {selected && writable && (
        <NodeActions
          key={selected.nodeId}
          t={t}
          read={read}
          node={selected}
          tops={tops}
          onMoved={(nodeId, parentId) => {
            reveal(parentId);
            select(nodeId, true);
          }}
          onChoosingCaller={setNeedAll}
          onRemoved={(parentId) => {
            setSelectedId(parentId);
            if (parentId) select(parentId, true);
            else document.querySelector<HTMLElement>('#tree-outline [role="treeitem"]')?.focus();
          }}
          announce={announce}
        />
      )}

      {writable && (
        <AddPerson
          t={t}
          read={read}
          selected={selected}
          onAdded={(parentId) => {
            if (parentId) reveal(parentId);
          }}
          announce={announce}
        />
      )}

      {tops.length > 0 && (
        <section aria-labelledby="detached-heading">
          <h2 id="detached-heading">{t('trees.detached.heading')}</h2>
          <p class="field-hint">{t('trees.detached.hint')}</p>
          <TreeOutline
            t={t}
            id="tree-detached"
            label={t('trees.detached.heading')}
            rows={detachedRows}
            contacts={contacts}
            selectedId={selectedId}
            onSelect={select}
            onToggle={toggle}
          />
        </section>
      )}

      {writable && <TreeSettings t={t} tree={tree} announce={announce} />}
    </>
  );
}

/** Writes a node's new place: one update, or every sibling renumbered and then the node. */
async function writePlacement(
  t: TreesT,
  node: TreeNodeView,
  placement: Placement,
  extra: Record<string, string | null> = {},
): Promise<Problem | null> {
  if ('order' in placement)
    return change(t, 'record.update', {
      kind: 'tree_node',
      id: node.nodeId,
      fields: { ...extra, order: placement.order },
    });
  for (const [id, order] of placement.renumber) {
    if (id === node.nodeId) continue;
    const problem = await change(t, 'record.update', { kind: 'tree_node', id, fields: { order } });
    if (problem) return problem;
  }
  return change(t, 'record.update', {
    kind: 'tree_node',
    id: node.nodeId,
    fields: { ...extra, order: placement.renumber.get(node.nodeId)! },
  });
}

/** Every node in outline order with its depth: the choices of a new caller. */
function allInOrder(read: TreeRead, tops: readonly TreeNodeView[]): { node: TreeNodeView; depth: number }[] {
  const out: { node: TreeNodeView; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (node: TreeNodeView, depth: number) => {
    if (seen.has(node.nodeId)) return;
    seen.add(node.nodeId);
    out.push({ node, depth });
    for (const child of read.built.childrenOf.get(node.nodeId) ?? []) walk(child, depth + 1);
  };
  for (const root of read.built.roots) walk(root, 0);
  for (const top of tops) walk(top, 0);
  return out;
}

const TOP = '';

function NodeActions(props: {
  t: TreesT;
  read: TreeRead;
  node: TreeNodeView;
  tops: readonly TreeNodeView[];
  onMoved: (nodeId: string, parentId: string | null) => void;
  /** The list of new callers is open: every name is needed. */
  onChoosingCaller: (open: boolean) => void;
  onRemoved: (parentId: string | null) => void;
  announce: (text: string) => void;
}) {
  const { t, read, node, tops, announce } = props;
  const { built, contacts } = read;
  const who = nameOf(t, contacts, node.contactId);
  const [message, setMessage] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [newCaller, setNewCaller] = useState<string>(TOP);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const children = built.childrenOf.get(node.nodeId) ?? [];
  const live = (id: string | null) => (id && read.nodes.some((n) => n.nodeId === id) ? id : null);
  const callerId = live(node.parentNodeId);
  const callerName = callerId
    ? nameOf(t, contacts, read.nodes.find((n) => n.nodeId === callerId)!.contactId)
    : null;

  const reorder = async (delta: -1 | 1) => {
    const siblings = siblingsOf(built, node, tops);
    const at = siblings.findIndex((n) => n.nodeId === node.nodeId);
    const target = at + delta;
    if (target < 0 || target >= siblings.length) {
      setMessage(t(delta < 0 ? 'trees.move.alreadyFirst' : 'trees.move.alreadyLast', { name: who }));
      return;
    }
    const others = siblings.filter((n) => n.nodeId !== node.nodeId);
    const problem = await writePlacement(t, node, placeAt(others, target, node.nodeId));
    setMessage(problem?.message ?? null);
    if (!problem)
      announce(t('trees.move.reordered', { name: who, position: target + 1, count: siblings.length }));
  };

  const move = async (event: Event) => {
    event.preventDefault();
    const parentId = newCaller === TOP ? null : newCaller;
    if (!canMoveUnder(built, node, parentId)) {
      const target = parentId ? read.nodes.find((n) => n.nodeId === parentId) : undefined;
      setMoveError(
        parentId === node.nodeId
          ? t('trees.move.underSelf', { name: who })
          : t('trees.move.underOwnBranch', {
              name: who,
              caller: nameOf(t, contacts, target?.contactId ?? null),
            }),
      );
      return;
    }
    if (parentId === callerId && (parentId !== null || built.roots.includes(node))) {
      setMoveError(t('trees.move.sameCaller', { name: who }));
      return;
    }
    const siblings = (parentId ? (built.childrenOf.get(parentId) ?? []) : built.roots).filter(
      (n) => n.nodeId !== node.nodeId,
    );
    const problem = await writePlacement(t, node, orderAtEnd(siblings, node.nodeId), {
      parentNodeId: parentId,
    });
    if (problem) {
      setMoveError(problem.message);
      return;
    }
    setMoveError(null);
    setMoving(false);
    props.onChoosingCaller(false);
    const callerWords = parentId
      ? nameOf(t, contacts, read.nodes.find((n) => n.nodeId === parentId)?.contactId ?? null)
      : null;
    announce(
      callerWords
        ? t('trees.move.moved', { name: who, caller: callerWords })
        : t('trees.move.movedTop', { name: who }),
    );
    props.onMoved(node.nodeId, parentId);
  };

  const setBackup = async (contact: RecordView | null) => {
    if (contact && contact.id === node.contactId) return t('trees.error.ownBackup');
    const problem = await change(t, 'record.update', {
      kind: 'tree_node',
      id: node.nodeId,
      fields: { backupContactId: contact ? contact.id : null },
    });
    if (problem) return problem.fields.backupContactId ?? problem.message;
    announce(
      contact
        ? t('trees.backup.set', { name: who, backup: String(contact.fields.name ?? '') })
        : t('trees.backup.cleared', { name: who }),
    );
    return null;
  };

  // Leaving this person (another is selected) closes the list of callers.
  useEffect(() => () => props.onChoosingCaller(false), []);
  const choices = moving ? allInOrder(read, tops) : [];

  return (
    <section class="tree-actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('trees.actions.heading', { name: who })}</h2>
      <p class="muted">
        {callerName ? t('trees.actions.calledBy', { name: callerName }) : t('trees.actions.atTop')}{' '}
        {node.backupContactId
          ? t('trees.node.backup', { name: nameOf(t, contacts, node.backupContactId) })
          : t('trees.backup.none')}
      </p>
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={() => void reorder(-1)}>
          {t('trees.move.up')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => void reorder(1)}>
          {t('trees.move.down')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          aria-expanded={moving}
          aria-controls="move-form"
          onClick={() => {
            setMoving(!moving);
            props.onChoosingCaller(!moving);
          }}
        >
          {t('trees.move.open')}
        </button>
        <button type="button" class="button button-danger" onClick={() => setRemoving(true)}>
          {t('trees.remove.open', { name: who })}
        </button>
      </div>
      <FormError id="actions-error" message={message} />
      {moving && (
        <form id="move-form" class="form form-inline" onSubmit={(event) => void move(event)} noValidate>
          <div class={moveError ? 'field field-invalid' : 'field'}>
            <label for="move-caller">{t('trees.move.newCaller')}</label>
            {moveError && (
              <p id="move-caller-error" class="field-error">
                <span aria-hidden="true">⚠ </span>
                {moveError}
              </p>
            )}
            <select
              id="move-caller"
              value={newCaller}
              aria-invalid={moveError ? 'true' : undefined}
              aria-describedby={moveError ? 'move-caller-error' : undefined}
              onChange={(event) => {
                setNewCaller(event.currentTarget.value);
                setMoveError(null);
              }}
            >
              <option value={TOP}>{t('trees.move.top')}</option>
              {choices.map(({ node: choice, depth }) => {
                const contact = contacts.get(choice.contactId);
                return (
                  <option key={choice.nodeId} value={choice.nodeId}>
                    {'— '.repeat(depth)}
                    {contact ? contactLabel(contact) : nameOf(t, contacts, choice.contactId)}
                  </option>
                );
              })}
            </select>
          </div>
          <button type="submit" class="button">
            {t('trees.move.submit', { name: who })}
          </button>
        </form>
      )}
      <h3>{t('trees.backup.heading')}</h3>
      <ContactPicker
        t={t}
        id="backup-search"
        label={t('trees.backup.search', { name: who })}
        actionLabel={(label) => t('trees.backup.choose', { name: label })}
        onPick={(contact) => setBackup(contact)}
      />
      {node.backupContactId && (
        <p>
          <button
            type="button"
            class="button button-secondary button-small"
            onClick={() => void setBackup(null)}
          >
            {t('trees.backup.clear')}
          </button>
        </p>
      )}
      {removing && (
        <RemoveDialog
          t={t}
          read={read}
          node={node}
          who={who}
          callerId={callerId}
          callerName={callerName}
          childCount={children.length}
          onClose={() => setRemoving(false)}
          onRemoved={() => {
            setRemoving(false);
            announce(t('trees.remove.done', { name: who }));
            props.onRemoved(callerId);
          }}
        />
      )}
    </section>
  );
}

function RemoveDialog(props: {
  t: TreesT;
  read: TreeRead;
  node: TreeNodeView;
  who: string;
  callerId: string | null;
  callerName: string | null;
  childCount: number;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const { t, read, node, who, callerId, callerName, childCount } = props;
  const [branchTo, setBranchTo] = useState<'up' | 'aside'>('up');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    const children = read.built.childrenOf.get(node.nodeId) ?? [];
    if (children.length > 0 && branchTo === 'up') {
      // The people this person called go to their caller (or the top), after the caller's others.
      const siblings = [
        ...(callerId ? (read.built.childrenOf.get(callerId) ?? []) : read.built.roots),
      ].filter((n) => n.nodeId !== node.nodeId);
      for (const child of children) {
        const problem = await writePlacement(t, child, orderAtEnd(siblings, child.nodeId), {
          parentNodeId: callerId,
        });
        if (problem) {
          setBusy(false);
          setError(problem.message);
          return;
        }
        siblings.push({ ...child, order: siblings.length ? (siblings.at(-1)!.order ?? 0) + 1_024 : 1_024 });
      }
    }
    const problem = await change(t, 'record.delete', { kind: 'tree_node', id: node.nodeId });
    setBusy(false);
    if (problem) setError(problem.message);
    else props.onRemoved();
  };

  return (
    <ModalDialog id="remove-dialog" title={t('trees.remove.title', { name: who })} onClose={props.onClose}>
      <p id="remove-dialog-body">{t('trees.remove.body', { name: who })}</p>
      {childCount > 0 && (
        <fieldset class="radio-group">
          <legend>{t('trees.remove.branchLegend', { name: who, count: childCount })}</legend>
          <label>
            <input
              type="radio"
              name="branch-to"
              checked={branchTo === 'up'}
              onChange={() => setBranchTo('up')}
            />{' '}
            {callerName ? t('trees.remove.branchUp', { caller: callerName }) : t('trees.remove.branchTop')}
          </label>
          <label>
            <input
              type="radio"
              name="branch-to"
              checked={branchTo === 'aside'}
              onChange={() => setBranchTo('aside')}
            />{' '}
            {t('trees.remove.branchAside')}
          </label>
        </fieldset>
      )}
      <FormError id="remove-dialog-error" message={error} />
      <div class="button-row">
        <button
          type="button"
          class="button button-danger"
          disabled={busy}
          aria-describedby="remove-dialog-body"
          onClick={() => void confirm()}
        >
          {t('trees.remove.confirm')}
        </button>
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}

function AddPerson(props: {
  t: TreesT;
  read: TreeRead;
  selected: TreeNodeView | null;
  onAdded: (parentId: string | null) => void;
  announce: (text: string) => void;
}) {
  const { t, read, selected, announce } = props;
  const { tree, built, nodes, contacts } = read;
  const [under, setUnder] = useState<'selected' | 'top'>('selected');
  const parent = under === 'selected' && selected ? selected : null;
  const parentName = selected ? nameOf(t, contacts, selected.contactId) : '';

  const add = async (contact: RecordView): Promise<string | null> => {
    const name = String(contact.fields.name ?? '');
    if (nodes.some((node) => node.contactId === contact.id)) return t('trees.add.already', { name });
    const id = uuidv7();
    const siblings = parent ? (built.childrenOf.get(parent.nodeId) ?? []) : built.roots;
    const placement = orderAtEnd(siblings, id);
    const order = 'order' in placement ? placement.order : placement.renumber.get(id)!;
    if ('renumber' in placement)
      for (const [sibling, value] of placement.renumber) {
        if (sibling === id) continue;
        const problem = await change(t, 'record.update', {
          kind: 'tree_node',
          id: sibling,
          fields: { order: value },
        });
        if (problem) return problem.message;
      }
    const problem = await change(t, 'record.create', {
      kind: 'tree_node',
      id,
      dept: tree.dept,
      fields: {
        treeId: tree.id,
        contactId: contact.id,
        order,
        ...(parent ? { parentNodeId: parent.nodeId } : {}),
      },
    });
    if (problem) return problem.message;
    announce(
      parent ? t('trees.add.addedUnder', { name, caller: parentName }) : t('trees.add.addedTop', { name }),
    );
    props.onAdded(parent ? parent.nodeId : null);
    return null;
  };

  return (
    <section aria-labelledby="add-heading" class="tree-add">
      <h2 id="add-heading">{t('trees.add.heading')}</h2>
      {selected ? (
        <fieldset class="radio-group">
          <legend>{t('trees.add.calledBy')}</legend>
          <label>
            <input
              type="radio"
              name="add-under"
              checked={under === 'selected'}
              onChange={() => setUnder('selected')}
            />{' '}
            {t('trees.add.underSelected', { name: parentName })}
          </label>
          <label>
            <input type="radio" name="add-under" checked={under === 'top'} onChange={() => setUnder('top')} />{' '}
            {t('trees.add.atTop')}
          </label>
        </fieldset>
      ) : (
        <p class="field-hint">{built.roots.length ? t('trees.add.hintSelect') : t('trees.add.hintFirst')}</p>
      )}
      <ContactPicker
        t={t}
        id="add-search"
        label={t('trees.add.search')}
        hint={t('trees.add.searchHint')}
        actionLabel={(label) => t('trees.add.choose', { name: label })}
        onPick={add}
      />
      {!built.roots.length && !nodes.length && <p class="muted">{t('trees.add.noContactsHint')}</p>}
    </section>
  );
}
