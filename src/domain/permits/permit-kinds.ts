// The record kinds of the Permits area: the permit (an editable document whose status moves only through
// status events), its status events, fee items, inspections and inspection results (append-only).
import type { JsonObject } from '../sync/json-value';
import {
  checkDate,
  checkDateOrder,
  checkDateTime,
  checkNumber,
  checkOneOf,
  checkRecordRef,
  checkText,
  checkTextList,
  problems,
} from '../sync/field-checks';
import type { FieldError, ServerCreateContext } from '../sync/record-kinds';
import { defineKind } from '../sync/record-kinds';
import type { MutationContext, Rejection } from '../sync/mutation-types';
import {
  canTransition,
  isPermitStatus,
  PERMIT_STATUSES,
  REASON_REQUIRED,
  STATUS_LABELS,
  type PermitStatus,
} from './lifecycle';
import { facetTerm, permitSearchTerms } from './search-terms';

/** Statuses a permit may be created in by hand; an import may bring any status from the city's file. */
export const NEW_PERMIT_STATUSES: readonly PermitStatus[] = ['draft', 'submitted'];

export const PERMIT_FIELDS = [
  'number',
  'provisionalNumber',
  'permitType',
  'workClass',
  'description',
  'address',
  'parcel',
  'applicantName',
  'applicantPhone',
  'applicantEmail',
  'contractorName',
  'contractorPhone',
  'contractorEmail',
  'contractorLicense',
  'valuationCents',
  'appliedDate',
  'issuedDate',
  'finaledDate',
  'expiryDate',
  'status',
  'notes',
  // An application keyed in from a paper form (an outage's manual intake): the code printed on the form,
  // to match the paper, and when the applicant handed it in. The application date is the paper's date.
  'paperCode',
  'paperReceivedAt',
  'importedFrom',
] as const;

/** Fields a record.update may change. Number and status are not among them: see numbering and events. */
export const PERMIT_EDITABLE_FIELDS = PERMIT_FIELDS.filter(
  (field) => !['number', 'provisionalNumber', 'status', 'importedFrom'].includes(field),
);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(fields: JsonObject, field: string, label: string): FieldError | null {
  const value = fields[field];
  if (value === undefined || value === null || value === '') return null;
  const tooLong = checkText(fields, field, label, { max: 254 });
  if (tooLong) return tooLong;
  return EMAIL.test(String(value))
    ? null
    : { field, code: 'wrong_type', message: `${label} is not an email address.` };
}

const MAX_VALUATION_CENTS = 100_000_000_000_00; // 100 billion in the deployment's currency

