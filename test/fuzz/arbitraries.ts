// What a clerk, a unit or a broken export can put into a cell or a plan text, as fast-check
// arbitraries: numbers of every size and sign, NaN and infinities, Vietnamese number text with
// decimal commas and scale words, text in NFC and NFD, spreadsheet errors, dates, booleans, empty
// strings and whitespace, and text that looks like a formula.
import fc from "fast-check";
import { STATUSES } from "../../shared/model";

export const FORMULA_LOOKALIKES = [
  '=HYPERLINK("http://x","y")',
  "+1+1",
  "-2+3",
  "@SUM(A1)",
  "=1+1\t",
  "a\nb",
  "tab\tinside",
  "=cmd|' /C calc'!A0",
  "\t=1+1",
  "\r\n=2",
];

const VIETNAMESE_WORDS = [
  "Đạt", "Không đạt", "đạt", "KHÔNG ĐẠT", "x", "có", "không", "Chưa có", "chưa có số liệu", "Hoàn thành",
  "Thu ngân sách", "tỷ đồng", "triệu", "người", "hộ", "%", "Vượt", "Ước", "khoảng", "trên", "dưới",
];

const ERROR_TEXTS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#ERROR!", "#div/0!"];

/** Vietnamese number text: "1.234,5", "95 %", "12,5 tỷ", "3.000.000", "-0,7". */
const vietnameseNumberText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "-", "+", "− "),
    fc.integer({ min: 0, max: 999_999_999 }),
    fc.option(fc.integer({ min: 0, max: 9999 }), { nil: null }),
    fc.constantFrom("", " %", "%", " tỷ", " triệu", " nghìn", " đồng", " người"),
    fc.boolean(),
  )
  .map(([sign, whole, frac, suffix, grouped]) => {
    const digits = grouped ? whole.toLocaleString("de-DE") : String(whole);
    return `${sign}${digits}${frac === null ? "" : `,${frac}`}${suffix}`;
  });

const englishNumberText = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e7, max: 1e7 }).map((n) => n.toLocaleString("en-US"));

const nfdText = fc.constantFrom(...VIETNAMESE_WORDS).map((w) => w.normalize("NFD"));

const whitespace = fc.constantFrom("", " ", "   ", "\t", "\n", "\u00a0", "\u2003", " \r\n ");

/** A number of any size: ordinary, tiny, huge, negative zero, NaN, ±Infinity, ≥ 10^15. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e15, -1e15, 1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 0.1 + 0.2),
);

/** Any value a host can hand the core for a cell. */
export const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyNumber },
  { weight: 3, arbitrary: vietnameseNumberText },
  { weight: 1, arbitrary: englishNumberText },
  { weight: 2, arbitrary: fc.constantFrom(...VIETNAMESE_WORDS) },
  { weight: 1, arbitrary: nfdText },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_TEXTS) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_TEXTS).map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: whitespace },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LOOKALIKES, "1e400", "NaN", "Infinity", "∞", "1e15", "9".repeat(40)) },
);

/** A value a user can type into a cell (what a host stores: number, text, boolean, or blank). */
export const typedValue: fc.Arbitrary<string | number | boolean | null> = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 100_000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })) },
  { weight: 3, arbitrary: vietnameseNumberText },
  { weight: 2, arbitrary: fc.constantFrom(...VIETNAMESE_WORDS) },
  { weight: 1, arbitrary: nfdText },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_TEXTS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LOOKALIKES) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A note or a reason: words, NFD, formula look-alikes, control characters. */
export const noteText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...VIETNAMESE_WORDS, "Số liệu đến 30/11", "Ước cả năm"),
  nfdText,
  fc.constantFrom(...FORMULA_LOOKALIKES),
  fc.string({ minLength: 1, maxLength: 40 }),
);

export const overrideStatus = fc.constantFrom(...STATUSES);
