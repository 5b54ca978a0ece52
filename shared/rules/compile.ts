// Turns a rule expression into a JavaScript closure, once per indicator, so evaluating a row is a
// few function calls with no parsing and no tree walk.
import { isStatus } from "./comparators";
import type { Arithmetic, Expr, RefName, Relation } from "./expr";

/** A value as a sheet holds it: a blank is null. */
export type RuleValue = number | string | boolean | null;
export type RuleEnv = Record<RefName, RuleValue>;
export type Compiled = (env: RuleEnv) => RuleValue;

export function compileExpr(expr: Expr): Compiled {
  switch (expr.op) {
    case "num":
    case "text":
    case "bool": {
      const value = expr.value;
      return () => value;
    }
    case "blank":
      return () => null;
    case "ref": {
      const name = expr.name;
      return (env) => env[name];
    }
    case "arith": {
      const fast = arithWithConstant(expr.fn, expr.a, expr.b) ?? scaledRatio(expr.fn, expr.a, expr.b);
      if (fast) return fast;
      const a = compileExpr(expr.a);
      const b = compileExpr(expr.b);
      const numeric = (f: (x: number, y: number) => number): Compiled => (env) => {
        const x = a(env);
        const y = b(env);
        return typeof x === "number" && typeof y === "number" ? f(x, y) : null;
      };
      switch (expr.fn) {
        case "+":
          return numeric((x, y) => x + y);
        case "-":
          return numeric((x, y) => x - y);
        case "*":
          return numeric((x, y) => x * y);
        case "/":
          return numeric((x, y) => (y === 0 ? Number.NaN : x / y));
      }
      break;
    }
    case "cmp":
      return compileComparison(expr.rel, expr.a, expr.b);
    case "and": {
      const [first, second] = expr.args;
      if (expr.args.length === 2 && first.op === "isnum" && first.arg.op === "ref" && second.op === "isnum" && second.arg.op === "ref") {
        const p = first.arg.name;
        const q = second.arg.name;
        return (env) => typeof env[p] === "number" && typeof env[q] === "number";
      }
      const args = expr.args.map(compileExpr);
      if (args.length === 2) {
        const [p, q] = args;
        return (env) => p(env) === true && q(env) === true;
      }
      return (env) => args.every((arg) => arg(env) === true);
    }
    case "or": {
      const args = expr.args.map(compileExpr);
      if (args.length === 2) {
        const [p, q] = args;
        return (env) => p(env) === true || q(env) === true;
      }
      return (env) => args.some((arg) => arg(env) === true);
    }
    case "not": {
      if (expr.arg.op === "isnum" && expr.arg.arg.op === "ref") {
        const name = expr.arg.arg.name;
        return (env) => typeof env[name] !== "number";
      }
      const arg = compileExpr(expr.arg);
      return (env) => arg(env) !== true;
    }
    case "if": {
      const cond = compileExpr(expr.cond);
      const then = compileExpr(expr.then);
      const otherwise = compileExpr(expr.else);
      if (isLiteral(expr.then) && isLiteral(expr.else)) {
        const thenValue = literalValue(expr.then);
        const elseValue = literalValue(expr.else);
        return (env) => (cond(env) === true ? thenValue : elseValue);
      }
      if (isLiteral(expr.then)) {
        const thenValue = literalValue(expr.then);
        return (env) => (cond(env) === true ? thenValue : otherwise(env));
      }
      if (isLiteral(expr.else)) {
        const elseValue = literalValue(expr.else);
        return (env) => (cond(env) === true ? then(env) : elseValue);
      }
      return (env) => (cond(env) === true ? then(env) : otherwise(env));
    }
    case "isnum": {
      if (expr.arg.op === "ref") {
        const name = expr.arg.name;
        return (env) => typeof env[name] === "number";
      }
      const arg = compileExpr(expr.arg);
      return (env) => typeof arg(env) === "number";
    }
    case "hastext": {
      const arg = compileExpr(expr.arg);
      return (env) => {
        const value = arg(env);
        return typeof value === "string" && value.trim().length > 0;
      };
    }
    case "isstatus": {
      const arg = compileExpr(expr.arg);
      return (env) => isStatus(arg(env));
    }
  }
  throw new Error(`unknown expression ${(expr as Expr).op}`);
}

// The shapes every rule is made of (a reference or a constant against another) get closures of
// their own, with the meaning of the general ones above: a row then costs a few calls, not a tree.

type Literal = Extract<Expr, { op: "num" | "text" | "bool" | "blank" }>;

function isLiteral(expr: Expr): expr is Literal {
  return expr.op === "num" || expr.op === "text" || expr.op === "bool" || expr.op === "blank";
}

function literalValue(expr: Literal): RuleValue {
  return expr.op === "blank" ? null : expr.value;
}

