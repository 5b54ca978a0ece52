// Turns a rule expression into a JavaScript closure, once per indicator, so evaluating a row is a
// few function calls with no parsing and no tree walk.
import { isStatus } from "./comparators";
import type { Expr, RefName } from "./expr";

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
    case "cmp": {
      const a = compileExpr(expr.a);
      const b = compileExpr(expr.b);
      const rel = expr.rel;
      return (env) => {
        const x = a(env);
        const y = b(env);
        if (x === null || y === null) return false;
        switch (rel) {
          case ">=":
            return x >= y;
          case ">":
            return x > y;
          case "<=":
            return x <= y;
          case "<":
            return x < y;
          case "=":
            return x === y;
          case "<>":
            return x !== y;
        }
      };
    }
    case "and": {
      const args = expr.args.map(compileExpr);
      return (env) => args.every((arg) => arg(env) === true);
    }
    case "or": {
      const args = expr.args.map(compileExpr);
      return (env) => args.some((arg) => arg(env) === true);
    }
    case "not": {
      const arg = compileExpr(expr.arg);
      return (env) => arg(env) !== true;
    }
    case "if": {
      const cond = compileExpr(expr.cond);
      const then = compileExpr(expr.then);
      const otherwise = compileExpr(expr.else);
      return (env) => (cond(env) === true ? then(env) : otherwise(env));
    }
    case "isnum": {
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
