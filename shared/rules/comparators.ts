// The evaluation rules of ../../spec/evaluation.md, written once as expressions. Both the
// TypeScript evaluation (shared/evaluate.ts) and the live formulas of the fill-in sheet
// (shared/sheet/fill-in.ts) are derived from what this module returns, so they cannot drift apart.
//
// Refinements of the spec, decided here:
// - `>` and `<`: achieving the target already means being strictly better than it, so an achieved
//   row is "Vượt" (unemployment "<2,5%" at 2,1 is Vượt; at 2,5 it is Không đạt).
// - `=`: only "Đạt" or "Không đạt"; there is no better than exact.
// - `approx`: Đạt within the tolerance below the target, Vượt only above target × (1 + tolerance).
// - `decrease-by` / `increase-by`: the actual is the change achieved, unless last year's level is
//   entered, in which case the actual is this year's level and the change is computed from the two:
//   in points for rates and counts (5,0 → 4,7 is a decrease of 0,3), relative in % for an amount
//   whose target is a percentage ("tăng 10%" of revenue).
// - A heading (no comparator) is judged from the indicators under it that carry a rule and are
//   reached through headings only: Không đạt if one of them is, otherwise Chưa có số liệu while
//   one has no data, otherwise Chưa đến hạn when all are, otherwise Vượt if one is Vượt, else Đạt.
//   Rows not yet due do not count against the heading.
// - Order of precedence for the status shown: an override with a reason, then "Chưa đến hạn"
//   (deadline after the report year), then "Chưa có số liệu", then the comparator's rule.
// - A partial period (6 or 9 months, shared/period.ts): an amount that adds up over the year is
//   "Đạt tiến độ" when it reaches the share of the annual plan (measure ≥ target × share), else
//   "Chậm tiến độ"; what is only measured at year end is "Chưa đến kỳ đánh giá" (after the override
//   and the deadline); a level keeps its own rule. A heading adds: Chậm tiến độ when one is behind
//   (and none Không đạt), Chưa đến kỳ đánh giá when all are not assessable yet, Đạt tiến độ when one
//   is on track. The year-end rules are built exactly as before.
import { STATUSES, type Comparator, type Indicator, type Period, type Status } from "../model";
import { namesARate } from "../actual";
import { isPartial, periodKindOf, type StatusLabel } from "../period";
import {
  and,
  BLANK,
  cmp,
  div,
  FALSE,
  hastext,
  ifThen,
  isnum,
  isstatus,
  mul,
  not,
  num,
  ref,
  sub,
  add,
  text,
  type Expr,
} from "./expr";

export type ChangeMode = "points" | "relative";

/** What a row's formulas and its TypeScript evaluation are made of. */
export interface IndicatorRule {
  kind: "heading" | "number" | "boolean";
  /** The value judged, from "actual" and "previous" (blank when there is none). */
  measure: Expr;
  /** Completion in percent, or blank. */
  percent: Expr;
  /** The status before deadline and override: reads "measure" (or the child counts of a heading). */
  ruleStatus: Expr;
  /** The status shown: override, deadline, then "ruleStatus". */
  status: Expr;
  /** "So cùng kỳ (%)". */
  yoy: Expr;
}

const A = ref("measure");
const T = ref("target");
const MIN = ref("targetMin");
const MAX = ref("targetMax");
const TOL = ref("tolerance");
const ACTUAL = ref("actual");
const PREVIOUS = ref("previous");
const HUNDRED = num(100);
const ZERO = num(0);
const ONE = num(1);

const s = (status: StatusLabel): Expr => text(status);
const SHARE = ref("share");

// Percentages multiply first (A × 100 / T): 230 × 100 / 200 is exactly 115, 230 / 200 × 100 is not.
const percentOf = (part: Expr, whole: Expr): Expr => div(mul(part, HUNDRED), whole);
/** Completion for higher-is-better: A / T × 100, none when T = 0. */
const higherPercent = (target: Expr): Expr => ifThen(cmp("=", target, ZERO), BLANK, percentOf(A, target));
/** Lower-is-better: T / A × 100, 100 when A = 0, none when T = 0. */
const lowerPercent = ifThen(cmp("=", T, ZERO), BLANK, ifThen(cmp("=", A, ZERO), HUNDRED, percentOf(T, A)));

interface Judgement {
  percent: Expr;
  achieved: Expr;
  exceeded: Expr;
}

function judgement(comparator: Comparator): Judgement {
  switch (comparator) {
    case ">=":
    case "decrease-by":
    case "increase-by":
      return { percent: higherPercent(T), achieved: cmp(">=", A, T), exceeded: cmp(">", A, T) };
    case ">":
      return { percent: higherPercent(T), achieved: cmp(">", A, T), exceeded: cmp(">", A, T) };
    case "<=":
      return { percent: lowerPercent, achieved: cmp("<=", A, T), exceeded: cmp("<", A, T) };
    case "<":
      return { percent: lowerPercent, achieved: cmp("<", A, T), exceeded: cmp("<", A, T) };
    case "=":
      return {
        percent: ifThen(cmp("=", T, ZERO), ifThen(cmp("=", A, ZERO), HUNDRED, ZERO), percentOf(A, T)),
        achieved: cmp("=", A, T),
        exceeded: FALSE,
      };
    case "approx":
      return {
        percent: higherPercent(T),
        achieved: cmp(">=", A, mul(T, sub(ONE, TOL))),
        exceeded: cmp(">", A, mul(T, add(ONE, TOL))),
      };
    case "range":
      return { percent: higherPercent(MIN), achieved: cmp(">=", A, MIN), exceeded: cmp(">", A, MAX) };
    case "boolean":
      return { percent: mul(A, HUNDRED), achieved: cmp("=", A, ONE), exceeded: FALSE };
  }
}

