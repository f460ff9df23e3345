// Editable rows of department code + name, with add and remove; each row is its own fieldset.
import { TextField } from '../../components/text-field';
import type { DepartmentField, FieldErrors } from '../../forms/account-validation';
import { useAreaT } from '../../i18n/use-t';
import { setupMessages } from './messages';

export interface DepartmentRow {
  key: number;
  code: string;
  name: string;
  errors: FieldErrors<DepartmentField>;
}

let nextKey = 1;
export const newDepartmentRow = (): DepartmentRow => ({ key: nextKey++, code: '', name: '', errors: {} });

export function DepartmentRows(props: { rows: DepartmentRow[]; onChange: (rows: DepartmentRow[]) => void }) {
  const t = useAreaT(setupMessages);
  const { rows, onChange } = props;
  const update = (key: number, patch: Partial<DepartmentRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  return (
    <div class="department-rows">
      {rows.map((row, index) => (
        <fieldset key={row.key} class="department-row">
          <legend>{t('setup.departmentRow', { n: String(index + 1) })}</legend>
          <TextField
            id={`dept-${row.key}-code`}
            label={t('dept.code')}
            hint={t('dept.codeHint')}
            value={row.code}
            onInput={(code) => update(row.key, { code })}
            error={row.errors.code}
            maxLength={32}
          />
          <TextField
            id={`dept-${row.key}-name`}
            label={t('dept.name')}
            value={row.name}
            onInput={(name) => update(row.key, { name })}
            error={row.errors.name}
          />
          <button
            type="button"
            class="button button-secondary"
            onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
          >
            {t('setup.removeDepartment', { n: String(index + 1) })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        class="button button-secondary"
        onClick={() => onChange([...rows, newDepartmentRow()])}
      >
        {t('setup.addDepartment')}
      </button>
    </div>
  );
}
