// The tree as an outline: one ARIA tree widget (role="tree", flat treeitems with aria-level, posinset,
// setsize and expanded), one tab stop whose item follows the arrow keys: Up/Down move, Right opens or goes
// to the first person called, Left closes or goes to the caller, Home/End jump. Only expanded branches are
// rendered, so a 2,000-person tree opens with its first levels.
import type { JSX } from 'preact';
import type { RecordView } from '../../../../storage/sync-queries';
import type { TreeNodeView } from '../../../../storage/tree-queries';
import type { TreesT } from './messages';
import type { OutlineRow } from './tree-helpers';
import { nameOf } from './tree-labels';

export const nodeElementId = (nodeId: string) => `tree-node-${nodeId}`;

export function TreeOutline(props: {
  t: TreesT;
  id: string;
  label: string;
  rows: OutlineRow<TreeNodeView>[];
  contacts: Map<string, RecordView>;
  selectedId: string | null;
  /** Selects a node; `focus` moves keyboard focus to it too. */
  onSelect: (nodeId: string, focus: boolean) => void;
  onToggle: (nodeId: string, expanded: boolean) => void;
}) {
  const { t, rows, contacts, selectedId } = props;
  const selectedIndex = rows.findIndex((row) => row.node.nodeId === selectedId);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLUListElement>) => {
    const at = selectedIndex >= 0 ? selectedIndex : 0;
    const row = rows[at];
    if (!row) return;
    const go = (index: number) => {
      const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
      if (target) props.onSelect(target.node.nodeId, true);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.children > 0 && !row.expanded) props.onToggle(row.node.nodeId, true);
        else if (row.expanded) go(at + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded) props.onToggle(row.node.nodeId, false);
        else if (row.parentId) props.onSelect(row.parentId, true);
        break;
      case 'Enter':
      case ' ':
        if (row.children > 0) props.onToggle(row.node.nodeId, !row.expanded);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <ul id={props.id} role="tree" aria-label={props.label} class="tree-outline" onKeyDown={onKeyDown}>
      {rows.map((row, i) => {
        const { node } = row;
        const contact = contacts.get(node.contactId);
        const position =
          contact && typeof contact.fields.position === 'string' ? contact.fields.position : '';
        const selected = node.nodeId === selectedId;
        return (
          <li
            key={node.nodeId}
            id={nodeElementId(node.nodeId)}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.position}
            aria-setsize={row.siblings}
            aria-expanded={row.children > 0 ? row.expanded : undefined}
            aria-selected={selected}
            tabIndex={i === tabStop ? 0 : -1}
            class={selected ? 'tree-row tree-row-selected' : 'tree-row'}
            style={{ '--level': row.level - 1 }}
            onClick={() => props.onSelect(node.nodeId, true)}
            onFocus={() => {
              // Selection follows focus: tabbing into the tree selects the person it lands on.
              if (!selected) props.onSelect(node.nodeId, false);
            }}
          >
            <span
              class="tree-toggle"
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                if (row.children > 0) props.onToggle(node.nodeId, !row.expanded);
                props.onSelect(node.nodeId, true);
              }}
            >
              {row.children === 0 ? '•' : row.expanded ? '▾' : '▸'}
            </span>{' '}
            <span class="tree-name">{nameOf(t, contacts, node.contactId)}</span>
            {position && <span class="tree-position"> {position}</span>}
            {row.children > 0 && (
              <span class="tree-calls"> {t('trees.node.calls', { count: row.children })}</span>
            )}
            {node.backupContactId && (
              <span class="tree-backup">
                {' '}
                {t('trees.node.backup', { name: nameOf(t, contacts, node.backupContactId) })}
              </span>
            )}
            {node.pending && <span class="tag tag-pending">{t('trees.unsent')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
