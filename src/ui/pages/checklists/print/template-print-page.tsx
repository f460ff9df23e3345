// /checklists/print/template/:ref — any checklist template as a blank paper checklist: a shipped one by its
// key (in English or Spanish: ?lang=es, the reader's language by default) or the organization's own by id.
// Per section a table: tick box, task (critical ones marked in words), assigned to, initials, time.
import { useLocation, useRoute } from 'preact-iso';
import type { ChecklistLanguage } from '../../../../domain/checklists/checklist-kinds';
import { inLanguage } from '../../../../domain/checklists/shipped-template-types';
import { shippedTemplate } from '../../../../domain/checklists/shipped-templates';
import { outlineOf } from '../../../../storage/checklist-queries';
import { getRecord } from '../../../../storage/sync-queries';
import { useLiveQuery } from '../../../hooks/use-live-query';
import { useAreaT } from '../../../i18n/use-t';
import { documentCode, shortId } from '../../../print/print-codes';
import { PrintDocument, PrintStatus } from '../../../print/print-document';
import { useDatabase } from '../../../sync/use-sync-facts';
import { checklistsMessages, checklistsTIn } from '../messages';
import { ChecklistSheet } from './checklist-sheet';

/** The code a blank shipped checklist prints: "CKL-POWER-OUTAGE-ES-v3". */
export const shippedChecklistCode = (key: string, language: ChecklistLanguage, version: number) =>
  documentCode('CKL', `${key.toUpperCase()}-${language.toUpperCase()}`, version);

/** The code of a blank own template: "CKL-6C8E9F3A-v4" (its version). */
export const ownChecklistCode = (id: string, version: number) => documentCode('CKL', shortId(id), version);

export function TemplatePrintPage() {
  const t = useAreaT(checklistsMessages);
  const { params } = useRoute();
  const { query } = useLocation();
  const db = useDatabase();
  const ref = params.ref ?? '';
  const shipped = shippedTemplate(ref);
  const record = useLiveQuery(
    () => (db && !shipped ? getRecord(db, ref).then((r) => r ?? null) : null),
    [db, ref, shipped],
  );
  if (shipped) {
    const language: ChecklistLanguage = query.lang === 'es' || query.lang === 'en' ? query.lang : t.language;
    const copy = inLanguage(shipped, language);
    const tl = checklistsTIn(language);
    return (
      <PrintDocument
        title={tl('checklists.print.templateTitle', { title: copy.title })}
        code={shippedChecklistCode(shipped.key, language, shipped.version)}
        intro={
          <>
            <p lang={language}>{copy.description}</p>
            <p>
              {tl('checklists.print.blankIntro')}{' '}
              {tl('checklists.print.version', { version: shipped.version })}
            </p>
            <p class="print-toolbar checklist-print-languages">
              {t('checklists.print.language')}{' '}
              <a
                href={`/checklists/print/template/${shipped.key}?lang=en`}
                aria-current={language === 'en' ? 'page' : undefined}
              >
                {t('checklists.language.en')}
              </a>{' '}
              ·{' '}
              <a
                href={`/checklists/print/template/${shipped.key}?lang=es`}
                aria-current={language === 'es' ? 'page' : undefined}
              >
                {t('checklists.language.es')}
              </a>
            </p>
          </>
        }
      >
        <ChecklistSheet
          title={copy.title}
          sections={copy.sections}
          items={copy.items}
          language={language}
          hideTitle
        />
      </PrintDocument>
    );
  }
  if (record === undefined) return <PrintStatus state="loading" />;
  if (!record || record.deleted || record.kind !== 'checklist_template')
    return <PrintStatus state="missing" />;
  const language: ChecklistLanguage = record.fields.language === 'es' ? 'es' : 'en';
  const tl = checklistsTIn(language);
  const title = String(record.fields.title ?? '');
  const version = Number(record.fields.version ?? 1);
  const { sections, items } = outlineOf(record);
  return (
    <PrintDocument
      title={tl('checklists.print.templateTitle', { title })}
      code={ownChecklistCode(record.id, version)}
      intro={
        <>
          {typeof record.fields.description === 'string' && record.fields.description && (
            <p lang={language}>{record.fields.description}</p>
          )}
          <p>
            {tl('checklists.print.blankIntro')} {tl('checklists.print.version', { version })}
          </p>
        </>
      }
    >
      <ChecklistSheet title={title} sections={sections} items={items} language={language} hideTitle />
    </PrintDocument>
  );
}
