// Prints a rule expression as spreadsheet formula text (en-US invariant syntax, no leading "="),
// with each reference replaced by what the caller maps it to: a cell of the row, a workbook name,
// or a small formula such as a COUNTIFS. Only functions every target has are used (IF, AND, OR,
// NOT, ISNUMBER, LEN, TRIM), so the text needs no `_xlfn.` prefix.
import { STATUSES } from "../model";
import type { Expr, RefName } from "./expr";

export type RefMap = Partial<Record<RefName, string>>;

const PRECEDENCE = { cmp: 1, additive: 2, multiplicative: 3, atom: 4 } as const;

interface Printed {
  text: string;
  precedence: number;
}

/** Excel's number literal for a double: no exponent for ordinary sizes, "1E+21" otherwise. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value === 0 ? 0 : value).toUpperCase();
}

export function textLiteral(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Folds IF/AND/OR/NOT over constant booleans, so rules like "exceeded = FALSE" print short. */
function fold(expr: Expr): Expr {
  switch (expr.op) {
    case "if": {
      const cond = fold(expr.cond);
      if (cond.op === "bool") return fold(cond.value ? expr.then : expr.else);
      return { op: "if", cond, then: fold(expr.then), else: fold(expr.else) };
    }
    case "and":
    case "or": {
      const args = expr.args.map(fold);
      const neutral = expr.op === "and";
      if (args.some((a) => a.op === "bool" && a.value !== neutral)) return { op: "bool", value: !neutral };
      const rest = args.filter((a) => a.op !== "bool");
      if (rest.length === 0) return { op: "bool", value: neutral };
      return rest.length === 1 ? rest[0] : { op: expr.op, args: rest };
    }
    case "not": {
      const arg = fold(expr.arg);
      return arg.op === "bool" ? { op: "bool", value: !arg.value } : { op: "not", arg };
    }
    case "arith":
    case "cmp":
      return { ...expr, a: fold(expr.a), b: fold(expr.b) };
    case "isnum":
    case "hastext":
    case "isstatus":
      return { ...expr, arg: fold(expr.arg) };
    default:
      return expr;
  }
}

function print(expr: Expr, refs: RefMap): Printed {
  const atom = (text: string): Printed => ({ text, precedence: PRECEDENCE.atom });
  const wrap = (p: Printed, min: number): string => (p.precedence < min ? `(${p.text})` : p.text);
  switch (expr.op) {
    case "num":
      return atom(expr.value < 0 ? `(${numberLiteral(expr.value)})` : numberLiteral(expr.value));
    case "text":
      return atom(textLiteral(expr.value));
    case "blank":
      return atom('""');
    case "bool":
      return atom(expr.value ? "TRUE" : "FALSE");
    case "ref": {
      const text = refs[expr.name];
      if (text === undefined) throw new Error(`no cell for "${expr.name}"`);
      return atom(/^[A-Za-z_$][A-Za-z0-9_.$]*$|^[A-Z]+\([^()]*\)$/.test(text) ? text : `(${text})`);
    }
    case "arith": {
      const additive = expr.fn === "+" || expr.fn === "-";
      const level = additive ? PRECEDENCE.additive : PRECEDENCE.multiplicative;
      const a = print(expr.a, refs);
      const b = print(expr.b, refs);
      // Left-associative: the right operand of - and / needs parentheses at the same level.
      return { text: `${wrap(a, level)}${expr.fn}${wrap(b, level + 1)}`, precedence: level };
    }
    case "cmp": {
      const a = print(expr.a, refs);
      const b = print(expr.b, refs);
      return { text: `${wrap(a, PRECEDENCE.additive)}${expr.rel}${wrap(b, PRECEDENCE.additive)}`, precedence: PRECEDENCE.cmp };
    }
    case "and":
    case "or":
      return atom(`${expr.op.toUpperCase()}(${expr.args.map((a) => print(a, refs).text).join(",")})`);
    case "not":
      return atom(`NOT(${print(expr.arg, refs).text})`);
    case "if":
      return atom(`IF(${print(expr.cond, refs).text},${print(expr.then, refs).text},${print(expr.else, refs).text})`);
    case "isnum":
      return atom(`ISNUMBER(${print(expr.arg, refs).text})`);
    case "hastext":
      return { text: `LEN(TRIM(${print(expr.arg, refs).text}))>0`, precedence: PRECEDENCE.cmp };
    case "isstatus": {
      const arg = print(expr.arg, refs).text;
      return atom(`OR(${STATUSES.map((s) => `${arg}=${textLiteral(s)}`).join(",")})`);
    }
  }
}

/** The formula text of an expression (without the leading "="). */
export function printFormula(expr: Expr, refs: RefMap): string {
  return print(fold(expr), refs).text;
}
