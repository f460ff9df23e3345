// The account fields shared by the setup and add-user forms: username, display name, password (+ confirm).
import { PASSWORD_MIN_LENGTH } from '../../domain/users';
import { TextField } from '../components/text-field';
import { useT } from '../i18n/use-t';
import type { AccountField, FieldErrors } from './account-validation';

export interface AccountValues {
  username: string;
  displayName: string;
  password: string;
  /** Present only where the form asks for the password twice. */
  confirm?: string;
}

export function AccountFields(props: {
  idPrefix: string;
  values: AccountValues;
  errors: FieldErrors<AccountField>;
  onField: (name: AccountField) => (value: string) => void;
  /** For one's own account (setup) the browser may fill in and save it; for someone else's it must not. */
  ownAccount: boolean;
}) {
  const t = useT();
  const { idPrefix, values, errors, onField, ownAccount } = props;
  return (
    <>
      <TextField
        id={`${idPrefix}-username`}
        label={t('account.username')}
        hint={t('account.usernameHint')}
        value={values.username}
        onInput={onField('username')}
        error={errors.username}
        autoComplete={ownAccount ? 'username' : 'off'}
        required
      />
      <TextField
        id={`${idPrefix}-display-name`}
        label={t('account.displayName')}
        value={values.displayName}
        onInput={onField('displayName')}
        error={errors.displayName}
        autoComplete={ownAccount ? 'name' : 'off'}
        required
      />
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        label={t('account.password')}
        hint={t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        value={values.password}
        onInput={onField('password')}
        error={errors.password}
        autoComplete="new-password"
        required
      />
      {values.confirm !== undefined && (
        <TextField
          id={`${idPrefix}-confirm`}
          type="password"
          label={t('account.confirmPassword')}
          value={values.confirm}
          onInput={onField('confirm')}
          error={errors.confirm}
          autoComplete="new-password"
          required
        />
      )}
    </>
  );
}