/** Rates ("Tỷ lệ hộ nghèo") and non-% units change in points; an amount with a % target changes relatively. */
export function changeModeOf(indicator: Pick<Indicator, "name" | "unit">): ChangeMode {
  // The rate definition is the core's one (shared/actual.ts), the same validation uses.
  return indicator.unit.trim() === "%" && !namesARate(indicator.name) ? "relative" : "points";
}

function measureOf(indicator: Indicator): Expr {
  const c = indicator.comparator;
  if (c !== "decrease-by" && c !== "increase-by") return ACTUAL;
  const change = c === "decrease-by" ? sub(PREVIOUS, ACTUAL) : sub(ACTUAL, PREVIOUS);
  const fromLevels = changeModeOf(indicator) === "points" ? change : ifThen(cmp("=", PREVIOUS, ZERO), BLANK, percentOf(change, PREVIOUS));
  return ifThen(not(isnum(ACTUAL)), BLANK, ifThen(isnum(PREVIOUS), fromLevels, ACTUAL));
}

const headingRuleStatus: Expr = ifThen(
  cmp("=", ref("childCount"), ZERO),
  s("Chưa có số liệu"),
  ifThen(
    cmp(">", ref("childKhongDat"), ZERO),
    s("Không đạt"),
    ifThen(
      cmp(">", ref("childChuaCoSoLieu"), ZERO),
      s("Chưa có số liệu"),
      ifThen(
        cmp("=", ref("childChuaDenHan"), ref("childCount")),
        s("Chưa đến hạn"),
        ifThen(cmp(">", ref("childVuot"), ZERO), s("Vượt"), s("Đạt")),
      ),
    ),
  ),
);

/** A heading in a partial period: the year-end order, with the progress labels fitted in. */
const partialHeadingRuleStatus: Expr = ifThen(
  cmp("=", ref("childCount"), ZERO),
  s("Chưa có số liệu"),
  ifThen(
    cmp(">", ref("childKhongDat"), ZERO),
    s("Không đạt"),
    ifThen(
      cmp(">", ref("childChamTienDo"), ZERO),
      s("Chậm tiến độ"),
      ifThen(
        cmp(">", ref("childChuaCoSoLieu"), ZERO),
        s("Chưa có số liệu"),
        ifThen(
          cmp("=", ref("childChuaDenHan"), ref("childCount")),
          s("Chưa đến hạn"),
          ifThen(
            cmp("=", add(ref("childChuaDenHan"), ref("childChuaDenKy")), ref("childCount")),
            s("Chưa đến kỳ đánh giá"),
            ifThen(cmp(">", ref("childDatTienDo"), ZERO), s("Đạt tiến độ"), ifThen(cmp(">", ref("childVuot"), ZERO), s("Vượt"), s("Đạt"))),
          ),
        ),
      ),
    ),
  ),
);

/** Override (with a reason), then deadline, then the rule. */
function shownStatus(ruleStatus: Expr): Expr {
  const override = ref("overrideStatus");
  return ifThen(
    and(isstatus(override), hastext(ref("overrideReason"))),
    override,
    ifThen(and(isnum(ref("deadline")), cmp(">", ref("deadline"), ref("reportYear"))), s("Chưa đến hạn"), ruleStatus),
  );
}

const numericYoy = ifThen(
  and(isnum(ACTUAL), isnum(PREVIOUS)),
  ifThen(cmp("=", PREVIOUS, ZERO), BLANK, percentOf(ACTUAL, PREVIOUS)),
  BLANK,
);

/** The rule of one indicator, from its comparator (and, for changes, its name and unit), for the
 *  period reported on (the whole year by default). */
export function ruleOf(indicator: Indicator, period: Period = "ca-nam"): IndicatorRule {
  const c = indicator.comparator;
  const partial = isPartial(period);
  if (c === null) {
    const heading = partial ? partialHeadingRuleStatus : headingRuleStatus;
    return { kind: "heading", measure: BLANK, percent: BLANK, ruleStatus: heading, status: shownStatus(heading), yoy: BLANK };
  }
  const kind = c === "boolean" ? "boolean" : "number";
  const yoy = c === "boolean" ? BLANK : numericYoy;
  const measure = measureOf(indicator);
  const made = (percent: Expr, ruleStatus: Expr): IndicatorRule => ({ kind, measure, percent, ruleStatus, status: shownStatus(ruleStatus), yoy });
  // Next year's indicator whose target is not issued yet: nothing to judge against.
  if (indicator.targetPending && c !== "boolean") return made(BLANK, s("Chưa có số liệu"));
  const j = judgement(c);
  const percent = ifThen(isnum(A), j.percent, BLANK);
  const periodKind = partial ? periodKindOf(indicator) : "level";
  if (periodKind === "year-end") return made(BLANK, s("Chưa đến kỳ đánh giá"));
  if (periodKind === "cumulative") {
    const annual = c === "range" ? MIN : T;
    return made(percent, ifThen(not(isnum(A)), s("Chưa có số liệu"), ifThen(cmp(">=", A, mul(annual, SHARE)), s("Đạt tiến độ"), s("Chậm tiến độ"))));
  }
  const ruleStatus = ifThen(
    not(isnum(A)),
    s("Chưa có số liệu"),
    ifThen(j.exceeded, s("Vượt"), ifThen(j.achieved, s("Đạt"), s("Không đạt"))),
  );
  return made(percent, ruleStatus);
}

export function isStatus(value: unknown): value is Status {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}
