// /checklists/templates/new (?from=<shipped key> for "Make a copy to edit") and /checklists/templates/:id —
// a manager's own checklist template. Managers and administrators edit it: sections (add, rename, move,
// remove once empty) and tasks (text, responsible role, phase, critical, the screen it opens), every move
// by buttons that work from the keyboard. Each save makes the next version; a checklist already started
// keeps its own copy. The domain's validation is shown next to the field it is about. Archiving asks first.
// Anyone else sees the template read-only.
import { useLocation, useRoute } from 'preact-iso';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { v7 as uuidv7 } from 'uuid';
import {
  CHECKLIST_LINKS,
  CHECKLIST_PHASES,
  type ChecklistItem,
  type ChecklistLink,
  type ChecklistPhase,
} from '../../../domain/checklists/checklist-kinds';
import { shippedTemplate } from '../../../domain/checklists/shipped-templates';
import { canonicalJson } from '../../../domain/sync/canonical-json';
import type { JsonObject } from '../../../domain/sync/json-value';
import { getRecord } from '../../../storage/sync-queries';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-error';
import { PageHeading } from '../../components/page-heading';
import { useCachedSession } from '../../hooks/use-cached-session';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useAreaT } from '../../i18n/use-t';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { writeChange } from '../../sync/write-change';
import { ChecklistSheet } from './print/checklist-sheet';
import {
  addItem,
  addSection,
  canEditTemplates,
  draftErrors,
  draftFields,
  draftFromShipped,
  draftOf,
  moveItem,
  moveSection,
  removeItem,
  removeSection,
  renameSection,
  updateItem,
  type DraftError,
  type TemplateDraft,
} from './checklist-model';
import { writeProblem } from './checklist-parts';
import { checklistsMessages, type ChecklistsT } from './messages';
import '../../styles/checklists.css';

export function TemplatePage() {
  const t = useAreaT(checklistsMessages);
  const { params } = useRoute();
  const { query } = useLocation();
  const db = useDatabase();
  const user = useCachedSession()?.user;
  const id = params.id ?? '';
  const record = useLiveQuery(() => (db && id ? getRecord(db, id).then((r) => r ?? null) : null), [db, id]);
  if (record === undefined || !user) return <p class="muted">{t('app.loading')}</p>;
  const manager = canEditTemplates(user.role);
  if (id && (!record || record.deleted || record.kind !== 'checklist_template'))
    return (
      <>
        <PageHeading title={t('checklists.edit.viewTitle')}>{t('checklists.edit.viewTitle')}</PageHeading>
        <p class="empty-state">{t('checklists.edit.notFound')}</p>
        <p>
          <a href="/checklists">{t('checklists.back')}</a>
        </p>
      </>
    );
  if (record) {
    const draft = draftOf(record.fields);
    if (!manager)
      return (
        <ReadOnlyTemplate t={t} id={record.id} draft={draft} version={Number(record.fields.version ?? 1)} />
      );
    return (
      <TemplateEditor
        key={record.id}
        t={t}
        existing={{
          id: record.id,
          version: Number(record.fields.version ?? 1),
          archived: record.fields.archived === true,
          basedOn: typeof record.fields.basedOn === 'string' ? record.fields.basedOn : '',
          fields: record.fields,
        }}
        initial={draft}
        departments={user.departments}
      />
    );
  }
  const from = query.from ? shippedTemplate(query.from) : undefined;
  const language = t.language;
  if (!manager)
    return (
      <>
        <PageHeading title={t('checklists.edit.newTitle')}>{t('checklists.edit.newTitle')}</PageHeading>
        <p class="empty-state">{t('checklists.edit.readOnly')}</p>
        <p>
          <a href="/checklists">{t('checklists.back')}</a>
        </p>
      </>
    );
  const initial: TemplateDraft = from
    ? draftFromShipped(from, language)
    : {
        title: '',
        description: '',
        language,
        sections: [{ id: 's1', title: '' }],
        items: [{ id: 'i1', section: 's1', text: '', role: '', phase: 'activation', critical: false }],
      };
  return (
    <TemplateEditor
      key={`new-${from?.key ?? ''}`}
      t={t}
      initial={initial}
      basedOn={from?.key}
      basedOnTitle={from?.title[language]}
      departments={user.departments}
    />
  );
}

