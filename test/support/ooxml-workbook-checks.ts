// What an XSD cannot say about a workbook, and Excel checks on open (a breach is its "We found a
// problem with some content… Do you want us to try to recover?"): indices into the style sheet
// and the shared strings in range; rows and cells in order; sheet names legal and distinct;
// defined names legal, distinct per scope, on existing sheets, print areas fully absolute; no two
// data-validation rules, merges or tables on one cell; tables whose column names are their
// header cells. Works on the parts after markup-compatibility processing.
import { posix } from "node:path";
import type { OoxmlProblem } from "./ooxml-validate";

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "A1:B2", "$A$1:$B$2", "A:A", "1:3" → a rectangle (0-based, inclusive); null if not a reference. */
export function parseRef(ref: string): Rect | null {
  const cell = /^\$?([A-Z]{1,3})?\$?(\d+)?$/;
  const [a, b = a] = ref.split(":");
  const m1 = cell.exec(a);
  const m2 = cell.exec(b);
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) return null;
  const r1 = m1[2] ? Number(m1[2]) - 1 : 0;
  const r2 = m2[2] ? Number(m2[2]) - 1 : 1_048_575;
  const c1 = m1[1] ? columnIndex(m1[1]) : 0;
  const c2 = m2[1] ? columnIndex(m2[1]) : 16_383;
  if (r1 < 0 || r2 > 1_048_575 || c1 < 0 || c2 > 16_383 || r1 > r2 || c1 > c2) return null;
  return { r1, c1, r2, c2 };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

const attributePatterns = new Map<string, RegExp>();
/** One attribute's value; the patterns are kept, as a national sheet asks this a million times. */
function attr(text: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return pattern.exec(text)?.[1];
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
}

/** Count of the children `item` inside `<list>…</list>` (0 when the list is absent). */
function countIn(xml: string, list: string, item: string): number {
  const body = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(xml)?.[1] ?? "";
  return (body.match(new RegExp(`<${item}\\b`, "g")) ?? []).length;
}

const BUILT_IN_NUMBER_FORMATS = 164;
const CELL_REFERENCE_LIKE = /^[A-Za-z]{1,3}\d+$|^[Rr]\d*[Cc]\d*$|^[Rr]$|^[Cc]$/;

export function sheetNameProblems(name: string): string[] {
  const out: string[] = [];
  if (name.length === 0) out.push("sheet name is empty");
  if (name.length > 31) out.push(`sheet name "${name}" is longer than 31 characters`);
  if (/[[\]:*?/\\]/.test(name)) out.push(`sheet name "${name}" holds one of [ ] : * ? / \\`);
  if (/^'|'$/.test(name)) out.push(`sheet name "${name}" starts or ends with an apostrophe`);
  if (name.toLowerCase() === "history") out.push(`sheet name "${name}" is reserved by Excel`);
  return out;
}

