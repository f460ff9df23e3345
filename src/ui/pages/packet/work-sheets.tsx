// The packet's other sheets: blank checklists (shipped ones in the UI language and the managers' own),
// open permits, the week's inspections, each active incident's latest ICS 214 page and the blank forms.
import type { ChecklistItem } from '../../../domain/checklists/checklist-kinds';
import { inLanguage } from '../../../domain/checklists/shipped-template-types';
import { SHIPPED_TEMPLATES } from '../../../domain/checklists/shipped-templates';
import { outlineOf } from '../../../storage/checklist-queries';
import { addDays, type PacketData, type PacketInspection } from '../../../storage/packet-queries';
import type { Language } from '../../i18n/translate';
import { ChecklistSheet } from '../checklists/print/checklist-sheet';
import { Blank213Form } from '../incidents/print/blank-213-print-page';
import { Blank214Form } from '../incidents/print/blank-214-print-page';
import { formatStamp, logRows } from '../incidents/print/print-model';
import { BlankInspectionForm } from '../permits/print/blank-inspection-print-page';
import { BlankIntakeForm } from '../permits/print/blank-intake-print-page';
import { formatDay, statusLabel } from '../permits/print/print-labels';
import type { PermitPrintT } from '../permits/print/messages';
import type { SheetSpec } from './contact-sheets';
import type { PacketT } from './messages';
import { chunk, ROWS } from './packet-sections';

const continued = (t: PacketT, title: string, i: number) =>
  i === 0 ? title : t('packet.sheet.continued', { title });

export function checklistSheets(
  t: PacketT,
  templates: PacketData['templates'],
  language: Language,
): SheetSpec[] {
  const lang = language === 'es' ? 'es' : 'en';
  const all = [
    ...SHIPPED_TEMPLATES.map((template) => inLanguage(template, lang)),
    ...templates.map((record) => ({ title: String(record.fields.title ?? ''), ...outlineOf(record) })),
  ];
  return all.flatMap(({ title, sections, items }) =>
    chunk<ChecklistItem>(items, ROWS.checklist).map((piece, i) => ({
      section: 'checklists' as const,
      title: continued(t, t('packet.checklist.heading', { title }), i),
      body: (
        <ChecklistSheet
          title={title}
          hideTitle
          language={lang}
          sections={sections.filter((s) => piece.some((item) => item.section === s.id))}
          items={piece}
        />
      ),
    })),
  );
}

export function permitSheets(t: PacketT, pt: PermitPrintT, permits: PacketData['permits']): SheetSpec[] {
  return chunk(permits, ROWS.permits).map((piece, i) => ({
    section: 'permits' as const,
    title: continued(t, t('packet.section.permits'), i),
    body: (
      <>
        {i === 0 && <p>{t('packet.permits.count', { count: permits.length })}</p>}
        {piece.length > 0 && (
          <table class="print-table packet-table packet-rows">
            <thead>
              <tr>
                <th scope="col">{t('packet.permits.number')}</th>
                <th scope="col">{t('packet.permits.address')}</th>
                <th scope="col">{t('packet.permits.type')}</th>
                <th scope="col">{t('packet.permits.status')}</th>
                <th scope="col">{t('packet.permits.applicant')}</th>
              </tr>
            </thead>
            <tbody>
              {piece.map((permit) => (
                <tr key={permit.id} data-permit={permit.number}>
                  <th scope="row" class="nowrap">
                    {permit.number}
                    {permit.provisional && <> {t('packet.permits.provisional')}</>}
                  </th>
                  <td>{permit.address}</td>
                  <td>{permit.permitType}</td>
                  <td>{statusLabel(pt, permit.status)}</td>
                  <td>{permit.applicant}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    ),
  }));
}

function InspectionTable({ t, rows }: { t: PacketT; rows: PacketInspection[] }) {
  return (
    <table class="print-table packet-table packet-rows">
      <thead>
        <tr>
          <th scope="col">{t('packet.inspections.date')}</th>
          <th scope="col">{t('packet.inspections.address')}</th>
          <th scope="col">{t('packet.inspections.permit')}</th>
          <th scope="col">{t('packet.inspections.type')}</th>
          <th scope="col">{t('packet.inspections.inspector')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td class="nowrap">{row.date}</td>
            <th scope="row">{row.address}</th>
            <td class="nowrap">{row.permitNumber}</td>
            <td>{row.inspectionType}</td>
            <td>{row.inspector}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function inspectionSheets(
  t: PacketT,
  inspections: PacketData['inspections'],
  today: string,
  language: Language,
): SheetSpec[] {
  const parts = [
    { rows: inspections.today, title: t('packet.inspections.today', { date: formatDay(today, language) }) },
    {
      rows: inspections.week,
      title: t('packet.inspections.week', { date: formatDay(addDays(today, 6), language) }),
    },
  ];
  return parts.flatMap(({ rows, title }) =>
    chunk(rows, ROWS.inspections).map((piece, i) => ({
      section: 'inspections' as const,
      title: continued(t, title, i),
      body: piece.length === 0 ? <p>{t('packet.none')}</p> : <InspectionTable t={t} rows={piece} />,
    })),
  );
}

export function incidentSheets(t: PacketT, pages: PacketData['logPages']): SheetSpec[] {
  if (pages.length === 0)
    return [{ section: 'incidents', title: t('packet.section.incidents'), body: <p>{t('packet.none')}</p> }];
  return pages.map(({ incident, log, entries, firstNumber, total }) => {
    const rows = logRows(entries);
    return {
      section: 'incidents' as const,
      title: t('packet.incident.heading', {
        log: String(log.fields.name ?? ''),
        incident: String(incident.fields.name ?? ''),
      }),
      body:
        rows.length === 0 ? (
          <p>{t('packet.incident.noEntries')}</p>
        ) : (
          <>
            <p>
              {t('packet.incident.entries', {
                from: firstNumber,
                to: firstNumber + rows.length - 1,
                total,
              })}
            </p>
            <table class="print-table packet-table packet-log">
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t('packet.incident.number')}
                  </th>
                  <th scope="col">{t('packet.incident.time')}</th>
                  <th scope="col">{t('packet.incident.text')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, k) => (
                  <tr key={row.entry.id}>
                    <td class="num">{firstNumber + k}</td>
                    <td class="nowrap">{formatStamp(row.eventAt)}</td>
                    <td>
                      <span class="packet-clamp">{row.text}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ),
    };
  });
}

export function blankFormSheets(t: PacketT, titles: [string, string, string, string]): SheetSpec[] {
  const forms = [Blank214Form, Blank213Form, BlankIntakeForm, BlankInspectionForm];
  return forms.map((Form, i) => ({
    section: 'blankForms' as const,
    title: titles[i]!,
    pages: 2 as const,
    body: (
      <div class="packet-form">
        <Form />
      </div>
    ),
  }));
}
