// Formula text as the .xlsx file format stores it: functions added after Excel 2007 carry the
// `_xlfn.` prefix in the file (Excel shows them bare), or older Excel and LibreOffice read #NAME?.
// The generated formulas avoid such functions altogether; this is for any that slip in.

/** Functions newer than Excel 2007 that the file format writes as `_xlfn.NAME`. */
export const XLFN_FUNCTIONS: ReadonlySet<string> = new Set([
  "AGGREGATE", "ACOT", "ACOTH", "ARABIC", "BASE", "BETA.DIST", "BETA.INV", "BINOM.DIST", "BINOM.DIST.RANGE",
  "BINOM.INV", "BITAND", "BITLSHIFT", "BITOR", "BITRSHIFT", "BITXOR", "BYCOL", "BYROW", "CEILING.MATH",
  "CEILING.PRECISE", "CHISQ.DIST", "CHISQ.DIST.RT", "CHISQ.INV", "CHISQ.INV.RT", "CHISQ.TEST", "CHOOSECOLS",
  "CHOOSEROWS", "COMBINA", "CONCAT", "CONFIDENCE.NORM", "CONFIDENCE.T", "COT", "COTH", "COVARIANCE.P",
  "COVARIANCE.S", "CSC", "CSCH", "DAYS", "DECIMAL", "DROP", "ERF.PRECISE", "ERFC.PRECISE", "EXPAND",
  "EXPON.DIST", "F.DIST", "F.DIST.RT", "F.INV", "F.INV.RT", "F.TEST", "FILTER", "FILTERXML", "FLOOR.MATH",
  "FLOOR.PRECISE", "FORECAST.ETS", "FORECAST.LINEAR", "FORMULATEXT", "GAMMA", "GAMMA.DIST", "GAMMA.INV",
  "GAMMALN.PRECISE", "GAUSS", "HSTACK", "HYPGEOM.DIST", "IFNA", "IFS", "IMAGE", "IMCOSH", "IMCOT", "IMCSC",
  "IMCSCH", "IMSEC", "IMSECH", "IMSINH", "IMTAN", "ISFORMULA", "ISOMITTED", "ISOWEEKNUM", "LAMBDA", "LET",
  "LOGNORM.DIST", "LOGNORM.INV", "MAKEARRAY", "MAP", "MAXIFS", "MINIFS", "MODE.MULT", "MODE.SNGL",
  "MUNIT", "NEGBINOM.DIST", "NETWORKDAYS.INTL", "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV",
  "NUMBERVALUE", "PDURATION", "PERCENTILE.EXC", "PERCENTILE.INC", "PERCENTRANK.EXC", "PERCENTRANK.INC",
  "PERMUTATIONA", "PHI", "POISSON.DIST", "QUARTILE.EXC", "QUARTILE.INC", "RANDARRAY", "RANK.AVG", "RANK.EQ",
  "REDUCE", "RRI", "SCAN", "SEC", "SECH", "SEQUENCE", "SHEET", "SHEETS", "SKEW.P", "SORT", "SORTBY",
  "STDEV.P", "STDEV.S", "SWITCH", "T.DIST", "T.DIST.2T", "T.DIST.RT", "T.INV", "T.INV.2T", "T.TEST", "TAKE",
  "TEXTAFTER", "TEXTBEFORE", "TEXTJOIN", "TEXTSPLIT", "TOCOL", "TOROW", "UNICHAR", "UNICODE", "UNIQUE",
  "VALUETOTEXT", "ARRAYTOTEXT", "VAR.P", "VAR.S", "VSTACK", "WEBSERVICE", "WEIBULL.DIST", "WORKDAY.INTL",
  "WRAPCOLS", "WRAPROWS", "XLOOKUP", "XMATCH", "XOR", "Z.TEST",
]);

const NAME_START = /[A-Za-z_\\]/;
const NAME_PART = /[A-Za-z0-9_.\\]/;

/**
 * Walks the identifiers of a formula (function names, defined names, cell references such as F9)
 * outside string literals and quoted sheet names, and puts `rewrite`'s answer in place of each.
 * `before` and `after` are the characters around the token ("" at the ends), so a caller can tell
 * a call (`after` "(") or a sheet prefix (`after` "!") from a name.
 */
export function rewriteIdentifiers(formula: string, rewrite: (token: string, before: string, after: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A literal or a quoted sheet name runs to its closing quote; a doubled quote is an escaped one.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i > 0 ? formula[i - 1] : "";
    if (NAME_START.test(ch) && !NAME_PART.test(before)) {
      let j = i + 1;
      while (j < formula.length && NAME_PART.test(formula[j])) j++;
      out += rewrite(formula.slice(i, j), before, formula[j] ?? "");
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Adds `_xlfn.` before every call of a function in XLFN_FUNCTIONS, outside string literals and quoted sheet names. */
export function toFileFormula(formula: string): string {
  return rewriteIdentifiers(formula, (token, _before, after) => (after === "(" && XLFN_FUNCTIONS.has(token.toUpperCase()) ? `_xlfn.${token}` : token));
}

/** The formula as hosts show it: `_xlfn.` prefixes removed (for reading a file back). */
export function fromFileFormula(formula: string): string {
  return formula.replace(/_xlfn\./gi, "");
}
