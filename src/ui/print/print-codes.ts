// Short codes printed on paper, to read out or type back in: the device's and the document's.
// Ids are UUIDv7: their first digits are a timestamp (records made the same minute share them), so the
// codes use the random tail, which tells records apart.

const hexOf = (id: string) => id.replace(/[^0-9a-f]/gi, '').toUpperCase();

/** Six characters naming a device, e.g. "8E9F3A" from …-4a5b6c8e9f3a. */
export function deviceCode(deviceId: string | null | undefined): string {
  const hex = hexOf(deviceId ?? '');
  return hex.length >= 6 ? hex.slice(-6) : '';
}

/** Eight characters naming a record, e.g. "6C8E9F3A". */
export function shortId(id: string): string {
  return hexOf(id).slice(-8);
}

/**
 * The code a printed document carries on every page: what it is, which record (or which day, for a
 * list), and the layout version, e.g. "PRM-6C8E9F3A-v1" or "PRM-INTAKE-v1". A paper form keyed back in
 * later is matched by this code; the page's QR code holds it too (qrPayload).
 */
export function documentCode(prefix: string, subject: string | null, version = 1): string {
  return [prefix, subject, `v${version}`].filter(Boolean).join('-');
}

/**
 * What a printed page's QR code holds: "HOLDFAST|<document code>|p<page>", e.g.
 * "HOLDFAST|PKT-6C8E9F3A-v1|p3" (the document code carries the layout version). The prefix tells a
 * Holdfast code from any other QR code on the desk; "|" never occurs in a document code. Documented in
 * docs/outage-packet.md. Most print views carry one QR code, on their first page (p1), and their code as
 * text in the running header of every page; the outage packet is laid out in sheets of one page each, so
 * every page of it carries its own QR code.
 */
export function qrPayload(code: string, page: number): string {
  return `HOLDFAST|${code}|p${page}`;
}

export interface QrPayload {
  code: string;
  /** The document code without its version, e.g. "PKT-6C8E9F3A". */
  document: string;
  version: number;
  page: number;
}

/** Reads a payload back (keying paper in); null when the text is not a Holdfast page code. */
export function parseQrPayload(text: string): QrPayload | null {
  const match = /^HOLDFAST\|(([A-Z0-9-]+?)-v(\d+))\|p(\d+)$/.exec(text.trim());
  if (!match) return null;
  return {
    code: match[1]!,
    document: match[2]!,
    version: Number(match[3]),
    page: Number(match[4]),
  };
}
