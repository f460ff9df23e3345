// How permits are found: normalised words a search matches by prefix (number, address, applicant).
import { facetTerm as genericFacetTerm, normalizeSearchText } from '../sync/search-text';

export { normalizeSearchText };

const text = (value: unknown): string => (typeof value === 'string' ? normalizeSearchText(value) : '');

/**
 * The terms of one permit: each number whole, the address whole and from its street name on (so "abbey"
 * and "1268 abbey" both find "1268 ABBEY CRT."), and each word of the applicant's and contractor's names.
 */
export function permitSearchTerms(fields: Record<string, unknown>): string[] {
  const terms = new Set<string>();
  for (const number of [fields.number, fields.provisionalNumber]) {
    const value = text(number);
    if (value) terms.add(value);
  }
  const address = text(fields.address);
  if (address) {
    terms.add(address);
    const words = address.split(' ');
    // "1268 abbey crt" also as "abbey crt"; "unit 4 12 main st" also from each word after a number.
    for (let i = 1; i < words.length && i < 4; i++) terms.add(words.slice(i).join(' '));
  }
  for (const name of [fields.applicantName, fields.contractorName]) {
    for (const word of text(name).split(' ')) if (word.length > 1) terms.add(word);
  }
  const parcel = text(fields.parcel);
  if (parcel) terms.add(parcel);
  // The code printed on a paper intake form, so the paper can be matched to what was keyed in.
  const paperCode = text(fields.paperCode);
  if (paperCode) terms.add(paperCode);
  for (const term of permitFacetTerms(fields)) terms.add(term);
  return [...terms];
}

/**
 * Facets for filtering without reading every permit: "@status=issued", "@type=<type>", "@applied=<date>",
 * "@expiry=<date>". Typed text is normalised without "@" and "=", so a search never matches a facet by
 * accident. Query one facet through the index (a date range is a key range) and check the others per row.
 */
export function permitFacetTerms(fields: Record<string, unknown>): string[] {
  const facets: string[] = [];
  if (typeof fields.status === 'string') facets.push(facetTerm('status', fields.status));
  const type = text(fields.permitType);
  if (type) facets.push(facetTerm('type', type));
  if (typeof fields.appliedDate === 'string') facets.push(facetTerm('applied', fields.appliedDate));
  if (typeof fields.expiryDate === 'string') facets.push(facetTerm('expiry', fields.expiryDate));
  return facets;
}

/** `permit` is the facet of a permit's own records (events, fees, inspections, results): its id. */
export type PermitFacet = 'status' | 'type' | 'applied' | 'expiry' | 'permit';

export const facetTerm = (facet: PermitFacet, value: string): string => genericFacetTerm(facet, value);
