/** Conditional format rules and data validations, with their builders. */
import { instrument } from './calls';
import { type Ctx, Stub, exception, signatureError, unwrap } from './context';
import { BooleanCriteria, DataValidationCriteria, type EnumValue, InterpolationType } from './enums';
import type { Area, RuleData, ValidationData } from './model';
import { Range, parseColor } from './range';

const copyArea = (a: Area): Area => ({ sheet: a.sheet, rect: { ...a.rect } });

export function cloneRule(d: RuleData): RuleData {
  return {
    condition: d.condition && { criteria: d.condition.criteria, values: [...d.condition.values] },
    gradient: d.gradient && { ...d.gradient },
    background: d.background,
    fontColor: d.fontColor,
    bold: d.bold,
    ranges: d.ranges.map(copyArea),
  };
}

const emptyRule = (): RuleData => ({ condition: null, gradient: null, ranges: [] });

function rangesOf(ctx: Ctx, areas: Area[]): Range[] {
  return areas.map((a) => new Range(ctx, a.sheet, { ...a.rect }));
}

const cfSig = (method: string) => `SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`;

export class ConditionalFormatRuleBuilder extends Stub {
  readonly _kind = 'ConditionalFormatRuleBuilder';

  constructor(
    ctx: Ctx,
    readonly _data: RuleData = emptyRule(),
  ) {
    super(ctx);
  }

  _when(criteria: string, values: unknown[]): ConditionalFormatRuleBuilder {
    this._data.condition = { criteria, values };
    this._data.gradient = null;
    return this;
  }

  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    if (typeof formula !== 'string') throw signatureError(cfSig('whenFormulaSatisfied'), [formula]);
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenTextContains(text: string): ConditionalFormatRuleBuilder {
    if (typeof text !== 'string') throw signatureError(cfSig('whenTextContains'), [text]);
    return this._when('TEXT_CONTAINS', [text]);
  }
  whenNumberGreaterThan(n: number): ConditionalFormatRuleBuilder {
    if (typeof n !== 'number') throw signatureError(cfSig('whenNumberGreaterThan'), [n]);
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenCellEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): ConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }
  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this._data.background = parseColor(color, cfSig('setBackground'));
    return this;
  }
  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this._data.fontColor = parseColor(color, cfSig('setFontColor'));
    return this;
  }
  setBold(bold: boolean | null): ConditionalFormatRuleBuilder {
    if (bold !== null && typeof bold !== 'boolean') throw signatureError(cfSig('setBold'), [bold]);
    this._data.bold = bold ?? undefined;
    return this;
  }
  /** Colour scales replace a boolean condition, as in the Sheets builder. */
  setGradientMinpoint(color: string): ConditionalFormatRuleBuilder {
    this._data.gradient = { ...this._data.gradient, min: parseColor(color, cfSig('setGradientMinpoint')) };
    this._data.condition = null;
    return this;
  }
  setGradientMaxpoint(color: string): ConditionalFormatRuleBuilder {
    this._data.gradient = { ...this._data.gradient, max: parseColor(color, cfSig('setGradientMaxpoint')) };
    this._data.condition = null;
    return this;
  }
  setRanges(ranges: Range[]): ConditionalFormatRuleBuilder {
    const method = cfSig('setRanges');
    if (!Array.isArray(ranges)) throw signatureError(method, [ranges]);
    this._data.ranges = ranges.map((r) => {
      const range = unwrap<Range>(r, 'Range', method, [ranges]);
      return { sheet: range._sheet, rect: { ...range._rect } };
    });
    return this;
  }
  getRanges(): Range[] {
    return rangesOf(this._ctx, this._data.ranges);
  }
  getBooleanCondition(): BooleanCondition | null {
    return this._data.condition ? new BooleanCondition(this._ctx, cloneRule(this._data)) : null;
  }
  getGradientCondition(): GradientCondition | null {
    return this._data.gradient ? new GradientCondition(this._ctx, { ...this._data.gradient }) : null;
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx, cloneRule(this._data));
  }
  build(): ConditionalFormatRule {
    if (!this._data.condition && !this._data.gradient) {
      throw exception('Invalid argument: the rule has no condition (when… or setGradient…).');
    }
    if (this._data.ranges.length === 0)
      throw exception('Invalid argument: the rule has no ranges (setRanges).');
    return new ConditionalFormatRule(this._ctx, cloneRule(this._data));
  }
}
instrument(ConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');

export class ConditionalFormatRule extends Stub {
  readonly _kind = 'ConditionalFormatRule';

  constructor(
    ctx: Ctx,
    readonly _data: RuleData,
  ) {
    super(ctx);
  }

  getBooleanCondition(): BooleanCondition | null {
    return this._data.condition ? new BooleanCondition(this._ctx, cloneRule(this._data)) : null;
  }
  getGradientCondition(): GradientCondition | null {
    return this._data.gradient ? new GradientCondition(this._ctx, { ...this._data.gradient }) : null;
  }
  getRanges(): Range[] {
    return rangesOf(this._ctx, this._data.ranges);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._ctx, cloneRule(this._data));
  }
}
instrument(ConditionalFormatRule, 'ConditionalFormatRule');

export class BooleanCondition extends Stub {
  readonly _kind = 'BooleanCondition';

  constructor(
    ctx: Ctx,
    readonly _data: RuleData,
  ) {
    super(ctx);
  }

