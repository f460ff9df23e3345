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
 * later is matched by this code; the QR code (later) will hold the same text.
 */
export function documentCode(prefix: string, subject: string | null, version = 1): string {
  return [prefix, subject, `v${version}`].filter(Boolean).join('-');
}
