// The permit lifecycle: the states a permit passes through (BLDS statuses plus the common vendor ones) and
// the only moves allowed between them. The device offers only these moves; the server refuses any other.

export const PERMIT_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'fees_due',
  'issued',
  'inspections',
  'finaled',
  'finaled_conditions',
  'certificate_of_occupancy',
  'suspended',
  'expired',
  'revoked',
  'appealed',
  'withdrawn',
  'cancelled',
] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** Where each status may go next. A status missing from every list here is never entered by a move. */
export const PERMIT_TRANSITIONS: Readonly<Record<PermitStatus, readonly PermitStatus[]>> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['in_review', 'fees_due', 'issued', 'withdrawn', 'cancelled'],
  in_review: ['fees_due', 'issued', 'withdrawn', 'cancelled'],
  fees_due: ['issued', 'withdrawn', 'cancelled'],
  issued: ['inspections', 'finaled', 'suspended', 'expired', 'revoked', 'cancelled'],
  inspections: ['finaled', 'finaled_conditions', 'suspended', 'expired', 'revoked'],
  finaled: ['certificate_of_occupancy'],
  finaled_conditions: ['finaled', 'certificate_of_occupancy'],
  certificate_of_occupancy: [],
  suspended: ['issued', 'inspections', 'expired', 'revoked'],
  expired: ['issued', 'appealed'],
  revoked: ['appealed'],
  appealed: ['issued', 'revoked'],
  withdrawn: [],
  cancelled: [],
};

/** Moves that need a reason written down (the event keeps it). */
export const REASON_REQUIRED: readonly PermitStatus[] = [
  'suspended',
  'revoked',
  'withdrawn',
  'cancelled',
  'appealed',
  'expired',
  'finaled_conditions',
];

/** Statuses in which work is authorised and the expiry date matters. */
export const ACTIVE_STATUSES: readonly PermitStatus[] = ['issued', 'inspections', 'suspended'];

/** Statuses a permit ends in. */
export const CLOSED_STATUSES: readonly PermitStatus[] = [
  'finaled',
  'certificate_of_occupancy',
  'withdrawn',
  'cancelled',
  'revoked',
];

export function isPermitStatus(value: unknown): value is PermitStatus {
  return typeof value === 'string' && (PERMIT_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: PermitStatus, to: PermitStatus): boolean {
  return PERMIT_TRANSITIONS[from].includes(to);
}

export function nextStatuses(from: PermitStatus): readonly PermitStatus[] {
  return PERMIT_TRANSITIONS[from];
}

/** Whether an active permit is past its expiry date on `today` (YYYY-MM-DD, the device's local date). */
export function isPastExpiry(permit: { status?: unknown; expiryDate?: unknown }, today: string): boolean {
  return (
    isPermitStatus(permit.status) &&
    ACTIVE_STATUSES.includes(permit.status) &&
    typeof permit.expiryDate === 'string' &&
    permit.expiryDate < today
  );
}

/** Human words for a status, in English (the UI translates by status code). */
export const STATUS_LABELS: Readonly<Record<PermitStatus, string>> = {
  draft: 'Draft',
  submitted: 'Submitted',
  in_review: 'In review',
  fees_due: 'Fees due',
  issued: 'Issued',
  inspections: 'Inspections in progress',
  finaled: 'Finaled',
  finaled_conditions: 'Finaled with conditions',
  certificate_of_occupancy: 'Certificate of occupancy',
  suspended: 'Suspended',
  expired: 'Expired',
  revoked: 'Revoked',
  appealed: 'Under appeal',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
};