function ReadOnlyTemplate({
  t,
  id,
  draft,
  version,
}: {
  t: ChecklistsT;
  id: string;
  draft: TemplateDraft;
  version: number;
}) {
  return (
    <>
      <PageHeading title={draft.title}>{draft.title}</PageHeading>
      <p class="muted">{t('checklists.edit.readOnly')}</p>
      <p>{t('checklists.edit.version', { version })}</p>
      {draft.description && <p>{draft.description}</p>}
      <ChecklistSheet
        title={draft.title}
        sections={draft.sections}
        items={draft.items}
        language={draft.language}
        hideTitle
      />
      <p>
        <a href={`/checklists/runs/new?template=${id}`}>{t('checklists.start')}</a> ·{' '}
        <a href={`/checklists/print/template/${id}`}>{t('checklists.printBlank')}</a>
      </p>
      <p>
        <a href="/checklists">{t('checklists.back')}</a>
      </p>
    </>
  );
}

interface Existing {
  id: string;
  version: number;
  archived: boolean;
  basedOn: string;
  fields: JsonObject;
}

const errorText = (t: ChecklistsT, error: DraftError) => t(error.key, error.params);

function FieldErrors({ t, id, errors }: { t: ChecklistsT; id: string; errors: DraftError[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} class="field-error">
      <span aria-hidden="true">⚠ </span>
      {errors.map((e) => errorText(t, e)).join(' ')}
    </p>
  );
}

