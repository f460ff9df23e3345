// The mapping step: for each contact field a select of the file's columns (suggested ones preselected),
// and the type each phone column gets when a row has no type of its own.
import { PHONE_LABELS } from '../../../../domain/contacts/contact-kinds';
import {
  CONTACT_IMPORT_TARGETS,
  IMPORT_PHONES,
  type ColumnMapping,
  type PhoneLabel,
} from '../../../../domain/contacts/import';
import { targetLabel } from './import-helpers';
import type { ContactsImportKey, ContactsImportT } from './messages';

export function MappingSection(props: {
  t: ContactsImportT;
  headers: readonly string[];
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
  phoneLabels: readonly PhoneLabel[];
  onPhoneLabels: (labels: PhoneLabel[]) => void;
}) {
  const { t, headers, mapping, phoneLabels } = props;
  return (
    <fieldset class="import-fieldset">
      <legend>{t('contactsImport.mappingHeading')}</legend>
      <p class="field-hint">{t('contactsImport.mappingIntro')}</p>
      <div class="import-grid">
        {CONTACT_IMPORT_TARGETS.map(({ field }) => (
          <div class="field" key={field}>
            <label for={`map-${field}`}>{targetLabel(t, field)}</label>
            <select
              id={`map-${field}`}
              value={mapping[field] ?? ''}
              onChange={(e) => {
                const header = e.currentTarget.value;
                props.onMapping({ ...mapping, [field]: header === '' ? undefined : header });
              }}
            >
              <option value="">{t('contactsImport.notInFile')}</option>
              {headers.map((header, index) => (
                <option key={`${index}-${header}`} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
        {Array.from({ length: IMPORT_PHONES }, (_, i) => (
          <div class="field" key={`label-${i}`}>
            <label for={`phone-label-${i + 1}`}>{t('contactsImport.phoneLabelFor', { index: i + 1 })}</label>
            <select
              id={`phone-label-${i + 1}`}
              value={phoneLabels[i] ?? 'other'}
              onChange={(e) => {
                const next = [...phoneLabels];
                next[i] = e.currentTarget.value as PhoneLabel;
                props.onPhoneLabels(next);
              }}
            >
              {PHONE_LABELS.map((label) => (
                <option key={label} value={label}>
                  {t(`contacts.phoneLabel.${label}` as ContactsImportKey)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
