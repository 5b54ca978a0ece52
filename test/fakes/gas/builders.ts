// Fake builders and value objects: conditional-format rules, data validations, text styles.
// Each keeps what it was given; unknown methods are absent, so calling one throws in the caller.

export interface RangeRef {
  /** The fake range's identity: sheet name and 0-based rectangle. */
  _ref(): { sheet: string; row: number; col: number; rows: number; cols: number; a1: string };
}

function refOf(range: unknown): ReturnType<RangeRef["_ref"]> {
  const target = (range as { __target?: RangeRef }).__target ?? (range as RangeRef);
  if (typeof target?._ref !== "function") throw new Error("Exception: expected a Range");
  return target._ref();
}

export class FakeBooleanCondition {
  constructor(
    private readonly type: string,
    private readonly values: unknown[],
    private readonly style: { background: string | null; fontColor: string | null; bold: boolean | null; italic: boolean | null },
  ) {}
  getCriteriaType(): string {
    return this.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getBackground(): string | null {
    return this.style.background;
  }
  getFontColor(): string | null {
    return this.style.fontColor;
  }
  getBold(): boolean | null {
    return this.style.bold;
  }
  getItalic(): boolean | null {
    return this.style.italic;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly ranges: unknown[],
    readonly condition: FakeBooleanCondition,
  ) {}
  getRanges(): unknown[] {
    return [...this.ranges];
  }
  getBooleanCondition(): FakeBooleanCondition {
    return this.condition;
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder();
    b.setRanges(this.ranges);
    const c = this.condition;
    (b as unknown as { type: string; values: unknown[] }).type = c.getCriteriaType();
    (b as unknown as { type: string; values: unknown[] }).values = c.getCriteriaValues();
    if (c.getBackground()) b.setBackground(c.getBackground());
    if (c.getFontColor()) b.setFontColor(c.getFontColor());
    if (c.getBold() !== null) b.setBold(c.getBold());
    return b;
  }
  /** The rule's ranges as A1 on their sheet, for assertions. */
  describe(): { sheets: string[]; a1: string[]; type: string; values: unknown[]; background: string | null; fontColor: string | null; bold: boolean | null } {
    const refs = this.ranges.map(refOf);
    return {
      sheets: refs.map((r) => r.sheet),
      a1: refs.map((r) => r.a1),
      type: this.condition.getCriteriaType(),
      values: this.condition.getCriteriaValues(),
      background: this.condition.getBackground(),
      fontColor: this.condition.getFontColor(),
      bold: this.condition.getBold(),
    };
  }
}

export class FakeConditionalFormatRuleBuilder {
  private type: string | null = null;
  private values: unknown[] = [];
  private ranges: unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private bold: boolean | null = null;
  private italic: boolean | null = null;