export function validatePermit(fields: JsonObject, op: 'create' | 'update' | 'append'): FieldError[] {
  const imported = typeof fields.importedFrom === 'string' && fields.importedFrom !== '';
  const errors = problems(
    checkText(fields, 'number', 'Permit number', { max: 40 }),
    checkText(fields, 'provisionalNumber', 'Provisional number', { max: 40 }),
    checkText(fields, 'permitType', 'Permit type', { required: true, max: 120 }),
    checkText(fields, 'workClass', 'Work class', { max: 120 }),
    checkText(fields, 'description', 'Work description', { required: true, max: 4_000 }),
    checkText(fields, 'address', 'Address', { required: true, max: 300 }),
    checkText(fields, 'parcel', 'Parcel', { max: 60 }),
    checkText(fields, 'applicantName', 'Applicant', { required: !imported, max: 200 }),
    checkText(fields, 'applicantPhone', "Applicant's phone", { max: 40 }),
    checkEmail(fields, 'applicantEmail', "Applicant's email"),
    checkText(fields, 'contractorName', 'Contractor', { max: 200 }),
    checkText(fields, 'contractorPhone', "Contractor's phone", { max: 40 }),
    checkEmail(fields, 'contractorEmail', "Contractor's email"),
    checkText(fields, 'contractorLicense', "Contractor's licence", { max: 60 }),
    checkNumber(fields, 'valuationCents', 'Valuation', {
      min: 0,
      max: MAX_VALUATION_CENTS,
      integer: true,
    }),
    checkDate(fields, 'appliedDate', 'Application date', { required: true }),
    checkDate(fields, 'issuedDate', 'Issue date'),
    checkDate(fields, 'finaledDate', 'Final date'),
    checkDate(fields, 'expiryDate', 'Expiry date'),
    checkOneOf(fields, 'status', 'Status', PERMIT_STATUSES, { required: true }),
    checkText(fields, 'notes', 'Notes', { max: 10_000 }),
    checkText(fields, 'paperCode', 'Paper form code', { max: 60 }),
    checkDateTime(fields, 'paperReceivedAt', 'Received on paper'),
    checkText(fields, 'importedFrom', 'Import source', { max: 200 }),
  );
  const order = problems(
    checkDateOrder(
      fields,
      { field: 'appliedDate', label: 'The application date' },
      { field: 'issuedDate', label: 'Issue date' },
    ),
    checkDateOrder(
      fields,
      { field: 'issuedDate', label: 'The issue date' },
      { field: 'finaledDate', label: 'Final date' },
    ),
    checkDateOrder(
      fields,
      { field: 'issuedDate', label: 'The issue date' },
      { field: 'expiryDate', label: 'Expiry date' },
    ),
  );
  errors.push(...order);
  if (op === 'create' && !imported) {
    if (isPermitStatus(fields.status) && !NEW_PERMIT_STATUSES.includes(fields.status))
      errors.push({
        field: 'status',
        code: 'not_allowed_value',
        message: 'A new permit starts as a draft or as submitted; later steps are status changes.',
      });
    if (typeof fields.number === 'string' && fields.number !== '')
      errors.push({
        field: 'number',
        code: 'not_editable',
        message: 'The official permit number is given by the server when the permit reaches it.',
      });
  }
  return errors;
}

export const permitKind = defineKind({
  name: 'permit',
  label: 'permit',
  mode: 'editable',
  fields: PERMIT_FIELDS,
  editableFields: PERMIT_EDITABLE_FIELDS,
  writeRoles: ['admin', 'manager', 'clerk', 'field'],
  defaults: { status: 'submitted' },
  validate: (fields, ctx) => validatePermit(fields, ctx.op),
  searchTerms: permitSearchTerms,
  onServerCreate: (fields, ctx): JsonObject => (fields.number ? {} : { number: officialPermitNumber(ctx) }),
});

/**
 * The official number the server gives a permit made in Holdfast: the year, a dash and a five-digit
 * sequence that restarts each year ("2026-00042"). Imported permits keep the number from the city's file,
 * whose shape (e.g. Burlington's "24-019651") differs, so the two never collide.
 */
export function officialPermitNumber(ctx: ServerCreateContext): string {
  const year = ctx.now.slice(0, 4);
  return `${year}-${String(ctx.nextInSeries(`permit-${year}`)).padStart(5, '0')}`;
}

/** A permit's events, fees, inspections and results are found by the permit's id through the index. */
function byPermit(fields: JsonObject): string[] {
  return typeof fields.permitId === 'string' ? [facetTerm('permit', fields.permitId)] : [];
}

const notAllowed = (message: string, params?: Record<string, string>): { rejected: Rejection } => ({
  rejected: { code: 'not_allowed', message, field: 'from', ...(params ? { params } : {}) },
});

/** The date part of an ISO time, for the dates a move stamps on the permit. */
const dateOf = (iso: string) => iso.slice(0, 10);

/**
 * A status event moves its permit from `from` to `to`. It is refused when the permit is no longer in
 * `from` (someone else moved it first; the plain reason names the status it is in now) or when the
 * lifecycle does not allow the move. Issuing stamps the issue date, finaling the final date.
 */
function movePermit(permit: { fields: JsonObject }, entry: JsonObject, ctx: MutationContext) {
  const current = permit.fields.status;
  const from = entry.from as PermitStatus;
  const to = entry.to as PermitStatus;
  if (current !== from) {
    const now = isPermitStatus(current) ? STATUS_LABELS[current] : String(current);
    return notAllowed(
      `This permit is now "${now}", not "${STATUS_LABELS[from]}" (someone changed it first), so it was not moved to "${STATUS_LABELS[to]}".`,
      { current: String(current), from, to },
    );
  }
  if (!canTransition(from, to))
    return notAllowed(`A permit cannot go from "${STATUS_LABELS[from]}" to "${STATUS_LABELS[to]}".`, {
      current: String(current),
      from,
      to,
    });
  const day = typeof entry.effectiveDate === 'string' ? entry.effectiveDate : dateOf(ctx.now);
  const fields: JsonObject = { status: to };
  if (to === 'issued' && !permit.fields.issuedDate) fields.issuedDate = day;
  if ((to === 'finaled' || to === 'finaled_conditions') && !permit.fields.finaledDate)
    fields.finaledDate = day;
  return { fields };
}

