// The one normalisation search uses on both sides: what a kind indexes and what a person types.

/** Lowercase, accents removed, punctuation to spaces, single spaces: "1268 ABBEY CRT.  " -> "1268 abbey crt". */
export function normalizeSearchText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim();
}
