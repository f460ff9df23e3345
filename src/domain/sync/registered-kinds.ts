// Every record kind the app and the server know. A feature adds its kinds here (one line per area).
import { CHECKLIST_KINDS } from '../checklists/checklist-kinds';
import { DRILL_KINDS } from '../drills/drill-kinds';
import { CONTACT_KINDS } from '../contacts/contact-kinds';
import { INCIDENT_KINDS } from '../incidents/incident-kinds';
import { PERMIT_KINDS } from '../permits/permit-kinds';
import { noteCommentKind } from './note-comment-kind';
import { noteKind } from './note-kind';
import { createKindRegistry } from './record-kinds';

export const RECORD_KINDS = createKindRegistry([
  noteKind,
  noteCommentKind,
  ...PERMIT_KINDS,
  ...INCIDENT_KINDS,
  ...CONTACT_KINDS,
  ...CHECKLIST_KINDS,
  ...DRILL_KINDS,
]);
