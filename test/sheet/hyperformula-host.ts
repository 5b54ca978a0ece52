// A test host: loads a WorkbookModel into HyperFormula (GPL-3.0, a dev dependency used by tests
// only, never bundled) the way Excel would hold it, so formulas can be evaluated and compared.
import { HyperFormula, type RawCellContent } from "hyperformula";
import { isFormula, type CellValue, type LiteralValue, type WorkbookModel } from "../../shared/sheet/types";
import { nameReference } from "../../shared/sheet/fill-in";

/** A literal as HyperFormula must be given it: text is prefixed with ' so it never parses as a number or formula. */
export function hfContent(value: CellValue): RawCellContent {
  if (isFormula(value)) return value.formula;
  if (typeof value === "string") return `'${value}`;
  return value;
}

export interface LoadedWorkbook {
  hf: HyperFormula;
  sheetId(name: string): number;
  /** Writes what a user types: a number, a boolean, text (kept as text) or a blank. */
  type(sheet: string, row: number, col: number, value: LiteralValue): void;
  value(sheet: string, row: number, col: number): unknown;
}

export function loadWorkbook(model: WorkbookModel): LoadedWorkbook {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of model.sheets) sheets[sheet.name] = sheet.cells.map((row) => row.map(hfContent));
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    // Spreadsheet comparisons: case-insensitive, accent-sensitive, no epsilon fudging beyond IEEE doubles.
    caseSensitive: false,
    accentSensitive: true,
    smartRounding: false,
    precisionEpsilon: 0,
    useWildcards: true,
    useRegularExpressions: false,
  });
  for (const sheet of model.sheets) for (const name of sheet.names) hf.addNamedExpression(name.name, `=${nameReference(name)}`);
  const sheetId = (name: string): number => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  return {
    hf,
    sheetId,
    type(sheet, row, col, value) {
      hf.setCellContents({ sheet: sheetId(sheet), row, col }, [[hfContent(value)]]);
    },
    value(sheet, row, col) {
      return hf.getCellValue({ sheet: sheetId(sheet), row, col });
    },
  };
}
