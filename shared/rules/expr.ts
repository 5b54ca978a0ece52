// A tiny expression language for the evaluation rules. The rules are written once in it
// (shared/rules/comparators.ts) and turned into two things that must agree: JavaScript closures
// that evaluate a row (shared/rules/compile.ts) and spreadsheet formula text (shared/rules/print.ts).
// It holds only what both sides have with the same meaning: numbers, text, comparisons, the four
// operations, IF, AND, OR, NOT and a "holds a number" test. A blank is its own value (null in
// JavaScript, "" in a sheet) and is never compared or computed with: the rules guard it first.

/** The row's inputs and the workbook's settings a rule may read. */
export type RefName =
  /** The value judged: the actual as read (booleans as 1/0), or the change between two levels. */
  | "measure"
  /** The actual as read, a number or blank (for "So cùng kỳ"). */
  | "actual"
  | "previous"
  | "target"
  | "targetMin"
  | "targetMax"
  | "deadline"
  | "reportYear"
  | "tolerance"
  /** The override status chosen by the user, or blank; applied only together with a reason. */
  | "overrideStatus"
  | "overrideReason"
  /** For a heading: how many of the rows it is judged from exist, and how many have each status. */
  | "childCount"
  | "childVuot"
  | "childDat"
  | "childKhongDat"
  | "childChuaCoSoLieu"
  | "childChuaDenHan"
  /** In a partial period: how many of them are on track, behind, or not assessable before year end. */
  | "childDatTienDo"
  | "childChamTienDo"
  | "childChuaDenKy"
  /** The share of the annual plan an amount must reach by the end of a partial period (0,5 at six months). */
  | "share"
  /** The status given by the rule without deadline or override (for shared wrappers). */
  | "ruleStatus";

export type Relation = ">=" | ">" | "<=" | "<" | "=" | "<>";
export type Arithmetic = "+" | "-" | "*" | "/";

export type Expr =
  | { op: "num"; value: number }
  | { op: "text"; value: string }
  | { op: "blank" }
  | { op: "bool"; value: boolean }
  | { op: "ref"; name: RefName }
  | { op: "arith"; fn: Arithmetic; a: Expr; b: Expr }
  | { op: "cmp"; rel: Relation; a: Expr; b: Expr }
  | { op: "and"; args: Expr[] }
  | { op: "or"; args: Expr[] }
  | { op: "not"; arg: Expr }
  | { op: "if"; cond: Expr; then: Expr; else: Expr }
  /** True when the argument is a number (not blank, not text). */
  | { op: "isnum"; arg: Expr }
  /** True when the argument is non-blank text after trimming. */
  | { op: "hastext"; arg: Expr }
  /** True when the argument is one of the five status texts. */
  | { op: "isstatus"; arg: Expr };

export const num = (value: number): Expr => ({ op: "num", value });
export const text = (value: string): Expr => ({ op: "text", value });
export const BLANK: Expr = { op: "blank" };
export const TRUE: Expr = { op: "bool", value: true };
export const FALSE: Expr = { op: "bool", value: false };
export const ref = (name: RefName): Expr => ({ op: "ref", name });
export const add = (a: Expr, b: Expr): Expr => ({ op: "arith", fn: "+", a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ op: "arith", fn: "-", a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ op: "arith", fn: "*", a, b });
export const div = (a: Expr, b: Expr): Expr => ({ op: "arith", fn: "/", a, b });
export const cmp = (rel: Relation, a: Expr, b: Expr): Expr => ({ op: "cmp", rel, a, b });
export const and = (...args: Expr[]): Expr => ({ op: "and", args });
export const or = (...args: Expr[]): Expr => ({ op: "or", args });
export const not = (arg: Expr): Expr => ({ op: "not", arg });
export const ifThen = (cond: Expr, then: Expr, otherwise: Expr): Expr => ({ op: "if", cond, then, else: otherwise });
export const isnum = (arg: Expr): Expr => ({ op: "isnum", arg });
export const hastext = (arg: Expr): Expr => ({ op: "hastext", arg });
export const isstatus = (arg: Expr): Expr => ({ op: "isstatus", arg });

/** Every reference an expression reads, so a printer can check it knows them all. */
export function refsOf(expr: Expr, into: Set<RefName> = new Set()): Set<RefName> {
  switch (expr.op) {
    case "ref":
      into.add(expr.name);
      break;
    case "arith":
    case "cmp":
      refsOf(expr.a, into);
      refsOf(expr.b, into);
      break;
    case "and":
    case "or":
      expr.args.forEach((arg) => refsOf(arg, into));
      break;
    case "not":
    case "isnum":
    case "hastext":
    case "isstatus":
      refsOf(expr.arg, into);
      break;
    case "if":
      refsOf(expr.cond, into);
      refsOf(expr.then, into);
      refsOf(expr.else, into);
      break;
    default:
      break;
  }
  return into;
}