export function workbookProblems(parts: Map<string, string>): OoxmlProblem[] {
  const problems: OoxmlProblem[] = [];
  const add = (part: string, message: string) => problems.push({ part, message });
  const workbook = parts.get("xl/workbook.xml") ?? "";
  const rels = parts.get("xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const target = attr(m[1], "Target") ?? "";
    targets.set(attr(m[1], "Id") ?? "", target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join("xl", target)));
  }

  // Sheets: legal, distinct names.
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => ({
    name: decode(attr(m[1], "name") ?? ""),
    part: targets.get(attr(m[1], "r:id") ?? "") ?? "",
  }));
  const seenSheets = new Set<string>();
  for (const sheet of sheets) {
    for (const p of sheetNameProblems(sheet.name)) add("xl/workbook.xml", p);
    if (seenSheets.has(sheet.name.toLowerCase())) add("xl/workbook.xml", `two sheets named "${sheet.name}"`);
    seenSheets.add(sheet.name.toLowerCase());
  }
  const sheetNames = new Set(sheets.map((s) => s.name.toLowerCase()));

  // Style sheet and shared strings: the sizes indices must stay under.
  const styles = parts.get("xl/styles.xml") ?? "";
  const xfCount = countIn(styles, "cellXfs", "xf");
  const dxfCount = countIn(styles, "dxfs", "dxf");
  const fonts = countIn(styles, "fonts", "font");
  const fills = countIn(styles, "fills", "fill");
  const borders = countIn(styles, "borders", "border");
  const styleXfs = countIn(styles, "cellStyleXfs", "xf");
  const numFmts = new Set([...styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  [...cellXfs.matchAll(/<xf\b([^>]*?)\/?>/g)].forEach((m, i) => {
    const check = (name: string, limit: number) => {
      const v = attr(m[1], name);
      if (v !== undefined && Number(v) >= limit) add("xl/styles.xml", `cellXfs xf ${i}: ${name}=${v}, but there are only ${limit}`);
    };
    check("fontId", fonts);
    check("fillId", fills);
    check("borderId", borders);
    check("xfId", styleXfs);
    const fmt = Number(attr(m[1], "numFmtId") ?? 0);
    if (fmt >= BUILT_IN_NUMBER_FORMATS && !numFmts.has(fmt)) add("xl/styles.xml", `cellXfs xf ${i}: numFmtId ${fmt} is neither built in nor defined`);
  });
  const strings = parts.get("xl/sharedStrings.xml");
  const stringTexts = strings
    ? [...strings.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => decode([...(m[1] ?? "").matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)].map((t) => t[1] ?? "").join("")))
    : [];

  // Defined names.
  const names = [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => ({ name: decode(attr(m[1], "name") ?? ""), scope: attr(m[1], "localSheetId"), ref: decode(m[2]) }));
  const seenNames = new Set<string>();
  for (const { name, scope, ref } of names) {
    const key = `${scope ?? ""}\u0000${name.toLowerCase()}`;
    if (seenNames.has(key)) add("xl/workbook.xml", `defined name "${name}" twice in one scope`);
    seenNames.add(key);
    if (!name.startsWith("_xlnm.") && (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || CELL_REFERENCE_LIKE.test(name))) add("xl/workbook.xml", `defined name "${name}" is not a legal name`);
    if (scope !== undefined && Number(scope) >= sheets.length) add("xl/workbook.xml", `defined name "${name}": localSheetId ${scope}, but there are ${sheets.length} sheets`);
    for (const piece of ref.split(",")) {
      const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(piece.trim());
      if (!m) {
        if (name.startsWith("_xlnm.")) add("xl/workbook.xml", `defined name "${name}": "${piece}" is not a sheet reference`);
        continue;
      }
      const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
      if (!sheetNames.has(sheet.toLowerCase())) add("xl/workbook.xml", `defined name "${name}" refers to sheet "${sheet}", which does not exist`);
      if (!parseRef(m[3].replace(/\$/g, ""))) add("xl/workbook.xml", `defined name "${name}": "${m[3]}" is not a valid range`);
      if (/^_xlnm\.(Print_Area|Print_Titles|_FilterDatabase)$/.test(name)) {
        const absolute = m[3].split(":").every((end) => /^\$[A-Z]{1,3}\$\d+$|^\$\d+$|^\$[A-Z]{1,3}$/.test(end));
        if (!absolute) add("xl/workbook.xml", `defined name "${name}": "${m[3]}" is not fully absolute`);
      }
    }
  }

  // Each worksheet.
  let tableIds = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of sheets) {
    const xml = parts.get(sheet.part);
    if (xml === undefined) continue;
    const where = sheet.part;
    // Rows ascending, cells ascending within their row and on it.
    let lastRow = 0;
    const cellText = new Map<string, string>();
    for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(attr(row[1], "r"));
      if (!(r > lastRow)) add(where, `row ${r} comes after row ${lastRow}`);
      lastRow = r;
      const s = attr(row[1], "s");
      if (s !== undefined && Number(s) >= xfCount) add(where, `row ${r}: style ${s}, but cellXfs has ${xfCount}`);
      let lastCol = -1;
      for (const c of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const ref = attr(c[1], "r") ?? "";
        const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
        if (!m || Number(m[2]) !== r) {
          add(where, `cell "${ref}" is not on row ${r}`);
          continue;
        }
        const col = columnIndex(m[1]);
        if (col <= lastCol) add(where, `cell ${ref} is out of order in row ${r}`);
        lastCol = col;
        const style = attr(c[1], "s");
        if (style !== undefined && Number(style) >= xfCount) add(where, `cell ${ref}: style ${style}, but cellXfs has ${xfCount}`);
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? "")?.[1];
        if (attr(c[1], "t") === "s") {
          const i = Number(v);
          if (!Number.isInteger(i) || i < 0 || i >= stringTexts.length) add(where, `cell ${ref}: shared string ${v}, but there are ${stringTexts.length}`);
          else cellText.set(ref, stringTexts[i]);
        } else if (attr(c[1], "t") === "str" || attr(c[1], "t") === "inlineStr") {
          cellText.set(ref, decode(v ?? /<t\b[^>]*>([\s\S]*?)<\/t>/.exec(c[2] ?? "")?.[1] ?? ""));
        }
      }
    }
    for (const col of xml.matchAll(/<col\b([^>]*?)\/?>/g)) {
      const s = attr(col[1], "style");
      if (s !== undefined && Number(s) >= xfCount) add(where, `column style ${s}, but cellXfs has ${xfCount}`);
    }
    for (const rule of xml.matchAll(/<cfRule\b([^>]*?)(?:\/>|>)/g)) {
      const d = attr(rule[1], "dxfId");
      if (d !== undefined && Number(d) >= dxfCount) add(where, `conditional format: dxfId ${d}, but dxfs has ${dxfCount}`);
    }
    // No cell under two validation rules, two merges or two tables.
    const claim = (what: string, rects: { rect: Rect; label: string }[]) => {
      for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++)
          if (overlaps(rects[i].rect, rects[j].rect)) add(where, `two ${what} on one cell: ${rects[i].label} and ${rects[j].label}`);
    };
    const rectsOf = (pattern: RegExp, attrName: string, what: string) => {
      const out: { rect: Rect; label: string; owner: number }[] = [];
      [...xml.matchAll(pattern)].forEach((m, owner) => {
        for (const ref of (attr(m[1], attrName) ?? "").split(/\s+/).filter(Boolean)) {
          const rect = parseRef(ref);
          if (!rect) add(where, `${what}: "${ref}" is not a valid range`);
          else out.push({ rect, label: ref, owner });
        }
      });
      return out;
    };
    // One rule's own pieces never collide with each other; compare different rules.
    const validations = rectsOf(/<dataValidation\b([^>]*)>/g, "sqref", "data validation");
    for (let a = 0; a < validations.length; a++)
      for (let b = a + 1; b < validations.length; b++)
        if (validations[a].owner !== validations[b].owner && overlaps(validations[a].rect, validations[b].rect))
          add(where, `two data-validation rules on one cell: sqref ${validations[a].label} and ${validations[b].label}`);
    rectsOf(/<conditionalFormatting\b([^>]*)>/g, "sqref", "conditional format");
    const merges = rectsOf(/<mergeCell\b([^>]*?)\/?>/g, "ref", "merge");
    claim("merges", merges);

    // Tables of this sheet.
    const sheetRels = parts.get(sheet.part.replace(/([^/]+)$/, "_rels/$1.rels")) ?? "";
    const relTargets = new Map<string, string>();
    for (const m of sheetRels.matchAll(/<Relationship\b([^>]*)\/?>/g)) relTargets.set(attr(m[1], "Id") ?? "", posix.normalize(posix.join(posix.dirname(sheet.part), attr(m[1], "Target") ?? "")));
    const tables: { rect: Rect; label: string }[] = [];
    for (const m of xml.matchAll(/<tablePart\b([^>]*?)\/?>/g)) {
      const part = relTargets.get(attr(m[1], "r:id") ?? "");
      const table = part ? parts.get(part) : undefined;
      if (!part || table === undefined) {
        add(where, `tablePart ${attr(m[1], "r:id")} points at no table part`);
        continue;
      }
      const head = /<table\b([^>]*)>/.exec(table)?.[1] ?? "";
      const id = attr(head, "id") ?? "";
      const name = attr(head, "name") ?? "";
      const ref = attr(head, "ref") ?? "";
      if (tableIds.has(id)) add(part, `table id ${id} used twice in the workbook`);
      tableIds = new Set([...tableIds, id]);
      if (tableNames.has(name.toLowerCase()) || seenNames.has(`\u0000${name.toLowerCase()}`)) add(part, `table name "${name}" is already a table or defined name`);
      tableNames.add(name.toLowerCase());
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || CELL_REFERENCE_LIKE.test(name)) add(part, `table name "${name}" is not a legal name`);
      const rect = parseRef(ref);
      if (!rect) {
        add(part, `table ref "${ref}" is not a valid range`);
        continue;
      }
      if (rect.r2 === rect.r1) add(part, `table ${name} has a header row and no data row`);
      tables.push({ rect, label: `table ${name} (${ref})` });
      const columns = [...table.matchAll(/<tableColumn\b([^>]*?)(?:\/>|>)/g)].map((c) => decode(attr(c[1], "name") ?? ""));
      if (columns.length !== rect.c2 - rect.c1 + 1) add(part, `table ${name}: ${columns.length} columns for a ${rect.c2 - rect.c1 + 1}-column range`);
      if (new Set(columns.map((c) => c.toLowerCase())).size !== columns.length) add(part, `table ${name}: two columns with one name`);
      columns.forEach((column, i) => {
        const ref = `${letters(rect.c1 + i)}${rect.r1 + 1}`;
        if ((cellText.get(ref) ?? "") !== column) add(part, `table ${name}: column "${column}" but its header cell ${ref} holds "${cellText.get(ref) ?? ""}"`);
      });
      for (const merge of merges) if (overlaps(merge.rect, rect)) add(where, `merge ${merge.label} inside table ${name}`);
      const filter = /<autoFilter\b([^>]*?)\/?>/.exec(xml)?.[1];
      const filterRect = filter ? parseRef(attr(filter, "ref") ?? "") : null;
      if (filterRect && overlaps(filterRect, rect)) add(where, `the sheet's filter overlaps table ${name}`);
    }
    claim("tables", tables);
  }
  return problems;
}

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
