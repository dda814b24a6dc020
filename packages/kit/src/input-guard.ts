import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { isRegionCode } from './auth.js';
import { badUserInput } from './errors.js';
import { isUuid } from './ids.js';

/** What a text argument or input field may hold. */
export interface TextRule {
  /** In characters (code points). */
  maxLength: number;
  /** Line breaks and tabs allowed (notes, reasons); never other control characters. */
  multiline?: boolean;
}

/** One line of at most 200 characters: names, places, references, search terms. */
export const DEFAULT_TEXT_RULE: TextRule = { maxLength: 200 };

/** Dates are of the People's Republic's records: none before its founding, none absurdly far ahead. */
export const EARLIEST_DATE = '1949-10-01';
export const LATEST_DATE = '2099-12-31';

const bidiOverride = /[\u202A-\u202E\u2066-\u2069]/u;
// Control characters are what this refuses.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const lineBreakOrTab = /[\t\n\r]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `text` breaks `rule`, or null. Also used on spreadsheet cells, so imports hold the same line. */
export function textProblem(text: string, rule: TextRule): string | null {
  if (!text.isWellFormed()) return 'is not valid Unicode text (a lone surrogate): send UTF-8 text';
  // Code points never outnumber UTF-16 units: count them only when the units are over the limit.
  const length = text.length > rule.maxLength ? [...text].length : text.length;
  if (length > rule.maxLength) return `is longer than ${rule.maxLength} characters (${length} given): shorten it`;
  const control = controlCharacter.exec(text) ?? (rule.multiline ? null : lineBreakOrTab.exec(text));
  if (control) {
    const what = lineBreakOrTab.test(control[0]) ? 'a line break or tab' : 'a control character';
    return `contains ${what} (${codePoint(control[0])}) at position ${[...text.slice(0, control.index)].length + 1}: remove it`;
  }
  const bidi = bidiOverride.exec(text);
  if (bidi)
    return `contains a bidirectional override (${codePoint(bidi[0])}) at position ${[...text.slice(0, bidi.index)].length + 1}: remove it`;
  return null;
}

/** A value shown in a message: short, and never more than a short prefix of what was sent. */
const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function checkValue(
  value: unknown,
  type: GraphQLInputType,
  name: string,
  path: string,
  textRules: Readonly<Record<string, TextRule>>,
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value))
      value.forEach((item, index) => checkValue(item, nullable.ofType, name, `${path}[${index}]`, textRules));
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      checkValue(
        (value as Record<string, unknown>)[field.name],
        field.type,
        field.name,
        `${path}.${field.name}`,
        textRules,
      );
    }
    return;
  }
  if (!isScalarType(nullable) || typeof value !== 'string') return;
  if (nullable.name === 'ID') {
    if ((name === 'id' || name.endsWith('Id')) && !isUuid(value)) {
      throw badUserInput(
        `${path} ${shown(value)} is not an id: ids are UUIDs like 3f2b8c4e-1d2a-4c5b-9e8f-0a1b2c3d4e5f.`,
        path,
      );
    }
    if ((name === 'code' || name.endsWith('Code')) && !isRegionCode(value)) {
      throw badUserInput(
        `${path} ${shown(value)} is not a division code: use 2, 4, 6, 9 or 12 digits (e.g. 33, 3301, 330106).`,
        path,
      );
    }
  }
  if (nullable.name === 'LocalDate' && (value < EARLIEST_DATE || value > LATEST_DATE)) {
    throw badUserInput(
      `${path} ${value} is outside ${EARLIEST_DATE}…${LATEST_DATE}: records start with the People's Republic.`,
      path,
    );
  }
  const problem = textProblem(value, textRules[name] ?? DEFAULT_TEXT_RULE);
  if (problem) throw badUserInput(`${path} ${problem}.`, path);
}

/**
 * Format rules every subgraph applies to its arguments before any resolver runs (meaning — exists,
 * in scope, allowed — stays with the services):
 * - text: `textRules[name]` for an argument or input field of that name, else DEFAULT_TEXT_RULE;
 * - IDs named `id`/`…Id` are UUIDs, IDs named `code`/`…Code` are division codes;
 * - dates (LocalDate) lie between EARLIEST_DATE and LATEST_DATE.
 * Each problem is BAD_USER_INPUT naming the argument path, e.g. `input.name`. Only the resolvers of
 * fields that take arguments are wrapped: the thousands of plain fields of a figures answer are not.
 */
export function guardArguments(schema: GraphQLSchema, textRules: Readonly<Record<string, TextRule>> = {}): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const argumentsOf = field.args;
      field.resolve = (source, args, context, info) => {
        for (const argument of argumentsOf)
          checkValue(args[argument.name], argument.type, argument.name, argument.name, textRules);
        return resolve(source, args, context, info);
      };
    }
  }
}
