// The mapping step: for each permit field a select of the file's columns (suggested ones preselected,
// required fields marked), then what each status word of the file means.
import { PERMIT_STATUSES, type PermitStatus } from '../../../../domain/permits/lifecycle';
import { IMPORT_TARGETS, type ColumnMapping, type StatusMapping } from '../../../../domain/permits/import';
import { fieldLabel } from './import-helpers';
import type { ImportKey, ImportT } from './messages';

/** Status words shown for choosing; more than this means the wrong column is mapped to Status. */
const MAX_STATUS_WORDS = 40;

const statusLabel = (t: ImportT, status: PermitStatus) => t(`permits.status.${status}` as ImportKey);

function StatusSelect(props: {
  id: string;
  label: string;
  value: PermitStatus;
  t: ImportT;
  onChange: (status: PermitStatus) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as PermitStatus)}
      >
        {PERMIT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(props.t, status)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MappingSection(props: {
  t: ImportT;
  headers: readonly string[];
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
  statusWords: readonly string[];
  statuses: StatusMapping;
  onStatuses: (statuses: StatusMapping) => void;
}) {
  const { t, headers, mapping, statuses } = props;
  const words = props.statusWords.slice(0, MAX_STATUS_WORDS);
  return (
    <>
      <fieldset class="import-fieldset">
        <legend>{t('permitsImport.mappingHeading')}</legend>
        <p class="field-hint">{t('permitsImport.mappingIntro')}</p>
        <div class="import-grid">
          {IMPORT_TARGETS.map(({ field, required }) => (
            <div class="field" key={field}>
              <label for={`map-${field}`}>
                {fieldLabel(t, field)}
                {required && <span class="import-required"> {t('permitsImport.required')}</span>}
              </label>
              <select
                id={`map-${field}`}
                value={mapping[field] ?? ''}
                required={required}
                onChange={(e) => {
                  const header = e.currentTarget.value;
                  props.onMapping({ ...mapping, [field]: header === '' ? undefined : header });
                }}
              >
                <option value="">{t('permitsImport.notInFile')}</option>
                {headers.map((header, index) => (
                  <option key={`${index}-${header}`} value={header}>
                    {header}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset class="import-fieldset">
        <legend>{t('permitsImport.statusHeading')}</legend>
        <p class="field-hint">{t('permitsImport.statusIntro')}</p>
        <div class="import-grid">
          {words.map((word, index) => (
            <StatusSelect
              key={word}
              id={`status-word-${index}`}
              label={t('permitsImport.statusFor', { word })}
              value={statuses.byValue[word] ?? statuses.fallback}
              t={t}
              onChange={(status) =>
                props.onStatuses({ ...statuses, byValue: { ...statuses.byValue, [word]: status } })
              }
            />
          ))}
          <StatusSelect
            id="status-fallback"
            label={t('permitsImport.statusFallback')}
            value={statuses.fallback}
            t={t}
            onChange={(fallback) => props.onStatuses({ ...statuses, fallback })}
          />
        </div>
      </fieldset>
    </>
  );
}
