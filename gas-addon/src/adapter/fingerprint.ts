// What the adapter remembers of each sheet it wrote (kept in document properties): the block it
// covered and a hash per property group. When the sheet is still as the add-on left it, a command
// writes only the groups whose hash changed, so re-running a command costs a few calls.
import type { SheetModel } from "../../../shared/sheet/types";
import { isFormula } from "../../../shared/sheet/types";
import { literalFromInput, type Raster } from "./raster";

export interface SheetFingerprint {
  /** The sheet's name when last written or read: a user may rename it (the table anchor follows). */
  sheet?: string;
  /** The block written from A1. */
  rows: number;
  cols: number;
  /** For a sheet of literals only: the hash of its values as read back, to tell it was not edited. */
  readback: string | null;
  groups: Record<string, string>;
}

export type Fingerprints = Record<string, SheetFingerprint>;

/** FNV-1a, 52 bits kept in two halves, over a string fed piece by piece. */
export class Hasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  add(text: string): this {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.h1 = Math.imul(this.h1 ^ c, 16777619) >>> 0;
      this.h2 = Math.imul(this.h2 ^ c, 2246822519) >>> 0;
    }
    this.h1 = Math.imul(this.h1 ^ 0x1f, 16777619) >>> 0;
    return this;
  }
  digest(): string {
    return this.h1.toString(36) + "." + (this.h2 & 0xfffff).toString(36);
  }
}

export function hashOf(value: unknown): string {
  return new Hasher().add(JSON.stringify(value) ?? "undefined").digest();
}

export function hashGrid(grid: readonly (readonly unknown[])[], rows: number, cols: number, cell: (v: unknown) => string = tagged): string {
  const h = new Hasher();
  for (let r = 0; r < rows; r++) {
    const line = grid[r];
    for (let c = 0; c < cols; c++) h.add(cell(line ? line[c] : ""));
    h.add("\n");
  }
  return h.digest();
}

/** A cell value as getValues gives it, tagged by type ("" blank). */
export function tagged(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return `n${v}`;
  if (typeof v === "boolean") return `b${v}`;
  if (Object.prototype.toString.call(v) === "[object Date]") return `d${(v as Date).getTime()}`;
  return `s${String(v)}`;
}

/** Whether every cell of the model is a literal and none is for the user to type in. */
export function isLiteralOnly(model: SheetModel): boolean {
  return model.editable.length === 0 && model.cells.every((row) => row.every((v) => v === null || !isFormula(v)));
}

/** The hash of what getValues will return right after the raster's values are written. */
export function readbackOf(raster: Raster): string {
  return hashGrid(raster.values, raster.rows, raster.cols, (v) => tagged(literalFromInput(v as string | number | boolean)));
}
