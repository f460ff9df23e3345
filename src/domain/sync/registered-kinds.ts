// Every record kind the app and the server know. A feature adds its kind here (one line per kind).
import { noteCommentKind } from './note-comment-kind';
import { noteKind } from './note-kind';
import { createKindRegistry } from './record-kinds';

export const RECORD_KINDS = createKindRegistry([noteKind, noteCommentKind]);
