// Embedded charts in the Apps Script fake (added by H-G for issue 17, announced in coord/NOTES.md):
// sheet.newChart() → a builder (asBarChart / asColumnChart, addRange, setPosition, setOption,
// setTransposeRowsAndColumns, build), sheet.insertChart / getCharts / removeChart. Strict where
// Sheets is: a range from another sheet or spreadsheet, a position outside the sheet, a chart built
// without data, inserting the same chart twice or removing one the sheet does not hold all throw.
import { untracked } from "./calls";
import type { FakeRange, FakeSheet } from "./spreadsheet";

export interface ChartRangeRef {
  sheet: string;
  a1: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

let nextChartId = 1;

export class FakeEmbeddedChart {
  readonly id = nextChartId++;
  constructor(
    readonly sheetName: string,
    readonly type: string,
    readonly ranges: ChartRangeRef[],
    readonly position: { row: number; col: number },
    readonly options: Map<string, unknown>,
    readonly transposed: boolean,
  ) {}
  getChartId(): number {
    return this.id;
  }
  getOptions(): { get: (name: string) => unknown } {
    return { get: (name: string) => this.options.get(name) ?? null };
  }
  getRanges(): ChartRangeRef[] {
    return this.ranges.slice();
  }
}

export class FakeEmbeddedChartBuilder {
  private type = "LINE";
  private readonly ranges: ChartRangeRef[] = [];
  private position: { row: number; col: number } | null = null;
  private readonly options = new Map<string, unknown>();
  private transposed = false;

  constructor(private readonly sheet: FakeSheet) {}

  asBarChart(): this {
    this.type = "BAR";
    return this;
  }
  asColumnChart(): this {
    this.type = "COLUMN";
    return this;
  }
  addRange(range: unknown): this {
    const target = untracked(range) as FakeRange;
    if (!target || typeof target.getA1Notation !== "function") throw new Error("Exception: addRange needs a Range");
    if (target.sheet.book !== this.sheet.book) throw new Error("Exception: The range is in another spreadsheet.");
    this.ranges.push({ sheet: target.sheet.name, a1: target.getA1Notation(), ...target.rect });
    return this;
  }
  setPosition(anchorRow: number, anchorCol: number, offsetX: number, offsetY: number): this {
    for (const v of [anchorRow, anchorCol, offsetX, offsetY]) if (!Number.isInteger(v)) throw new Error("Exception: setPosition needs integers");
    if (anchorRow < 1 || anchorCol < 1 || anchorRow > this.sheet.maxRows || anchorCol > this.sheet.maxCols) throw new Error("Exception: The coordinates are outside the dimensions of the sheet.");
    this.position = { row: anchorRow, col: anchorCol };
    return this;
  }
  setOption(name: string, value: unknown): this {
    this.options.set(name, value);
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.transposed = transpose;
    return this;
  }
  build(): FakeEmbeddedChart {
    if (this.ranges.length === 0) throw new Error("Exception: The chart has no data.");
    return new FakeEmbeddedChart(this.sheet.name, this.type, this.ranges.slice(), this.position ?? { row: 1, col: 1 }, new Map(this.options), this.transposed);
  }
}

/** The sheet's side of it: what FakeSheet's newChart / insertChart / getCharts / removeChart do. */
export class FakeSheetCharts {
  readonly charts: FakeEmbeddedChart[] = [];
  constructor(private readonly sheet: FakeSheet) {}
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.sheet);
  }
  insert(chart: FakeEmbeddedChart): void {
    if (!(chart instanceof FakeEmbeddedChart)) throw new Error("Exception: insertChart needs a built chart");
    if (this.charts.includes(chart)) throw new Error("Exception: The chart is already on the sheet.");
    this.charts.push(chart);
  }
  remove(chart: FakeEmbeddedChart): void {
    const at = this.charts.indexOf(chart);
    if (at < 0) throw new Error("Exception: The chart is not on this sheet.");
    this.charts.splice(at, 1);
  }
}
