import {
  GraphQLArgument,
  GraphQLInputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { ValidatorFn } from 'type-graphql';
import { AppError, Bilingual } from '../platform/errors/app-error';

/**
 * Every text a client sends, checked once before any resolver runs (type-graphql's global
 * `validateFn`, on HTTP and WebSocket alike): no control characters, no lone UTF-16 surrogates, and
 * real calendar dates where a date is expected. PostgreSQL refuses a NUL byte in text and 2024-13-45
 * as a date, which used to reach the caller as INTERNAL; here it is a form error on the field.
 *
 * Fields are named by schema coordinate: `Type.field` for an input field, `Type.field.arg` for an
 * argument. An entry that no longer exists in the schema stops the server (checkInputTextRules).
 */
/** Texts typed in a multi-line box: line breaks and tabs are part of them. */
export const MULTILINE_TEXTS = ['PublishPostInput.body', 'PublishNoticeInput.body', 'SendMessageInput.body', 'Mutation.blockUser.reason'];
/** Calendar dates as YYYY-MM-DD strings. */
export const DATE_ONLY_TEXTS = ['CreateUserInput.birthDate'];

const multiline = new Set(MULTILINE_TEXTS);
const dateOnly = new Set(DATE_ONLY_TEXTS);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// C0 controls, DEL and C1 controls; a multi-line text keeps \t, \n and \r.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const INVISIBLE: Bilingual = {
  fr: 'Ce champ contient un caractère invisible ou illisible : retapez-le.',
  en: 'This field contains an invisible or unreadable character: type it again.',
};
const NO_SUCH_DATE: Bilingual = { fr: "Cette date n'existe pas (format AAAA-MM-JJ).", en: 'This date does not exist (format YYYY-MM-DD).' };

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function problemOf(text: string, coordinate: string): Bilingual | undefined {
  if (LONE_SURROGATE.test(text) || (multiline.has(coordinate) ? CONTROL_BUT_LINES : CONTROL).test(text)) return INVISIBLE;
  if (dateOnly.has(coordinate) && text !== '' && !isCalendarDate(text)) return NO_SUCH_DATE;
  return undefined;
}

/** Walks a coerced value along its input type; `field` is the name the form knows it by. */
function check(type: GraphQLInputType, value: unknown, field: string, coordinate: string, errors: Record<string, Bilingual>): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(type.ofType, value, field, coordinate, errors);
  if (isListType(type)) {
    if (Array.isArray(value)) for (const item of value) check(type.ofType, item, field, coordinate, errors);
    return;
  }
  if (isInputObjectType(type)) {
    for (const inner of Object.values(type.getFields())) {
      check(inner.type, (value as Record<string, unknown>)[inner.name], inner.name, `${type.name}.${inner.name}`, errors);
    }
    return;
  }
  if (isScalarType(type) && typeof value === 'string') {
    const problem = problemOf(value, coordinate);
    if (problem) errors[field] ??= problem;
  }
}

function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>, info: GraphQLResolveInfo): void {
  const errors: Record<string, Bilingual> = {};
  for (const arg of args) check(arg.type, values[arg.name], arg.name, `${info.parentType.name}.${info.fieldName}.${arg.name}`, errors);
  if (Object.keys(errors).length) {
    throw AppError.badInput({ fr: 'Le formulaire contient des erreurs : corrigez les champs signalés.', en: 'The form has errors: fix the fields shown.' }, errors);
  }
}

// type-graphql calls the validator once per @Arg/@Args of a field; the field's arguments are checked
// together, once (so that every bad field is reported at once).
const checked = new WeakSet<object>();

export const checkInputText: ValidatorFn = (_value, _type, { args, info }) => {
  if (checked.has(args)) return;
  checked.add(args);
  const field = info.parentType.getFields()[info.fieldName];
  if (field?.args.length) checkArguments(field.args, args, info);
};

/** Fails at start when a coordinate of the lists above is not in the schema any more. */
export function checkInputTextRules(schema: GraphQLSchema): void {
  for (const coordinate of [...MULTILINE_TEXTS, ...DATE_ONLY_TEXTS]) {
    const [typeName, fieldName, argName] = coordinate.split('.');
    const type = schema.getType(typeName);
    const found =
      argName === undefined
        ? isInputObjectType(type) && !!type.getFields()[fieldName]
        : isObjectType(type) && !!type.getFields()[fieldName]?.args.some((arg) => arg.name === argName);
    if (!found) throw new Error(`input-text.ts names ${coordinate}, which the schema does not have`);
  }
}