export const permitStatusEventKind = defineKind({
  name: 'permit_status_event',
  label: 'status change',
  mode: 'append-only',
  fields: ['permitId', 'from', 'to', 'reason', 'effectiveDate'],
  writeRoles: ['admin', 'manager', 'clerk', 'field'],
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'permitId', 'The permit', { required: true }),
      checkOneOf(fields, 'from', 'Previous status', PERMIT_STATUSES, { required: true }),
      checkOneOf(fields, 'to', 'New status', PERMIT_STATUSES, { required: true }),
      checkText(fields, 'reason', 'Reason', { max: 2_000 }),
      checkDate(fields, 'effectiveDate', 'Effective date'),
    );
    if (
      errors.length === 0 &&
      REASON_REQUIRED.includes(fields.to as PermitStatus) &&
      !(typeof fields.reason === 'string' && fields.reason.trim())
    )
      errors.push({
        field: 'reason',
        code: 'required',
        message: `A reason is required to mark a permit "${STATUS_LABELS[fields.to as PermitStatus]}".`,
      });
    return errors;
  },
  parent: { field: 'permitId', kind: 'permit', apply: movePermit },
  searchTerms: byPermit,
});

export const FEE_STATUSES = ['due', 'paid', 'waived', 'refunded', 'void'] as const;
export type FeeStatus = (typeof FEE_STATUSES)[number];
/** What a fee may be recorded as without a connection: owed, or paid with the receipt in hand. */
export const OFFLINE_FEE_STATUSES: readonly FeeStatus[] = ['due', 'paid'];

/**
 * A fee item. Append-only: a payment, waiver, refund or void is a new entry whose `supersedes` names the
 * entry it replaces; the fee's current state is its newest entry.
 */
export const permitFeeKind = defineKind({
  name: 'permit_fee',
  label: 'fee',
  mode: 'append-only',
  fields: ['permitId', 'code', 'description', 'amountCents', 'status', 'receipt', 'reason', 'supersedes'],
  writeRoles: ['admin', 'manager', 'clerk', 'field'],
  validate: (fields) => {
    const errors = problems(
      checkRecordRef(fields, 'permitId', 'The permit', { required: true }),
      checkText(fields, 'code', 'Fee code', { required: true, max: 40 }),
      checkText(fields, 'description', 'Description', { required: true, max: 300 }),
      checkNumber(fields, 'amountCents', 'Amount', {
        required: true,
        min: 0,
        minExclusive: true,
        max: MAX_VALUATION_CENTS,
        integer: true,
      }),
      checkOneOf(fields, 'status', 'Fee status', FEE_STATUSES, { required: true }),
      checkText(fields, 'receipt', 'Receipt number', { max: 60 }),
      checkText(fields, 'reason', 'Reason', { max: 1_000 }),
      checkRecordRef(fields, 'supersedes', 'The earlier fee entry'),
    );
    const blank = (field: string) => !(typeof fields[field] === 'string' && fields[field].trim());
    if (fields.status === 'paid' && blank('receipt'))
      errors.push({ field: 'receipt', code: 'required', message: 'A paid fee needs its receipt number.' });
    if (['waived', 'refunded', 'void'].includes(String(fields.status)) && blank('reason'))
      errors.push({
        field: 'reason',
        code: 'required',
        message: 'Say why the fee is waived, refunded or void.',
      });
    return errors;
  },
  parent: { field: 'permitId', kind: 'permit', apply: () => ({ fields: {} }) },
  searchTerms: byPermit,
});

