// Department membership as a group of checkboxes under one legend.
import type { Department } from '../../../domain/users';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';

export function DepartmentCheckboxes(props: {
  idPrefix: string;
  departments: Department[];
  selected: string[];
  onChange: (codes: string[]) => void;
}) {
  const t = useAreaT(adminMessages);
  const toggle = (code: string, checked: boolean) =>
    props.onChange(checked ? [...props.selected, code] : props.selected.filter((c) => c !== code));
  return (
    <fieldset class="checkbox-group">
      <legend>{t('account.departments')}</legend>
      {props.departments.length === 0 && <p class="muted">{t('admin.noDepartments')}</p>}
      {props.departments.map((department) => {
        const id = `${props.idPrefix}-dept-${department.code}`;
        return (
          <div class="checkbox" key={department.code}>
            <input
              type="checkbox"
              id={id}
              checked={props.selected.includes(department.code)}
              onChange={(event) => toggle(department.code, event.currentTarget.checked)}
            />
            <label for={id}>{department.name}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
