// Lists the departments and adds new ones (code + name, checked with the shared rules).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Department } from '../../../domain/users';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/endpoints';
import { errorMessage } from '../../api/error-message';
import { FormError } from '../../components/form-error';
import { TextField } from '../../components/text-field';
import {
  hasErrors,
  validateDepartment,
  type DepartmentField,
  type FieldErrors,
} from '../../forms/account-validation';
import { useAreaT } from '../../i18n/use-t';
import { adminMessages } from './messages';
import { noteUnauthorized } from '../../session/session';

export function DepartmentSection(props: { departments: Department[]; onAdded: (name: string) => void }) {
  const t = useAreaT(adminMessages);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors<DepartmentField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const found = validateDepartment(
      t,
      { code, name },
      props.departments.map((d) => d.code),
    );
    setErrors(found);
    if (hasErrors(found)) {
      document.getElementById(found.code ? 'new-dept-code' : 'new-dept-name')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.createDepartment({ code: code.trim(), name: name.trim() });
      setCode('');
      setName('');
      props.onAdded(name.trim());
    } catch (error) {
      noteUnauthorized(error);
      if (error instanceof ApiError && error.code === 'conflict')
        setErrors({ code: t('field.deptCodeTaken') });
      else if (error instanceof ApiError && error.code === 'bad_request' && error.field === 'name')
        setErrors({ name: t('field.rejected') });
      else if (error instanceof ApiError && error.code === 'bad_request')
        setErrors({ code: t('field.rejected') });
      else setFormError(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="departments-heading">
      <h2 id="departments-heading">{t('admin.departmentsHeading')}</h2>
      {props.departments.length === 0 ? (
        <p class="muted">{t('admin.noDepartments')}</p>
      ) : (
        <ul class="department-list">
          {props.departments.map((department) => (
            <li key={department.code}>
              {department.name} <span class="mono muted">({department.code})</span>
            </li>
          ))}
        </ul>
      )}
      <h3 id="add-department-heading">{t('admin.addDepartmentHeading')}</h3>
      <form class="form form-inline" onSubmit={onSubmit} noValidate aria-labelledby="add-department-heading">
        <TextField
          id="new-dept-code"
          label={t('dept.code')}
          hint={t('dept.codeHint')}
          value={code}
          onInput={setCode}
          error={errors.code}
          maxLength={32}
          required
        />
        <TextField
          id="new-dept-name"
          label={t('dept.name')}
          value={name}
          onInput={setName}
          error={errors.name}
          required
        />
        <button type="submit" class="button" disabled={busy}>
          {t('admin.addDepartment')}
        </button>
        <FormError id="add-department-error" message={formError} />
      </form>
    </section>
  );
}
