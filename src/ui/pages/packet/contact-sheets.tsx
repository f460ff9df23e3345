// The packet's Contacts sheets, from the Contacts print model (callSheets, commsList): each tree as an
// outline, its call sheets and its ICS 205A list, and the orders of succession, cut into one-page sheets.
import type { JsonObject } from '../../../domain/sync/json-value';
import type { PacketData } from '../../../storage/packet-queries';
import type { TreeSnapshot } from '../../../storage/run-queries';
import type { ContactPrintT } from '../contacts/print/messages';
import { callSheets, commsList, sortedPhones } from '../contacts/print/print-model';
import { phonesInWords } from '../contacts/print/tree-print-parts';
import { phoneText } from '../contacts/runs/run-write';
import type { PacketT } from './messages';
import { chunk, ROWS, type SectionKey } from './packet-sections';
import type { ComponentChildren } from 'preact';

export interface SheetSpec {
  section: SectionKey;
  title: string;
  body: ComponentChildren;
  /** Physical pages the sheet takes: 1 (the default) or 2 for a blank form. */
  pages?: 1 | 2;
}

const nameOf = (record: { fields: JsonObject } | null | undefined) => String(record?.fields.name ?? '');

function continued(t: PacketT, title: string, i: number) {
  return i === 0 ? title : t('packet.sheet.continued', { title });
}

export function treeSheets(t: PacketT, ct: ContactPrintT, trees: readonly TreeSnapshot[]): SheetSpec[] {
  if (trees.length === 0)
    return [{ section: 'trees', title: t('packet.section.trees'), body: <p>{t('packet.none')}</p> }];
  return trees.flatMap((snapshot) => {
    const title = t('packet.tree.heading', { name: nameOf(snapshot.tree) });
    return chunk(snapshot.people, ROWS.outline).map((people, i) => ({
      section: 'trees' as const,
      title: continued(t, title, i),
      body: (
        <>
          {i === 0 && <p>{t('packet.tree.count', { count: snapshot.people.length })}</p>}
          <ul class="tree-print-outline packet-outline">
            {people.map(({ node, depth, contact }) => {
              const backup = node.backupContactId ? snapshot.contacts.get(node.backupContactId) : undefined;
              const position = String(contact?.fields.position ?? '');
              return (
                <li key={node.nodeId} class={`tree-print-depth-${Math.min(depth, 8)}`} data-depth={depth}>
                  <strong>{nameOf(contact)}</strong>
                  {position && <> — {position}</>} · {phonesInWords(ct, sortedPhones(contact).slice(0, 2))}
                  {backup && <> · {ct('contactPrint.tree.backup', { name: nameOf(backup) })}</>}
                </li>
              );
            })}
          </ul>
        </>
      ),
    }));
  });
}

export function callSheetSheets(t: PacketT, ct: ContactPrintT, trees: readonly TreeSnapshot[]): SheetSpec[] {
  const specs: SheetSpec[] = [];
  for (const snapshot of trees) {
    const tree = t('packet.sheets.heading', { tree: nameOf(snapshot.tree) });
    for (const sheet of callSheets(snapshot)) {
      const caller = sheet.caller
        ? ct('contactPrint.sheets.caller', { name: sheet.caller.name })
        : ct('contactPrint.sheets.initiator');
      chunk(sheet.people, ROWS.callSheet).forEach((people, i) =>
        specs.push({
          section: 'callSheets',
          title: continued(t, `${tree} · ${caller}`, i),
          body: (
            <>
              {i === 0 && sheet.caller?.phone && (
                <p>{ct('contactPrint.sheets.callerPhone', { phone: phoneText(sheet.caller.phone) })}</p>
              )}
              <table class="print-table packet-table call-sheet-table">
                <thead>
                  <tr>
                    <th scope="col">{ct('contactPrint.col.person')}</th>
                    <th scope="col">{ct('contactPrint.col.numbers')}</th>
                    <th scope="col">{ct('contactPrint.col.backup')}</th>
                    {[1, 2, 3].map((n) => (
                      <th key={n} scope="col" class="call-sheet-blank">
                        {ct('contactPrint.col.attempt', { n })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {people.map((person) => (
                    <tr key={person.node.nodeId}>
                      <th scope="row">{person.name}</th>
                      <td>{phonesInWords(ct, person.phones.slice(0, 2))}</td>
                      <td>{person.backupName}</td>
                      {[1, 2, 3].map((n) => (
                        <td key={n} class="call-sheet-blank" />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ),
        }),
      );
    }
  }
  return specs.length
    ? specs
    : [{ section: 'callSheets', title: t('packet.section.callSheets'), body: <p>{t('packet.none')}</p> }];
}

export function ics205aSheets(t: PacketT, ct: ContactPrintT, trees: readonly TreeSnapshot[]): SheetSpec[] {
  if (trees.length === 0)
    return [{ section: 'ics205a', title: t('packet.section.ics205a'), body: <p>{t('packet.none')}</p> }];
  return trees.flatMap((snapshot) => {
    const { rows, sensitive } = commsList(snapshot);
    const title = t('packet.205a.heading', { tree: nameOf(snapshot.tree) });
    return chunk(rows, ROWS.ics205a).map((piece, i) => ({
      section: 'ics205a' as const,
      title: continued(t, title, i),
      body: (
        <>
          {sensitive && (
            <p class="sensitive-marking">
              <strong>{ct('contactPrint.205a.sensitive')}</strong>
            </p>
          )}
          <table class="print-table packet-table ics205a-table">
            <thead>
              <tr>
                <th scope="col">{ct('contactPrint.205a.position')}</th>
                <th scope="col">{ct('contactPrint.205a.name')}</th>
                <th scope="col">{ct('contactPrint.205a.methods')}</th>
              </tr>
            </thead>
            <tbody>
              {piece.map((row) => (
                <tr key={row.contactId}>
                  <td>{row.position}</td>
                  <th scope="row">{row.name}</th>
                  <td>
                    {[
                      phonesInWords(ct, row.phones.slice(0, 3)),
                      row.radio ? ct('contactPrint.radio', { radio: row.radio }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    }));
  });
}

export function successionSheets(t: PacketT, successions: PacketData['successions']): SheetSpec[] {
  return chunk(successions, ROWS.succession).map((piece, i) => ({
    section: 'succession' as const,
    title: continued(t, t('packet.section.succession'), i),
    body:
      piece.length === 0 ? (
        <p>{t('packet.none')}</p>
      ) : (
        <table class="print-table packet-table">
          <thead>
            <tr>
              <th scope="col">{t('packet.succession.position')}</th>
              <th scope="col">{t('packet.succession.line')}</th>
            </tr>
          </thead>
          <tbody>
            {piece.map(({ succession, people }) => (
              <tr key={succession.id}>
                <th scope="row">{String(succession.fields.position ?? '')}</th>
                <td>
                  <ol class="packet-line">
                    {people.map((person, k) => (
                      <li key={k}>
                        {person.name}
                        {person.phone && <> · {phoneText(person.phone)}</>}
                      </li>
                    ))}
                  </ol>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
  }));
}