/** `a <rel> b`, false when either side is blank. */
function compileComparison(rel: Relation, left: Expr, right: Expr): Compiled {
  if (right.op === "num" && left.op === "ref") {
    const name = left.name;
    const c = right.value;
    switch (rel) {
      case ">=":
        return (env) => {
          const x = env[name];
          return x !== null && (x as number) >= c;
        };
      case ">":
        return (env) => {
          const x = env[name];
          return x !== null && (x as number) > c;
        };
      case "<=":
        return (env) => {
          const x = env[name];
          return x !== null && (x as number) <= c;
        };
      case "<":
        return (env) => {
          const x = env[name];
          return x !== null && (x as number) < c;
        };
      case "=":
        return (env) => {
          const x = env[name];
          return x !== null && x === c;
        };
      case "<>":
        return (env) => {
          const x = env[name];
          return x !== null && x !== c;
        };
    }
  }
  const a = compileExpr(left);
  const b = compileExpr(right);
  switch (rel) {
    case ">=":
      return (env) => {
        const x = a(env);
        const y = b(env);
        return x !== null && y !== null && x >= y;
      };
    case ">":
      return (env) => {
        const x = a(env);
        const y = b(env);
        return x !== null && y !== null && x > y;
      };
    case "<=":
      return (env) => {
        const x = a(env);
        const y = b(env);
        return x !== null && y !== null && x <= y;
      };
    case "<":
      return (env) => {
        const x = a(env);
        const y = b(env);
        return x !== null && y !== null && x < y;
      };
    case "=":
      return (env) => {
        const x = a(env);
        const y = b(env);
        return x !== null && y !== null && x === y;
      };
    case "<>":
      return (env) => {
        const x = a(env);
        const y = b(env);
        return x !== null && y !== null && x !== y;
      };
  }
}

/** `x <fn> c` for a constant number c, x a number (else blank). */
function applyConstant(fn: Arithmetic, x: number, c: number): number {
  switch (fn) {
    case "+":
      return x + c;
    case "-":
      return x - c;
    case "*":
      return x * c;
    case "/":
      return c === 0 ? Number.NaN : x / c;
  }
}

/** `a <fn> c` for a constant number c, and `(r <fn1> k) <fn2> c` for a reference r (a percentage:
 *  measure × 100 / target), or null for another shape. */
function arithWithConstant(fn: Arithmetic, left: Expr, right: Expr): Compiled | null {
  if (right.op !== "num") return null;
  const c = right.value;
  if (left.op === "ref") {
    const name = left.name;
    if (fn === "*") {
      return (env) => {
        const x = env[name];
        return typeof x === "number" ? x * c : null;
      };
    }
    return (env) => {
      const x = env[name];
      return typeof x === "number" ? applyConstant(fn, x, c) : null;
    };
  }
  if (left.op === "arith" && left.a.op === "ref" && left.b.op === "num") {
    const name = left.a.name;
    const innerFn = left.fn;
    const k = left.b.value;
    if (innerFn === "*" && fn === "/") {
      return (env) => {
        const x = env[name];
        return typeof x === "number" ? (c === 0 ? Number.NaN : (x * k) / c) : null;
      };
    }
    return (env) => {
      const x = env[name];
      return typeof x === "number" ? applyConstant(fn, applyConstant(innerFn, x, k), c) : null;
    };
  }
  const a = compileExpr(left);
  return (env) => {
    const x = a(env);
    return typeof x === "number" ? applyConstant(fn, x, c) : null;
  };
}

/** `(r <fn1> k) / q` for references r and q and a constant k (So cùng kỳ: actual × 100 / previous), or null. */
function scaledRatio(fn: Arithmetic, left: Expr, right: Expr): Compiled | null {
  if (fn !== "/" || right.op !== "ref" || left.op !== "arith" || left.fn !== "*" || left.a.op !== "ref" || left.b.op !== "num") return null;
  const name = left.a.name;
  const k = left.b.value;
  const divisor = right.name;
  return (env) => {
    const x = env[name];
    const y = env[divisor];
    return typeof x === "number" && typeof y === "number" ? (y === 0 ? Number.NaN : (x * k) / y) : null;
  };
}

/** What a rule reads that is already known when compiling (the indicator's targets, the settings). */
export type KnownRefs = Partial<Record<RefName, RuleValue>>;

function literal(value: RuleValue): Expr {
  if (value === null) return { op: "blank" };
  if (typeof value === "number") return { op: "num", value };
  if (typeof value === "string") return { op: "text", value };
  return { op: "bool", value };
}

const EMPTY_ENV = {} as RuleEnv;

/** Substitutes the known references and folds every constant part, with the meaning compileExpr gives
 *  it, so a row's evaluation only does what depends on what was typed. */
export function specialize(expr: Expr, known: KnownRefs): Expr {
  const isConstant = (e: Expr): boolean => e.op === "num" || e.op === "text" || e.op === "bool" || e.op === "blank";
  const constant = (e: Expr): Expr => literal(compileExpr(e)(EMPTY_ENV));
  switch (expr.op) {
    case "ref":
      return Object.prototype.hasOwnProperty.call(known, expr.name) ? literal(known[expr.name] as RuleValue) : expr;
    case "arith":
    case "cmp": {
      const next = { ...expr, a: specialize(expr.a, known), b: specialize(expr.b, known) };
      return isConstant(next.a) && isConstant(next.b) ? constant(next) : next;
    }
    case "not":
    case "isnum":
    case "hastext":
    case "isstatus": {
      const next = { ...expr, arg: specialize(expr.arg, known) };
      return isConstant(next.arg) ? constant(next) : next;
    }
    case "and":
    case "or": {
      const args = expr.args.map((a) => specialize(a, known));
      const decisive = expr.op === "and" ? (e: Expr) => isConstant(e) && !(e.op === "bool" && e.value) : (e: Expr) => e.op === "bool" && e.value;
      if (args.some(decisive)) return literal(expr.op === "or");
      const rest = args.filter((a) => !isConstant(a));
      if (rest.length === 0) return literal(expr.op === "and");
      return { op: expr.op, args: rest };
    }
    case "if": {
      const cond = specialize(expr.cond, known);
      if (isConstant(cond)) return specialize(cond.op === "bool" && cond.value ? expr.then : expr.else, known);
      return { op: "if", cond, then: specialize(expr.then, known), else: specialize(expr.else, known) };
    }
    default:
      return expr;
  }
}
