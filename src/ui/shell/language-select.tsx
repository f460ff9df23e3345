// The language switch: each option is written in its own language so anyone can find theirs.
import type { JSX } from 'preact';
import { setLanguage, isLanguage } from '../i18n/language';
import { useT } from '../i18n/use-t';
import type { Language } from '../i18n/translate';

const options: { value: Language; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
];

export function LanguageSelect() {
  const t = useT();
  const onChange = (event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    if (isLanguage(value)) setLanguage(value);
  };
  // The label wraps the select (no `for`): the keyboard-walk test reads the select's own option text.
  return (
    <label class="language">
      <span class="language-label">{t('language.label')}</span>
      <select value={t.language} onChange={onChange}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
