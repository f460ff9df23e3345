// The outage packet as one printed document: the cover (organization, departments, printed at, data as
// of, contents with the page each section starts on) on page 1, then one sheet per page (packet-sheet),
// each with its own QR code. Printing it, by the Print button or the browser's menu, is noted on the
// device for the Device page's reminder.
import { useEffect, useMemo } from 'preact/hooks';
import { recordPacketPrinted, type PacketData } from '../../../storage/packet-queries';
import { formatDateTime } from '../../format/format-date-time';
import { useAreaT } from '../../i18n/use-t';
import { PrintDocument } from '../../print/print-document';
import { PrintFacts } from '../../print/print-parts';
import { useAppStore } from '../../store/use-app-store';
import { useDatabase } from '../../sync/use-sync-facts';
import { contactPrintMessages } from '../contacts/print/messages';
import { incidentPrintMessages } from '../incidents/print/messages';
import { permitPrintMessages } from '../permits/print/messages';
import {
  callSheetSheets,
  ics205aSheets,
  successionSheets,
  treeSheets,
  type SheetSpec,
} from './contact-sheets';
import { packetMessages, type PacketKey } from './messages';
import { PacketSheet } from './packet-sheet';
import { SECTIONS, type SectionKey } from './packet-sections';
import {
  blankFormSheets,
  checklistSheets,
  incidentSheets,
  inspectionSheets,
  permitSheets,
} from './work-sheets';
import './packet.css';

export interface PacketDocumentProps {
  code: string;
  data: PacketData;
  sections: ReadonlySet<SectionKey>;
  departments: readonly string[];
  organization: string;
  printedAt: Date;
  today: string;
}

const sectionKey = (section: SectionKey) => `packet.section.${section}` as PacketKey;

export function PacketDocument(props: PacketDocumentProps) {
  const { code, data, sections, departments, organization, printedAt, today } = props;
  const t = useAreaT(packetMessages);
  const ct = useAreaT(contactPrintMessages);
  const it = useAreaT(incidentPrintMessages);
  const pt = useAreaT(permitPrintMessages);
  const db = useDatabase();
  const announce = useAppStore((state) => state.announce);

  const sheets = useMemo(() => {
    const build: Record<SectionKey, () => SheetSpec[]> = {
      trees: () => treeSheets(t, ct, data.trees),
      callSheets: () => callSheetSheets(t, ct, data.trees),
      ics205a: () => ics205aSheets(t, ct, data.trees),
      succession: () => successionSheets(t, data.successions),
      checklists: () => checklistSheets(t, data.templates, t.language),
      permits: () => permitSheets(t, pt, data.permits),
      inspections: () => inspectionSheets(t, data.inspections, today, t.language),
      incidents: () => incidentSheets(t, data.logPages),
      blankForms: () =>
        blankFormSheets(t, [
          it('incidentPrint.blank214.title'),
          it('incidentPrint.blank213.title'),
          pt('permitPrint.intake.title'),
          pt('permitPrint.blankInspection.title'),
        ]),
    };
    return SECTIONS.filter((s) => sections.has(s)).flatMap((s) => build[s]());
  }, [t, ct, it, pt, data, sections, today]);

  // The page each sheet starts on: the cover is page 1, then each sheet's one page (two for a form).
  const firstPages: number[] = [];
  sheets.reduce((page, sheet) => {
    firstPages.push(page);
    return page + (sheet.pages ?? 1);
  }, 2);
  const contents = SECTIONS.filter((s) => sections.has(s)).map((section) => ({
    section,
    page: firstPages[sheets.findIndex((sheet) => sheet.section === section)] ?? 0,
  }));

  useEffect(() => {
    if (!db) return;
    const onAfterPrint = () => void recordPacketPrinted(db, code);
    window.addEventListener('afterprint', onAfterPrint);
    return () => window.removeEventListener('afterprint', onAfterPrint);
  }, [db, code]);

  const title = t('packet.docTitle');
  return (
    <PrintDocument
      title={title}
      code={code}
      onPrint={() => {
        if (db) void recordPacketPrinted(db, code).then(() => announce(t('packet.printedNote')));
      }}
    >
      <section class="packet-cover" data-page={1}>
        <PrintFacts
          items={[
            [t('packet.cover.organization'), organization || t('packet.cover.noOrganization')],
            [t('packet.cover.departments'), departments.join(', ')],
            [t('packet.cover.printedAt'), formatDateTime(printedAt.toISOString(), t.language)],
          ]}
        />
        <h2>{t('packet.cover.contents')}</h2>
        <ol class="packet-contents">
          {contents.map(({ section, page }) => (
            <li key={section}>
              {t(sectionKey(section))} · {t('packet.cover.page', { page })}
            </li>
          ))}
        </ol>
        <p>{t('packet.cover.keying')}</p>
      </section>
      {sheets.map((sheet, i) => (
        <PacketSheet
          key={i}
          t={t}
          code={code}
          page={firstPages[i]!}
          pages={sheet.pages ?? 1}
          title={sheet.title}
          section={sheet.section}
          sectionTitle={t(sectionKey(sheet.section))}
        >
          {sheet.body}
        </PacketSheet>
      ))}
    </PrintDocument>
  );
}
