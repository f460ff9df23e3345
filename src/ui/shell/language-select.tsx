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
    const select = event.currentTarget;
    const value = select.value;
    // The page switches once the catalog has arrived; if it cannot arrive, the select shows the truth again.
    if (isLanguage(value))
      void setLanguage(value).then((switched) => {
        if (!switched && select.value === value) select.value = t.language;
      });
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
