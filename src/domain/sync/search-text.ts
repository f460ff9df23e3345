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

/**
 * A facet term ("@incident=<id>", "@status=issued"): found through the search index without reading
 * every record. Typed text is normalised without "@" and "=", so a search never matches a facet.
 */
export const facetTerm = (facet: string, value: string): string => `@${facet}=${value}`;
