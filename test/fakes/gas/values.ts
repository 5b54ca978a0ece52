// How Google Sheets reads a value written through setValue(s)/setFormula(s): as if typed into the
// cell. A string starting with "'" is text (the apostrophe is not kept); "=" starts a formula;
// "+", "-" or "@" followed by something that is not a number is a formula that fails to parse;
// number-like and boolean-like text becomes a number or a boolean. The fake follows that, so an
// adapter that forgets to protect literal text is caught.

export type StoredValue = string | number | boolean | Date;

export interface TypedInput {
  value: StoredValue | null;
  formula: string | null;
  /** The input was read as something else than the literal text given. */
  reinterpreted: boolean;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DATE_LIKE = /^\d{1,4}[/-]\d{1,2}[/-]\d{1,4}$/;

/** What a cell holds after `input` is written to it, following the spreadsheet's en_US reading. */
export function readTyped(input: unknown, where: string): TypedInput {
  if (input === null || input === "") return { value: null, formula: null, reinterpreted: false };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new Error(`Exception: cannot write a non-finite number to ${where}`);
    return { value: input, formula: null, reinterpreted: false };
  }
  if (typeof input === "boolean") return { value: input, formula: null, reinterpreted: false };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: null, reinterpreted: false };
  if (typeof input !== "string") throw new Error(`Exception: The parameters (${typeof input}) don't match the method signature (${where}).`);
  if (input.startsWith("'")) return { value: input.slice(1), formula: null, reinterpreted: false };
  if (input.startsWith("=")) return { value: null, formula: input, reinterpreted: true };
  const compact = input.trim();
  if (PLAIN_NUMBER.test(compact)) {
    const percent = compact.endsWith("%");
    const n = Number(percent ? compact.slice(0, -1) : compact);
    return { value: percent ? n / 100 : n, formula: null, reinterpreted: true };
  }
  if (GROUPED_NUMBER.test(compact)) return { value: Number(compact.replace(/,/g, "")), formula: null, reinterpreted: true };
  if (/^(true|false)$/i.test(compact)) return { value: /^true$/i.test(compact), formula: null, reinterpreted: true };
  if (DATE_LIKE.test(compact)) return { value: "#DATE(" + compact + ")", formula: null, reinterpreted: true };
  if (/^[+\-@]/.test(input)) return { value: "#ERROR!", formula: "=" + input.slice(1), reinterpreted: true };
  return { value: input, formula: null, reinterpreted: false };
}