function TemplateEditor({
  t,
  existing,
  initial,
  basedOn,
  basedOnTitle,
  departments,
}: {
  t: ChecklistsT;
  existing?: Existing;
  initial: TemplateDraft;
  basedOn?: string;
  basedOnTitle?: string;
  departments: readonly string[];
}) {
  const { route } = useLocation();
  const announce = useAppStore((state) => state.announce);
  const [draft, setDraft] = useState<TemplateDraft>(initial);
  const [dept, setDept] = useState(departments[0] ?? '');
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [focusAfter, setFocusAfter] = useState<string[] | null>(null);
  const version = existing?.version ?? 1;
  const shippedBase = existing?.basedOn ? shippedTemplate(existing.basedOn) : undefined;
  const baseTitle = basedOnTitle ?? shippedBase?.title[t.language];

  // After a move the moved row's button keeps the focus (the first of the candidates still enabled), in
  // the same frame as the move, so the next key press lands on it.
  useLayoutEffect(() => {
    if (!focusAfter) return;
    for (const id of focusAfter) {
      const el = document.getElementById(id) as HTMLButtonElement | null;
      if (el && !el.disabled) {
        el.focus();
        break;
      }
    }
    setFocusAfter(null);
  }, [focusAfter]);

  const change = (next: TemplateDraft) => {
    setDraft(next);
    if (errors.length > 0) setErrors(draftErrors(next, version));
  };
  const errorsAt = (match: (e: DraftError) => boolean) => errors.filter(match);
  const titleErrors = errorsAt((e) => e.place.at === 'title');
  const descriptionErrors = errorsAt((e) => e.place.at === 'description');
  const formErrors = errorsAt((e) => e.place.at === 'form');
  const itemErrors = (id: string, part: string) =>
    errorsAt((e) => e.place.at === 'item' && e.place.id === id && e.place.part === part);
  const sectionErrors = (id: string) => errorsAt((e) => e.place.at === 'section' && e.place.id === id);

  const storedFields = useMemo(
    () => (existing ? canonicalJson(draftFields(draftOf(existing.fields))) : ''),
    [existing?.fields],
  );

  const onSave = async (event: Event) => {
    event.preventDefault();
    const found = draftErrors(draft, version);
    setErrors(found);
    if (found.length > 0) {
      setFormError(t('common.fixErrors'));
      requestAnimationFrame(() =>
        (document.querySelector('.checklist-editor [aria-invalid="true"]') as HTMLElement | null)?.focus(),
      );
      return;
    }
    const fields = draftFields(draft);
    setBusy(true);
    if (existing) {
      if (canonicalJson(fields) === storedFields) {
        setBusy(false);
        setFormError(null);
        announce(t('checklists.edit.noChange'));
        return;
      }
      const changed: JsonObject = { version: version + 1 };
      const before = draftFields(draftOf(existing.fields));
      for (const key of Object.keys(fields))
        if (canonicalJson(fields[key] ?? null) !== canonicalJson(before[key] ?? null))
          changed[key] = fields[key]!;
      const result = await writeChange('record.update', {
        kind: 'checklist_template',
        id: existing.id,
        fields: changed,
      });
      setBusy(false);
      const problem = writeProblem(t, result);
      setFormError(problem);
      if (!problem) announce(t('checklists.edit.saved', { version: version + 1 }));
      return;
    }
    const id = uuidv7();
    const result = await writeChange('record.create', {
      kind: 'checklist_template',
      id,
      dept,
      fields: { ...fields, version: 1, archived: false, ...(basedOn ? { basedOn } : {}) },
    });
    setBusy(false);
    const problem = writeProblem(t, result);
    setFormError(problem);
    if (problem) return;
    announce(t('checklists.edit.created'));
    route(`/checklists/templates/${id}`);
  };

  const setArchived = async (archived: boolean): Promise<string | null> => {
    if (!existing) return null;
    const result = await writeChange('record.update', {
      kind: 'checklist_template',
      id: existing.id,
      fields: { archived },
    });
    return writeProblem(t, result);
  };

  const heading = existing
    ? t('checklists.edit.editTitle')
    : basedOn
      ? t('checklists.edit.copyTitle')
      : t('checklists.edit.newTitle');
  const phaseOf = (sectionId: string): ChecklistPhase =>
    [...draft.items].reverse().find((i) => i.section === sectionId)?.phase ?? 'activation';

  return (
    <div class="checklist-editor">
      <PageHeading title={heading}>{heading}</PageHeading>
      {baseTitle && <p>{t('checklists.edit.basedOn', { title: baseTitle })}</p>}
      {existing && (
        <p>
          <strong>{t('checklists.edit.version', { version })}</strong> — {t('checklists.edit.versionNote')}
        </p>
      )}
      {existing?.archived && (
        <p class="empty-state">
          <strong>{t('checklists.edit.archived')}</strong>
        </p>
      )}
      <form class="form" onSubmit={onSave} noValidate aria-describedby="template-form-error">
        <div class={titleErrors.length ? 'field field-invalid' : 'field'}>
          <label for="template-title">{t('checklists.edit.titleLabel')}</label>
          <FieldErrors t={t} id="template-title-error" errors={titleErrors} />
          <input
            id="template-title"
            type="text"
            value={draft.title}
            maxLength={200}
            required
            aria-invalid={titleErrors.length ? 'true' : undefined}
            aria-describedby={titleErrors.length ? 'template-title-error' : undefined}
            onInput={(e) => change({ ...draft, title: e.currentTarget.value })}
          />
        </div>
        <div class={descriptionErrors.length ? 'field field-invalid' : 'field'}>
          <label for="template-description">{t('checklists.edit.description')}</label>
          <FieldErrors t={t} id="template-description-error" errors={descriptionErrors} />
          <textarea
            id="template-description"
            rows={2}
            value={draft.description}
            aria-invalid={descriptionErrors.length ? 'true' : undefined}
            aria-describedby={descriptionErrors.length ? 'template-description-error' : undefined}
            onInput={(e) => change({ ...draft, description: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="template-language">{t('checklists.edit.language')}</label>
          <select
            id="template-language"
            value={draft.language}
            onChange={(e) => change({ ...draft, language: e.currentTarget.value === 'es' ? 'es' : 'en' })}
          >
            <option value="en">{t('checklists.language.en')}</option>
            <option value="es">{t('checklists.language.es')}</option>
          </select>
        </div>
        {!existing && departments.length > 1 && (
          <div class="field">
            <label for="template-dept">{t('checklists.edit.department')}</label>
            <select id="template-dept" value={dept} onChange={(e) => setDept(e.currentTarget.value)}>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        )}

        <h2>{t('checklists.edit.sections')}</h2>
        {draft.sections.map((section, sIndex) => {
          const items = draft.items.filter((i) => i.section === section.id);
          const name = section.title || t('checklists.edit.section', { n: sIndex + 1 });
          const sErrors = sectionErrors(section.id);
          return (
            <fieldset key={section.id} class="checklist-edit-section" data-section={section.id}>
              <legend>{t('checklists.edit.section', { n: sIndex + 1 })}</legend>
              <div class={sErrors.length ? 'field field-invalid' : 'field'}>
                <label for={`section-title-${section.id}`}>{t('checklists.edit.sectionTitle')}</label>
                <FieldErrors t={t} id={`section-title-${section.id}-error`} errors={sErrors} />
                <input
                  id={`section-title-${section.id}`}
                  type="text"
                  value={section.title}
                  maxLength={200}
                  aria-invalid={sErrors.length ? 'true' : undefined}
                  aria-describedby={sErrors.length ? `section-title-${section.id}-error` : undefined}
                  onInput={(e) => change(renameSection(draft, section.id, e.currentTarget.value))}
                />
              </div>
              <div class="button-row">
                <button
                  type="button"
                  id={`section-up-${section.id}`}
                  class="button button-small button-secondary"
                  disabled={sIndex === 0}
                  aria-label={t('checklists.edit.sectionUp', { title: name })}
                  onClick={() => {
                    change(moveSection(draft, section.id, -1));
                    setFocusAfter([`section-up-${section.id}`, `section-down-${section.id}`]);
                    announce(t('checklists.edit.moved'));
                  }}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  id={`section-down-${section.id}`}
                  class="button button-small button-secondary"
                  disabled={sIndex === draft.sections.length - 1}
                  aria-label={t('checklists.edit.sectionDown', { title: name })}
                  onClick={() => {
                    change(moveSection(draft, section.id, 1));
                    setFocusAfter([`section-down-${section.id}`, `section-up-${section.id}`]);
                    announce(t('checklists.edit.moved'));
                  }}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  class="button button-small button-secondary"
                  disabled={items.length > 0}
                  aria-label={t('checklists.edit.removeSectionNamed', { title: name })}
                  aria-describedby={items.length > 0 ? `section-remove-hint-${section.id}` : undefined}
                  onClick={() => change(removeSection(draft, section.id))}
                >
                  {t('checklists.edit.removeSection')}
                </button>
                {items.length > 0 && (
                  <span id={`section-remove-hint-${section.id}`} class="muted">
                    {t('checklists.edit.removeSectionHint')}
                  </span>
                )}
              </div>
              {items.length === 0 && <p class="muted">{t('checklists.edit.noItems')}</p>}
              <ol class="checklist-edit-items">
                {items.map((item, iIndex) => (
                  <ItemEditor
                    key={item.id}
                    t={t}
                    item={item}
                    n={draft.items.indexOf(item) + 1}
                    first={iIndex === 0}
                    last={iIndex === items.length - 1}
                    errorsOf={(part) => itemErrors(item.id, part)}
                    onChange={(c) => change(updateItem(draft, item.id, c))}
                    onMove={(by) => {
                      change(moveItem(draft, item.id, by));
                      const [a, b] = by === -1 ? ['up', 'down'] : ['down', 'up'];
                      setFocusAfter([`item-${a}-${item.id}`, `item-${b}-${item.id}`]);
                      announce(t('checklists.edit.moved'));
                    }}
                    onRemove={() => {
                      change(removeItem(draft, item.id));
                      setFocusAfter([`add-item-${section.id}`]);
                    }}
                  />
                ))}
              </ol>
              <button
                type="button"
                id={`add-item-${section.id}`}
                class="button button-small button-secondary"
                aria-label={t('checklists.edit.addItemTo', { title: name })}
                onClick={() => {
                  const next = addItem(draft, section.id, phaseOf(section.id));
                  change(next);
                  const added = next.items.find((i) => !draft.items.some((d) => d.id === i.id));
                  if (added)
                    requestAnimationFrame(() => document.getElementById(`item-text-${added.id}`)?.focus());
                }}
              >
                {t('checklists.edit.addItem')}
              </button>
            </fieldset>
          );
        })}
        <p>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              const next = addSection(draft, '');
              change(next);
              const added = next.sections[next.sections.length - 1];
              if (added)
                requestAnimationFrame(() => document.getElementById(`section-title-${added.id}`)?.focus());
            }}
          >
            {t('checklists.edit.addSection')}
          </button>
        </p>
        {formErrors.length > 0 && (
          <div class="field-invalid">
            <FieldErrors t={t} id="template-errors" errors={formErrors} />
          </div>
        )}
        <button type="submit" class="button" disabled={busy}>
          {busy ? t('common.saving') : t(existing ? 'checklists.edit.save' : 'checklists.edit.create')}
        </button>
        <FormError id="template-form-error" message={formError} />
      </form>
      {existing && (
        <section class="checklist-editor-actions">
          <p>
            <a href={`/checklists/print/template/${existing.id}`}>{t('checklists.edit.print')}</a>
          </p>
          {existing.archived ? (
            <button
              type="button"
              class="button button-secondary"
              onClick={() =>
                void setArchived(false).then((problem) => {
                  setFormError(problem);
                  if (!problem) announce(t('checklists.edit.restored'));
                })
              }
            >
              {t('checklists.edit.restore')}
            </button>
          ) : (
            <button type="button" class="button button-secondary" onClick={() => setConfirmArchive(true)}>
              {t('checklists.edit.archive')}
            </button>
          )}
          {confirmArchive && (
            <ConfirmDialog
              id="archive-template"
              title={t('checklists.edit.archiveTitle')}
              body={t('checklists.edit.archiveBody')}
              confirmLabel={t('checklists.edit.archive')}
              confirm={() => setArchived(true)}
              onDone={() => {
                setConfirmArchive(false);
                announce(t('checklists.edit.archivedDone'));
              }}
              onClose={() => setConfirmArchive(false)}
            />
          )}
        </section>
      )}
      <p>
        <a href="/checklists">{t('checklists.back')}</a>
      </p>
    </div>
  );
}

function ItemEditor({
  t,
  item,
  n,
  first,
  last,
  errorsOf,
  onChange,
  onMove,
  onRemove,
}: {
  t: ChecklistsT;
  item: ChecklistItem;
  n: number;
  first: boolean;
  last: boolean;
  errorsOf: (part: string) => DraftError[];
  onChange: (change: Partial<ChecklistItem>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = (part: string) => `item-${part}-${item.id}`;
  const text = errorsOf('text');
  const role = errorsOf('role');
  const phase = errorsOf('phase');
  const link = errorsOf('link');
  const section = errorsOf('section');
  const invalid = (list: DraftError[]) => (list.length ? 'true' : undefined);
  return (
    <li class="checklist-edit-item" data-item={item.id}>
      <fieldset>
        <legend>{t('checklists.edit.item', { n })}</legend>
        <FieldErrors t={t} id={id('section-error')} errors={section} />
        <div class={text.length ? 'field field-invalid' : 'field'}>
          <label for={id('text')}>{t('checklists.edit.itemText')}</label>
          <FieldErrors t={t} id={id('text-error')} errors={text} />
          <input
            id={id('text')}
            type="text"
            value={item.text}
            maxLength={500}
            aria-invalid={invalid(text)}
            aria-describedby={text.length ? id('text-error') : undefined}
            onInput={(e) => onChange({ text: e.currentTarget.value })}
          />
        </div>
        <div class="checklist-edit-row">
          <div class={role.length ? 'field field-invalid' : 'field'}>
            <label for={id('role')}>{t('checklists.edit.itemRole')}</label>
            <FieldErrors t={t} id={id('role-error')} errors={role} />
            <input
              id={id('role')}
              type="text"
              value={item.role}
              maxLength={500}
              aria-invalid={invalid(role)}
              aria-describedby={role.length ? id('role-error') : undefined}
              onInput={(e) => onChange({ role: e.currentTarget.value })}
            />
          </div>
          <div class={phase.length ? 'field field-invalid' : 'field'}>
            <label for={id('phase')}>{t('checklists.edit.itemPhase')}</label>
            <FieldErrors t={t} id={id('phase-error')} errors={phase} />
            <select
              id={id('phase')}
              value={item.phase}
              aria-invalid={invalid(phase)}
              onChange={(e) => onChange({ phase: e.currentTarget.value as ChecklistPhase })}
            >
              {CHECKLIST_PHASES.map((p) => (
                <option key={p} value={p}>
                  {t(`checklists.phase.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div class={link.length ? 'field field-invalid' : 'field'}>
            <label for={id('link')}>{t('checklists.edit.itemLink')}</label>
            <FieldErrors t={t} id={id('link-error')} errors={link} />
            <select
              id={id('link')}
              value={item.link ?? ''}
              aria-invalid={invalid(link)}
              onChange={(e) =>
                onChange({ link: (e.currentTarget.value || undefined) as ChecklistLink | undefined })
              }
            >
              <option value="">{t('checklists.edit.itemNoLink')}</option>
              {CHECKLIST_LINKS.map((l) => (
                <option key={l} value={l}>
                  {t(`checklists.link.${l}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div class="field field-check">
          <input
            id={id('critical')}
            type="checkbox"
            checked={item.critical}
            onChange={(e) => onChange({ critical: e.currentTarget.checked })}
          />
          <label for={id('critical')}>{t('checklists.edit.itemCritical')}</label>
        </div>
        <div class="button-row">
          <button
            type="button"
            id={id('up')}
            class="button button-small button-secondary"
            disabled={first}
            aria-label={t('checklists.edit.itemUp', { n })}
            onClick={() => onMove(-1)}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            id={id('down')}
            class="button button-small button-secondary"
            disabled={last}
            aria-label={t('checklists.edit.itemDown', { n })}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            type="button"
            class="button button-small button-secondary"
            aria-label={t('checklists.edit.removeItem', { n })}
            onClick={onRemove}
          >
            {t('checklists.edit.removeItem', { n })}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
