// ICS 214 block 6, "Resources assigned", as editable rows (name, ICS position, home agency). Adding a row
// moves focus to its name; removing one moves focus to the next row (or "Add a resource"), so the list is
// worked from the keyboard without losing one's place.
import { useEffect, useRef, useState } from 'preact/hooks';
import { RESOURCE_KEYS } from '../../../../domain/incidents/incident-kinds';
import type { JsonValue } from '../../../../domain/sync';
import { useAppStore } from '../../../store/use-app-store';
import type { LogKey, LogT } from './messages';

export type ResourceKey = (typeof RESOURCE_KEYS)[number];
export type ResourceRow = Record<ResourceKey, string>;

const LABELS: Record<ResourceKey, LogKey> = {
  name: 'activityLog.resources.name',
  position: 'activityLog.resources.position',
  agency: 'activityLog.resources.agency',
};

export const emptyResource = (): ResourceRow => ({ name: '', position: '', agency: '' });

/** Stored resources (a list of objects) as form rows. */
export function resourceRows(value: JsonValue | undefined): ResourceRow[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const row = emptyResource();
    if (item && typeof item === 'object' && !Array.isArray(item))
      for (const key of RESOURCE_KEYS) row[key] = typeof item[key] === 'string' ? item[key] : '';
    return row;
  });
}

/** Rows as stored: trimmed, empty optional parts left out, blank rows dropped. */
export function storedResources(rows: readonly ResourceRow[]): { [key: string]: string }[] {
  return rows
    .map((row) => {
      const stored: { [key: string]: string } = {};
      for (const key of RESOURCE_KEYS) if (row[key].trim()) stored[key] = row[key].trim();
      return stored;
    })
    .filter((row) => Object.keys(row).length > 0);
}

/** The rows with a position or agency but no name (each needs a name or removing). */
export const namelessRows = (rows: readonly ResourceRow[]): number[] =>
  rows.flatMap((row, index) =>
    !row.name.trim() && (row.position.trim() || row.agency.trim()) ? [index] : [],
  );

export function ResourcesEditor(props: {
  t: LogT;
  idPrefix: string;
  rows: ResourceRow[];
  onChange: (rows: ResourceRow[]) => void;
  /** Rows to flag as needing a name. */
  invalidRows?: readonly number[];
}) {
  const { t, idPrefix, rows, onChange } = props;
  const announce = useAppStore((state) => state.announce);
  const addButton = useRef<HTMLButtonElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const invalid = new Set(props.invalidRows ?? []);

  useEffect(() => {
    if (focusRow === null) return;
    const target =
      focusRow < rows.length ? document.getElementById(`${idPrefix}-${focusRow}-name`) : addButton.current;
    target?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const set = (index: number, key: ResourceKey, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));

  return (
    <fieldset class="log-resources">
      <legend>{t('activityLog.field.resources')}</legend>
      {rows.length === 0 && <p class="muted">{t('activityLog.resources.none')}</p>}
      {rows.map((row, index) => {
        const number = index + 1;
        const errorId = `${idPrefix}-${index}-error`;
        return (
          <fieldset key={index} class="log-resource-row">
            <legend>{t('activityLog.resources.row', { number })}</legend>
            {invalid.has(index) && (
              <p id={errorId} class="field-error">
                <span aria-hidden="true">⚠ </span>
                {t('activityLog.resources.emptyRow')}
              </p>
            )}
            {RESOURCE_KEYS.map((key) => {
              const id = `${idPrefix}-${index}-${key}`;
              const bad = key === 'name' && invalid.has(index);
              return (
                <div key={key} class={bad ? 'field field-invalid' : 'field'}>
                  <label for={id}>{t(LABELS[key])}</label>
                  <input
                    id={id}
                    type="text"
                    value={row[key]}
                    maxLength={200}
                    autoComplete="off"
                    aria-invalid={bad ? 'true' : undefined}
                    aria-describedby={bad ? errorId : undefined}
                    onInput={(e) => set(index, key, e.currentTarget.value)}
                  />
                </div>
              );
            })}
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                onChange(rows.filter((_, i) => i !== index));
                announce(t('activityLog.resources.removed', { number }));
                setFocusRow(index < rows.length - 1 ? index : rows.length);
              }}
            >
              {t('activityLog.resources.remove', { number })}
            </button>
          </fieldset>
        );
      })}
      <button
        ref={addButton}
        type="button"
        class="button button-secondary"
        onClick={() => {
          onChange([...rows, emptyResource()]);
          setFocusRow(rows.length);
        }}
      >
        {t('activityLog.resources.add')}
      </button>
    </fieldset>
  );
}
