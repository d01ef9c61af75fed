/**
 * Apps Script enums. Their values are objects, not strings: String(v) and v.toString() give the name and
 * `===` against the enum member works, but `v === 'CUSTOM_FORMULA'` does not, as in Apps Script.
 */
export interface EnumValue {
  toString(): string;
  toJSON(): string;
  name(): string;
  ordinal(): number;
}

function makeEnum<K extends string>(names: readonly K[]): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({ toString: () => n, toJSON: () => n, name: () => n, ordinal: () => i });
  });
  return Object.freeze(out);
}

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

export const DataValidationCriteria = makeEnum([
  'NUMBER_BETWEEN',
  'NUMBER_GREATER_THAN',
  'TEXT_CONTAINS',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

export const BorderStyle = makeEnum([
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
] as const);
export const SheetType = makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const InterpolationType = makeEnum(['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX'] as const);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);
export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);

/** The member name of a value of `e`, or undefined when `v` is not one of its members. */
export function memberName(e: Readonly<Record<string, EnumValue>>, v: unknown): string | undefined {
  return Object.keys(e).find((k) => e[k] === v);
}
