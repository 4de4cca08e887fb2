import type { z } from 'zod';
import type { StreamDefinition } from './connector';
import { QUARANTINE_REASONS, type QuarantineReasonCode, type ValidationOutcome } from './quarantine-reason';

/**
 * Validates one upstream record against its stream: the clean record with its id and change time,
 * or the quarantine reason of the first problem found. Runs on every record, so the happy path is
 * one `safeParse` of a schema built once at module load; messages are only composed on failure.
 */
export function validateRecord<T>(stream: StreamDefinition<T>, raw: unknown): ValidationOutcome<T> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, externalId: null, reasonCode: 'NOT_AN_OBJECT', message: `expected a JSON object, got ${describeValue(raw)}` };
  }
  const result = stream.schema.safeParse(raw);
  if (result.success) {
    const record = result.data;
    const externalId = stream.externalId(record);
    if (externalId === '') {
      return { ok: false, externalId: null, reasonCode: 'MISSING_ID', message: `${stream.primaryKey.join(', ')}: the id is empty` };
    }
    const updatedAt = stream.updatedAt(record);
    if (Number.isNaN(updatedAt.getTime())) {
      return { ok: false, externalId, reasonCode: 'INVALID_DATE', message: `${stream.cursorField}: not a usable change time` };
    }
    return { ok: true, record, externalId, updatedAt };
  }
  // A record we cannot trace is reported as such, whatever else is wrong with it.
  const externalId = stream.rawExternalId(raw);
  if (externalId === null) {
    const fields = stream.primaryKey.join(', ');
    return { ok: false, externalId: null, reasonCode: 'MISSING_ID', message: `${fields}: missing, empty or not a string` };
  }
  const { reasonCode, message } = explainIssue(result.error.issues[0]!, raw);
  return { ok: false, externalId, reasonCode, message };
}

/** Maps one zod issue to a quarantine reason and a message naming the field and what was wrong. */
export function explainIssue(issue: z.core.$ZodIssue, raw: unknown): { reasonCode: QuarantineReasonCode; message: string } {
  const path = formatPath(issue.path);
  const value = valueAt(raw, issue.path);
  const got = `got ${describeValue(value)}`;
  // Whatever the schema expected there (a type, an enum member, a format), absence is MISSING_FIELD.
  if (issue.code !== 'custom' && (value === undefined || value === null)) {
    return { reasonCode: 'MISSING_FIELD', message: `${path}: required field is ${value === undefined ? 'missing' : 'null'}` };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { reasonCode: 'INVALID_TYPE', message: `${path}: expected ${describeExpected(issue.expected)}, ${got}` };
    case 'invalid_value':
      return {
        reasonCode: 'INVALID_ENUM',
        message: `${path}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, ${got}`,
      };
    case 'too_small':
      return {
        reasonCode: 'OUT_OF_RANGE',
        message: `${path}: expected ${measure(issue.origin)} ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}, ${got}`,
      };
    case 'too_big':
      return {
        reasonCode: 'OUT_OF_RANGE',
        message: `${path}: expected ${measure(issue.origin)} ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}, ${got}`,
      };
    case 'not_multiple_of':
      return { reasonCode: 'OUT_OF_RANGE', message: `${path}: expected a multiple of ${String(issue.divisor)}, ${got}` };
    case 'invalid_format':
      return { reasonCode: 'INVALID_FORMAT', message: `${path}: expected ${issue.format} format, ${got}` };
    case 'custom': {
      const code = issue.params?.['reasonCode'];
      const reasonCode: QuarantineReasonCode = isReasonCode(code) ? code : 'INVALID_FORMAT';
      return { reasonCode, message: `${path}: ${issue.message}` };
    }
    case 'invalid_union':
    case 'invalid_element':
    case 'invalid_key':
      return { reasonCode: 'INVALID_TYPE', message: `${path}: ${issue.message}, ${got}` };
    case 'unrecognized_keys':
      return { reasonCode: 'INVALID_FORMAT', message: `${path}: unexpected keys ${issue.keys.join(', ')}` };
    default: {
      const unhandled: never = issue;
      return { reasonCode: 'INVALID_FORMAT', message: `${path}: ${(unhandled as { message: string }).message}` };
    }
  }
}

/** A short, quoted rendering of an offending value for quarantine messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function measure(origin: string): string {
  if (origin === 'array' || origin === 'set') return 'item count';
  if (origin === 'string') return 'length';
  return 'a value';
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return `a ${expected}`;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(record)';
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isReasonCode(value: unknown): value is QuarantineReasonCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(QUARANTINE_REASONS, value);
}
