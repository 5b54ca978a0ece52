// The cell data, validations, defined names and tables of an .xlsx, written as SpreadsheetML text
// by the .xlsx writer (write.ts) itself rather than through ExcelJS: ExcelJS keeps an object per
// cell (a national consolidation holds a million cells: 40 s and 1.2 GB through it), and it
// merges validation ranges by sorting addresses as text (F10 before F9), which left two rules on
// one cell. Everything here is plain strings in schema order (ECMA-376 Part 1, §18.3).
import type { CellValue, DataValidationSpec, Rect } from "../../shared/sheet/types";
import { isFormula } from "../../shared/sheet/types";
import { toFileFormula } from "../../shared/sheet/formula-text";
import { absoluteRef, cellA1, columnLetters, quoteSheet, rectA1 } from "../../shared/sheet/a1";

/** Characters XML 1.0 cannot hold, and "_xHHHH_" sequences a reader would decode: ST_Xstring's escape. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

/** Text for an element's content or an attribute value (quotes escaped too). */
export function xmlText(text: string): string {
  let out = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  if (NEEDS_ESCAPE.test(out)) {
    NEEDS_ESCAPE.lastIndex = 0;
    out = out.replace(NEEDS_ESCAPE, (ch) => (ch === "_" ? "_x005F_" : `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`));
  }
  NEEDS_ESCAPE.lastIndex = 0;
  return out;
}

/** The workbook's shared strings, each text stored once. */
export class SharedStrings {
  private readonly indexByText = new Map<string, number>();
  private readonly texts: string[] = [];
  private uses = 0;

  index(text: string): number {
    this.uses++;
    let i = this.indexByText.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.indexByText.set(text, i);
      this.texts.push(text);
    }
    return i;
  }

  get size(): number {
    return this.texts.length;
  }

  xml(): string {
    const items = this.texts.map((text) => {
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
      return `<si><t${space}>${xmlText(text)}</t></si>`;
    });
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.texts.length}">${items.join("")}</sst>`
    );
  }
}

/** What the writer knows of one cell position: its value and the index of its style (cellXfs). */
export interface CellSource {
  height: number;
  width: number;
  value(row: number, col: number): CellValue;
  /** The style index of the cell, or -1 for a cell not written at all (blank and unstyled). */
  styleIndex(row: number, col: number): number;
  rowHeight(row: number): number | undefined;
}

const encoder = new TextEncoder();

/**
 * `<sheetData>` as UTF-8 chunks: one `<row>` per row holding a written cell or a height. Each row is
 * joined flat and a few hundred rows at a time encoded, so a million cells never sit in memory as
 * one UTF-16 string built by concatenation (tens of millions of string fragments).
 */
export function sheetDataXml(source: CellSource, strings: SharedStrings): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let pending: string[] = ["<sheetData>"];
  const letters: string[] = [];
  for (let c = 0; c < source.width; c++) letters.push(columnLetters(c));
  const cells: string[] = [];
  for (let r = 0; r < source.height; r++) {
    cells.length = 0;
    for (let c = 0; c < source.width; c++) {
      const s = source.styleIndex(r, c);
      if (s < 0) continue;
      cells.push(cellXml(`${letters[c]}${r + 1}`, s, source.value(r, c), strings));
    }
    const height = source.rowHeight(r);
    if (cells.length === 0 && height === undefined) continue;
    const ht = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    pending.push(cells.length === 0 ? `<row r="${r + 1}"${ht}/>` : `<row r="${r + 1}"${ht}>${cells.join("")}</row>`);
    if (pending.length >= 512) {
      chunks.push(encoder.encode(pending.join("")));
      pending = [];
    }
  }
  pending.push("</sheetData>");
  chunks.push(encoder.encode(pending.join("")));
  return chunks;
}