export const INSPECTION_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export const INSPECTION_OUTCOMES = [
  'approved',
  'approved_with_corrections',
  'not_approved',
  'partial',
  'no_access',
  'stop_work',
] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
/** Outcomes after which the work must be inspected again. */
export const REINSPECTION_OUTCOMES: readonly InspectionOutcome[] = ['not_approved', 'partial', 'no_access'];

/** A scheduled inspection. Its result is a separate append-only entry that completes it. */
export const permitInspectionKind = defineKind({
  name: 'permit_inspection',
  label: 'inspection',
  mode: 'editable',
  fields: [
    'permitId',
    'inspectionType',
    'scheduledDate',
    'inspector',
    'address',
    'status',
    'outcome',
    'reinspectionOf',
    'notes',
  ],
  editableFields: ['inspectionType', 'scheduledDate', 'inspector', 'notes', 'status'],
  writeRoles: ['admin', 'manager', 'clerk', 'field'],
  defaults: { status: 'scheduled' },
  validate: (fields, ctx) => {
    const errors = problems(
      checkRecordRef(fields, 'permitId', 'The permit', { required: true }),
      checkText(fields, 'inspectionType', 'Inspection type', { required: true, max: 120 }),
      checkDate(fields, 'scheduledDate', 'Inspection date', { required: true }),
      checkText(fields, 'inspector', 'Inspector', { max: 200 }),
      checkText(fields, 'address', 'Address', { max: 300 }),
      checkOneOf(fields, 'status', 'Inspection status', INSPECTION_STATUSES, { required: true }),
      checkOneOf(fields, 'outcome', 'Result', INSPECTION_OUTCOMES),
      checkRecordRef(fields, 'reinspectionOf', 'The failed inspection'),
      checkText(fields, 'notes', 'Notes', { max: 4_000 }),
    );
    // Completing happens only through a result entry; a hand edit may schedule or cancel.
    if (ctx.op === 'update' && fields.status === 'completed' && ctx.previous?.status !== 'completed')
      errors.push({
        field: 'status',
        code: 'not_editable',
        message: 'An inspection is completed by recording its result.',
      });
    if (ctx.op === 'create' && fields.status !== 'scheduled')
      errors.push({
        field: 'status',
        code: 'not_allowed_value',
        message: 'A new inspection starts as scheduled.',
      });
    return errors;
  },
  searchTerms: byPermit,
});

/** The result of an inspection, recorded once; it completes the inspection. */
export const inspectionResultKind = defineKind({
  name: 'inspection_result',
  label: 'inspection result',
  mode: 'append-only',
  fields: ['inspectionId', 'permitId', 'outcome', 'notes', 'corrections', 'photoIds', 'inspectedAt'],
  writeRoles: ['admin', 'manager', 'clerk', 'field'],
  validate: (fields) =>
    problems(
      checkRecordRef(fields, 'inspectionId', 'The inspection', { required: true }),
      checkRecordRef(fields, 'permitId', 'The permit', { required: true }),
      checkOneOf(fields, 'outcome', 'Result', INSPECTION_OUTCOMES, { required: true }),
      checkText(fields, 'notes', 'Notes', { max: 4_000 }),
      checkTextList(fields, 'corrections', 'Corrections', { maxItems: 100, maxLength: 500 }),
      checkTextList(fields, 'photoIds', 'Photos', { maxItems: 20, maxLength: 64 }),
    ),
  parent: {
    field: 'inspectionId',
    kind: 'permit_inspection',
    apply: (inspection, entry) => {
      if (inspection.fields.status !== 'scheduled')
        return {
          rejected: {
            code: 'not_allowed',
            message:
              inspection.fields.status === 'cancelled'
                ? 'This inspection was cancelled, so no result was recorded.'
                : 'This inspection already has a result; record a re-inspection instead.',
            field: 'inspectionId',
          },
        };
      if (inspection.fields.permitId !== entry.permitId)
        return {
          rejected: {
            code: 'invalid',
            message: 'The result names another permit than its inspection.',
            field: 'permitId',
          },
        };
      return { fields: { status: 'completed', outcome: entry.outcome ?? null } };
    },
  },
  searchTerms: byPermit,
});

export const PERMIT_KINDS = [
  permitKind,
  permitStatusEventKind,
  permitFeeKind,
  permitInspectionKind,
  inspectionResultKind,
];