  getCriteriaType(): EnumValue {
    return BooleanCriteria[this._data.condition?.criteria as keyof typeof BooleanCriteria];
  }
  getCriteriaValues(): unknown[] {
    return [...(this._data.condition?.values ?? [])];
  }
  getBackground(): string | null {
    return this._data.background ?? null;
  }
  getFontColor(): string | null {
    return this._data.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this._data.bold ?? null;
  }
  getItalic(): boolean | null {
    return null;
  }
  getStrikethrough(): boolean | null {
    return null;
  }
  getUnderline(): boolean | null {
    return null;
  }
}
instrument(BooleanCondition, 'BooleanCondition');

export class GradientCondition extends Stub {
  readonly _kind = 'GradientCondition';

  constructor(
    ctx: Ctx,
    readonly _data: { min?: string; max?: string },
  ) {
    super(ctx);
  }

  getMinColor(): string {
    return this._data.min ?? '';
  }
  getMaxColor(): string {
    return this._data.max ?? '';
  }
  getMidColor(): string {
    return '';
  }
  getMinType(): EnumValue | null {
    return this._data.min ? InterpolationType.MIN : null;
  }
  getMaxType(): EnumValue | null {
    return this._data.max ? InterpolationType.MAX : null;
  }
  getMidType(): EnumValue | null {
    return null;
  }
  getMinValue(): string {
    return '';
  }
  getMaxValue(): string {
    return '';
  }
  getMidValue(): string {
    return '';
  }
}
instrument(GradientCondition, 'GradientCondition');

type ValidationDraft = Partial<ValidationData> & { allowInvalid: boolean };

function criteriaValues(ctx: Ctx, d: ValidationDraft): unknown[] {
  if (d.criteria === 'VALUE_IN_RANGE' && d.source)
    return [new Range(ctx, d.source.sheet, { ...d.source.rect }), d.showDropdown];
  if (d.criteria === 'VALUE_IN_LIST') return [[...(d.list ?? [])], d.showDropdown];
  return [];
}

const cloneValidation = <T extends ValidationDraft>(d: T): T => ({
  ...d,
  source: d.source && copyArea(d.source),
  list: d.list && [...d.list],
});

const dvSig = (method: string) => `SpreadsheetApp.DataValidationBuilder.${method}`;

/** Sheets refuses longer lists ("List from a range" is the way). */
const LIST_LIMIT = 500;

export class DataValidationBuilder extends Stub {
  readonly _kind = 'DataValidationBuilder';

  constructor(
    ctx: Ctx,
    readonly _data: ValidationDraft = { allowInvalid: true },
  ) {
    super(ctx);
  }

  requireValueInRange(range: Range, showDropdown = true): DataValidationBuilder {
    const r = unwrap<Range>(range, 'Range', dvSig('requireValueInRange'), [range, showDropdown]);
    if (typeof showDropdown !== 'boolean')
      throw signatureError(dvSig('requireValueInRange'), [range, showDropdown]);
    Object.assign(this._data, {
      criteria: 'VALUE_IN_RANGE',
      source: { sheet: r._sheet, rect: { ...r._rect } },
    });
    this._data.list = undefined;
    this._data.showDropdown = showDropdown;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values) || typeof showDropdown !== 'boolean') {
      throw signatureError(dvSig('requireValueInList'), [values, showDropdown]);
    }
    if (values.length > LIST_LIMIT) {
      throw exception(
        `The data validation rule has more items than the limit of ${LIST_LIMIT}. Use the ‘List from a range’ criteria instead.`,
      );
    }
    Object.assign(this._data, {
      criteria: 'VALUE_IN_LIST',
      list: [...values],
      source: undefined,
      showDropdown,
    });
    return this;
  }
  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    if (typeof allowInvalid !== 'boolean') throw signatureError(dvSig('setAllowInvalid'), [allowInvalid]);
    this._data.allowInvalid = allowInvalid;
    return this;
  }
  setHelpText(helpText: string): DataValidationBuilder {
    if (typeof helpText !== 'string') throw signatureError(dvSig('setHelpText'), [helpText]);
    this._data.helpText = helpText;
    return this;
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
  getCriteriaType(): EnumValue | null {
    return this._data.criteria ? DataValidationCriteria[this._data.criteria] : null;
  }
  getCriteriaValues(): unknown[] {
    return criteriaValues(this._ctx, this._data);
  }
  getHelpText(): string | null {
    return this._data.helpText ?? null;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx, cloneValidation(this._data));
  }
  build(): DataValidation {
    if (!this._data.criteria)
      throw exception('Invalid argument: the data validation has no criteria (require…).');
    return new DataValidation(this._ctx, cloneValidation(this._data) as ValidationData);
  }
}
instrument(DataValidationBuilder, 'DataValidationBuilder');

export class DataValidation extends Stub {
  readonly _kind = 'DataValidation';

  constructor(
    ctx: Ctx,
    readonly _data: ValidationData,
  ) {
    super(ctx);
  }

  getCriteriaType(): EnumValue {
    return DataValidationCriteria[this._data.criteria];
  }
  /** [Range, showDropdown] or [values, showDropdown]. */
  getCriteriaValues(): unknown[] {
    return criteriaValues(this._ctx, this._data);
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
  getHelpText(): string {
    return this._data.helpText ?? '';
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this._ctx, cloneValidation(this._data));
  }
}
instrument(DataValidation, 'DataValidation');
