// Choosing a contact by typing part of their name: the search index answers (findContacts), and each match
// is a button that does the action ("Add Ana Ruiz"). Keyboard: type, Tab to the person, Enter.
import { useEffect, useState } from 'preact/hooks';
import type { RecordView } from '../../../../storage/sync-queries';
import { findContacts } from '../../../../storage/tree-queries';
import { useDatabase } from '../../../sync/use-sync-facts';
import { FormError } from '../../../components/form-error';
import type { TreesT } from './messages';
import { contactLabel } from './tree-labels';

export function ContactPicker(props: {
  t: TreesT;
  id: string;
  label: string;
  hint?: string;
  /** The button text for one match, e.g. "Add Ana Ruiz". */
  actionLabel: (name: string) => string;
  /** Does the action; resolves to a problem in words, or null when it worked (the field then clears). */
  onPick: (contact: RecordView) => Promise<string | null>;
}) {
  const { t, id } = props;
  const db = useDatabase();
  const [text, setText] = useState('');
  const [found, setFound] = useState<RecordView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    if (!db || !text.trim()) {
      setFound(null);
      return;
    }
    void findContacts(db, text, 12).then((rows) => {
      if (current) setFound(rows);
    });
    return () => {
      current = false;
    };
  }, [db, text]);

  const pick = async (contact: RecordView) => {
    const problem = await props.onPick(contact);
    setError(problem);
    if (!problem) setText('');
  };

  return (
    <div class="contact-picker">
      <div class="field">
        <label for={id}>{props.label}</label>
        {props.hint && (
          <p id={`${id}-hint`} class="field-hint">
            {props.hint}
          </p>
        )}
        <input
          id={id}
          type="search"
          value={text}
          autoComplete="off"
          spellcheck={false}
          aria-describedby={[props.hint ? `${id}-hint` : '', `${id}-status`].filter(Boolean).join(' ')}
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </div>
      <p id={`${id}-status`} class="muted" aria-live="polite">
        {found === null
          ? ''
          : found.length === 0
            ? t('trees.picker.none')
            : t('trees.picker.count', { count: found.length })}
      </p>
      {found && found.length > 0 && (
        <ul class="contact-picker-results" aria-label={t('trees.picker.results')}>
          {found.map((contact) => (
            <li key={contact.id}>
              <button
                type="button"
                class="button button-secondary button-small"
                onClick={() => void pick(contact)}
              >
                {props.actionLabel(contactLabel(contact))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError id={`${id}-error`} message={error} />
    </div>
  );
}