/** The chunks as one array. */
export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  let size = 0;
  for (const chunk of chunks) size += chunk.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function cellXml(ref: string, s: number, value: CellValue, strings: SharedStrings): string {
  const style = s > 0 ? ` s="${s}"` : "";
  if (value === null || value === undefined) return `<c r="${ref}"${style}/>`;
  if (isFormula(value)) return `<c r="${ref}"${style}><f>${xmlText(toFileFormula(value.formula).replace(/^=/, ""))}</f></c>`;
  if (typeof value === "number") {
    // A NaN or an infinity has no place in a cell: written as blank rather than as a broken file.
    if (!Number.isFinite(value)) return `<c r="${ref}"${style}/>`;
    return `<c r="${ref}"${style}><v>${value}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="s"><v>${strings.index(value)}</v></c>`;
}

/** `<dimension>` of the used range. */
export function dimensionXml(height: number, width: number): string {
  if (height === 0 || width === 0) return `<dimension ref="A1"/>`;
  return `<dimension ref="A1:${cellA1(height - 1, width - 1)}"/>`;
}

/** `<dataValidations>`, one rule per spec, each on exactly its rectangle. */
export function dataValidationsXml(specs: DataValidationSpec[]): string {
  if (specs.length === 0) return "";
  const rules = specs.map((spec) => {
    const rule = spec.rule;
    const attrs: string[] = [];
    let formulas: (string | number)[] = [];
    if (rule.kind === "list") {
      attrs.push(`type="list"`);
      formulas = [absoluteRef(rule.sourceSheet, rule.source)];
    } else {
      attrs.push(`type="${rule.kind}"`);
      const { min, max } = rule;
      if (min !== undefined && max !== undefined) {
        attrs.push(`operator="between"`);
        formulas = [min, max];
      } else if (max !== undefined) {
        attrs.push(`operator="lessThanOrEqual"`);
        formulas = [max];
      } else {
        attrs.push(`operator="greaterThanOrEqual"`);
        formulas = [min ?? -1e15];
      }
    }
    attrs.push(`errorStyle="${spec.strict ? "stop" : "warning"}"`);
    if (spec.allowBlank) attrs.push(`allowBlank="1"`);
    if (spec.prompt) attrs.push(`showInputMessage="1"`);
    attrs.push(`showErrorMessage="1"`);
    if (spec.error) attrs.push(`errorTitle="${xmlText(spec.error.title)}"`, `error="${xmlText(spec.error.message)}"`);
    if (spec.prompt) attrs.push(`promptTitle="${xmlText(spec.prompt.title)}"`, `prompt="${xmlText(spec.prompt.message)}"`);
    attrs.push(`sqref="${rectA1(spec.range)}"`);
    const body = formulas.map((f, i) => `<formula${i + 1}>${xmlText(String(f))}</formula${i + 1}>`).join("");
    return `<dataValidation ${attrs.join(" ")}>${body}</dataValidation>`;
  });
  return `<dataValidations count="${rules.length}">${rules.join("")}</dataValidations>`;
}

/** `<autoFilter>` over the rectangle (header row first). */
export function autoFilterXml(range: Rect): string {
  return `<autoFilter ref="${rectA1(range)}"/>`;
}

/** A name of the workbook: `localSheetId` scopes it to a sheet (print area, print titles, filter). */
export interface WorkbookName {
  name: string;
  ref: string;
  localSheetId?: number;
  hidden?: boolean;
}

/** `'Sheet'!$A$1:$I$47`: the fully absolute reference a print area or a name needs. */
export function absoluteRange(sheet: string, range: Rect): string {
  return absoluteRef(sheet, range);
}

/** `'Sheet'!$8:$9`: whole rows, for the print titles. */
export function absoluteRows(sheet: string, first: number, last: number): string {
  return `${quoteSheet(sheet)}!$${first + 1}:$${last + 1}`;
}

export function definedNamesXml(names: WorkbookName[]): string {
  if (names.length === 0) return "";
  const items = names.map((n) => {
    const scope = n.localSheetId === undefined ? "" : ` localSheetId="${n.localSheetId}"`;
    const hidden = n.hidden ? ` hidden="1"` : "";
    return `<definedName name="${xmlText(n.name)}"${scope}${hidden}>${xmlText(n.ref)}</definedName>`;
  });
  return `<definedNames>${items.join("")}</definedNames>`;
}

/** A table part (§18.5): its column names are the header cells' texts. */
export function tableXml(id: number, name: string, range: Rect, headers: string[]): string {
  const ref = rectA1(range);
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlText(h)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