  whenFormulaSatisfied(formula: string): this {
    if (typeof formula !== "string" || !formula.startsWith("=")) throw new Error("Exception: a custom formula must start with =");
    return this.when("CUSTOM_FORMULA", [formula]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when("NUMBER_GREATER_THAN", [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when("NUMBER_LESS_THAN", [n]);
  }
  whenTextEqualTo(text: string): this {
    return this.when("TEXT_EQUAL_TO", [text]);
  }
  whenCellNotEmpty(): this {
    return this.when("CELL_NOT_EMPTY", []);
  }
  setBackground(color: string | null): this {
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this.fontColor = color;
    return this;
  }
  setBold(bold: boolean | null): this {
    this.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.italic = italic;
    return this;
  }
  setRanges(ranges: unknown[]): this {
    if (!Array.isArray(ranges) || ranges.length === 0) throw new Error("Exception: setRanges needs at least one range");
    ranges.forEach(refOf);
    this.ranges = [...ranges];
    return this;
  }
  build(): FakeConditionalFormatRule {
    if (this.type === null) throw new Error("Exception: a conditional format rule needs a condition");
    if (this.ranges.length === 0) throw new Error("Exception: a conditional format rule needs ranges");
    return new FakeConditionalFormatRule(this.ranges, new FakeBooleanCondition(this.type, this.values, { background: this.background, fontColor: this.fontColor, bold: this.bold, italic: this.italic }));
  }
  private when(type: string, values: unknown[]): this {
    this.type = type;
    this.values = values;
    return this;
  }
}

export class FakeDataValidation {
  constructor(
    readonly type: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string | null,
  ) {}
  getCriteriaType(): string {
    return this.type;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getHelpText(): string | null {
    return this.helpText;
  }
}

export class FakeDataValidationBuilder {
  private type: string | null = null;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText: string | null = null;

  requireValueInList(values: unknown, showDropdown?: boolean): this {
    if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) throw new Error("Exception: requireValueInList takes an array of strings");
    return this.require("VALUE_IN_LIST", [[...values], showDropdown ?? true]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean): this {
    refOf(range);
    return this.require("VALUE_IN_RANGE", [range, showDropdown ?? true]);
  }
  requireNumberBetween(min: number, max: number): this {
    this.numbers(min, max);
    return this.require("NUMBER_BETWEEN", [min, max]);
  }
  requireNumberGreaterThanOrEqualTo(min: number): this {
    this.numbers(min);
    return this.require("NUMBER_GREATER_THAN_OR_EQUAL_TO", [min]);
  }
  requireNumberLessThanOrEqualTo(max: number): this {
    this.numbers(max);
    return this.require("NUMBER_LESS_THAN_OR_EQUAL_TO", [max]);
  }
  requireFormulaSatisfied(formula: string): this {
    if (typeof formula !== "string" || !formula.startsWith("=")) throw new Error("Exception: a validation formula must start with =");
    return this.require("CUSTOM_FORMULA", [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    if (this.type === null) throw new Error("Exception: a data validation needs a criterion");
    return new FakeDataValidation(this.type, this.values, this.allowInvalid, this.helpText);
  }
  private numbers(...values: unknown[]): void {
    if (values.some((v) => typeof v !== "number" || !Number.isFinite(v))) throw new Error("Exception: a number is required");
  }
  private require(type: string, values: unknown[]): this {
    this.type = type;
    this.values = values;
    return this;
  }
}

export interface TextStyleData {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  color: string;
  size: number;
  family: string;
}

export const DEFAULT_TEXT_STYLE: TextStyleData = { bold: false, italic: false, underline: false, color: "#000000", size: 10, family: "Arial" };

export class FakeTextStyle {
  constructor(readonly data: Partial<TextStyleData>) {}
  isBold(): boolean | null {
    return this.data.bold ?? null;
  }
  isItalic(): boolean | null {
    return this.data.italic ?? null;
  }
  getForegroundColor(): string | null {
    return this.data.color ?? null;
  }
  getFontSize(): number | null {
    return this.data.size ?? null;
  }
  getFontFamily(): string | null {
    return this.data.family ?? null;
  }
  isUnderline(): boolean | null {
    return this.data.underline ?? null;
  }
}

export class FakeTextStyleBuilder {
  private data: Partial<TextStyleData> = {};
  setBold(v: boolean): this {
    this.data.bold = v;
    return this;
  }
  setItalic(v: boolean): this {
    this.data.italic = v;
    return this;
  }
  setUnderline(v: boolean): this {
    this.data.underline = v;
    return this;
  }
  setForegroundColor(v: string): this {
    if (!/^#[0-9a-fA-F]{6}$/.test(v)) throw new Error(`Exception: invalid colour ${v}`);
    this.data.color = v;
    return this;
  }
  setFontSize(v: number): this {
    this.data.size = v;
    return this;
  }
  setFontFamily(v: string): this {
    this.data.family = v;
    return this;
  }
  build(): FakeTextStyle {
    return new FakeTextStyle({ ...this.data });
  }
}
