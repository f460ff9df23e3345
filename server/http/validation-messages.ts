// Turns a JSON-schema validation error into a plain-language message and the field it concerns,
// written as a JSON path like "departments[2].code" (ApiErrorBody.field).
import type { FastifySchemaValidationError } from 'fastify';
import { DEPARTMENT_CODE_PATTERN, USERNAME_PATTERN } from '../../src/domain/users';

const PATTERN_MESSAGES: Record<string, string> = {
  [USERNAME_PATTERN]: 'A username is 3 to 64 letters, digits, dots, dashes, underscores or @.',
  [DEPARTMENT_CODE_PATTERN]: 'A department code is 2 to 32 lowercase letters, digits or dashes.',
};

function toPath(instancePath: string, extra?: string): string {
  const segments = instancePath.split('/').filter(Boolean);
  if (extra !== undefined) segments.push(extra);
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

export interface FieldProblem {
  field: string | undefined;
  message: string;
}

export function describeValidationError(error: FastifySchemaValidationError, context?: string): FieldProblem {
  const params = error.params as Record<string, unknown>;
  const named = (extra?: string) => toPath(error.instancePath, extra) || undefined;
  let field = named();
  const subject =
    field ?? (context === 'body' || context === undefined ? 'The request body' : `The ${context}`);
  const plural = (n: unknown, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;
  let message: string;
  switch (error.keyword) {
    case 'required':
      field = named(String(params.missingProperty));
      message = `${field} is required.`;
      break;
    case 'additionalProperties':
      field = named(String(params.additionalProperty));
      message = `${field} is not an accepted field.`;
      break;
    case 'type':
      message = `${subject} must be ${params.type === 'object' ? 'an object' : `a ${String(params.type)}`}.`;
      break;
    case 'minLength':
      message =
        params.limit === 1
          ? `${subject} must not be empty.`
          : `${subject} must be at least ${plural(params.limit, 'character')} long.`;
      break;
    case 'maxLength':
      message = `${subject} must be at most ${plural(params.limit, 'character')} long.`;
      break;
    case 'pattern':
      message = PATTERN_MESSAGES[String(params.pattern)] ?? `${subject} is not in the expected format.`;
      break;
    case 'enum':
      message = `${subject} must be one of: ${(params.allowedValues as unknown[]).join(', ')}.`;
      break;
    case 'minItems':
      message = `${subject} must have at least ${plural(params.limit, 'item')}.`;
      break;
    case 'maxItems':
      message = `${subject} must have at most ${plural(params.limit, 'item')}.`;
      break;
    case 'uniqueItems':
      field = named(String(params.j));
      message = `${subject} lists the same value twice.`;
      break;
    default:
      message = `${subject} is not valid${error.message ? `: ${error.message}` : ''}.`;
  }
  return { field, message };
}
