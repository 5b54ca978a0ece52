// Helpers for the .xlsx command tests: run the CLI in-process in a temp folder, and act like a
// user on a workbook (fill actuals, sort, insert a row, move a column) with ExcelJS.
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../cli/main";
import { readXlsxBytes, type Grid, type GridValue } from "../../xlsx-reader/read";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { cwd, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const SHEET = "Chỉ tiêu";

/** Row and column indexes (0-based) of the table in a grid: by header text, as a person reads it. */
export function tableOf(grid: Grid): { headerRow: number; col: (begins: string) => number; rowOf: (code: string) => number } {
  const headerRow = grid.findIndex((row) => row?.[0] === "STT" || row?.includes("Mã"));
  const header = grid[headerRow] as GridValue[];
  const col = (begins: string) => header.findIndex((cell) => typeof cell === "string" && cell.startsWith(begins));
  const codeCol = col("Mã");
  const rowOf = (code: string) => grid.findIndex((row, r) => r > headerRow && row?.[codeCol] === code);
  return { headerRow, col, rowOf };
}

/** Types values into the actual column of a workbook file, like a clerk in Excel: by code. */
export async function fillActuals(path: string, values: Record<string, unknown>, column = "Thực hiện năm 2025"): Promise<void> {
  const grid = readXlsxBytes(readFileSync(path)).grid(SHEET);
  const table = tableOf(grid);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(SHEET)!;
  const actualCol = table.col(column);
  for (const [code, value] of Object.entries(values)) {
    const row = table.rowOf(code);
    if (row < 0) throw new Error(`no row for ${code}`);
    ws.getCell(row + 1, actualCol + 1).value = value as ExcelJS.CellValue;
  }
  await wb.xlsx.writeFile(path);
}

/**
 * Rewrites a workbook with its indicator sheet's grid transformed (values only, as a user's
 * copy-paste-values would leave it), every other sheet kept with its state.
 */
export async function rewriteSheet(src: string, dst: string, transform: (grid: Grid) => Grid): Promise<void> {
  const book = readXlsxBytes(readFileSync(src));
  const wb = new ExcelJS.Workbook();
  for (const info of book.sheets) {
    const ws = wb.addWorksheet(info.name, { state: info.state });
    const grid = info.name === SHEET ? transform(book.grid(info.name)) : book.grid(info.name);
    grid.forEach((row, r) => row?.forEach((value, c) => {
      if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }));
  }
  writeFileSync(dst, new Uint8Array(await wb.xlsx.writeBuffer()));
}

export function readGrid(path: string, sheet = SHEET): Grid {
  return readXlsxBytes(readFileSync(path)).grid(sheet);
}
