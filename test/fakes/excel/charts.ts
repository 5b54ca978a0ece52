// Charts in the strict Excel fake (added by H-G for issue 17, announced in coord/NOTES.md): the
// part of Excel's chart API the add-in uses (worksheet.charts: add, load("items/name"), delete;
// a chart's name, title, legend, axes, setPosition; series.setValues / setXAxisValues (ExcelApi
// 1.7), name, data labels, points' fill; charts.getItemOrNullObject, added by H-D for the one-request replace). Like the rest of the fake, every call is queued and
// applied at sync; it refuses what Excel refuses: a series source that is not one row or column,
// a point past the end of the series, reading items before they are loaded and synced, the 1.7
// methods on an older host.
import type { FakeRequestContext, FakeRange } from "./fake-excel";
import type { Rect, SheetState } from "./state";

export interface ChartRangeRef {
  sheet: string;
  rect: Rect;
}

export interface ChartSeriesState {
  name: string | null;
  values: ChartRangeRef | null;
  xValues: ChartRangeRef | null;
  hasDataLabels: boolean;
  dataLabelFormat: string | null;
  pointFills: Map<number, string>;
}

export interface ChartState {
  name: string;
  type: string;
  seriesBy: string;
  source: ChartRangeRef;
  title: string | null;
  legendVisible: boolean;
  valueAxis: { minimum: number | null; maximum: number | null; majorUnit: number | null };
  categoryAxis: { reversePlotOrder: boolean };
  position: { from: string; to: string } | null;
  series: ChartSeriesState[];
  deleted: boolean;
}

const chartsBySheet = new WeakMap<SheetState, ChartState[]>();

/** The charts on a sheet of the fake's state (what a test inspects). */
export function chartsOf(sheet: SheetState): ChartState[] {
  let list = chartsBySheet.get(sheet);
  if (!list) chartsBySheet.set(sheet, (list = []));
  return list;
}

class StrictError extends Error {
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "FakeStrictError";
  }
}

function refOf(range: FakeRange): ChartRangeRef {
  return { sheet: range.sheetOf().name, rect: range.rect() };
}

function oneLine(what: string, range: FakeRange): ChartRangeRef {
  const ref = refOf(range);
  if (ref.rect.rows !== 1 && ref.rect.cols !== 1) throw new StrictError("InvalidArgument", `${what}: ${ref.rect.rows}×${ref.rect.cols} is not one row or one column`);
  return ref;
}

function pointCount(ref: ChartRangeRef | null): number {
  return ref ? ref.rect.rows * ref.rect.cols : 0;
}

export class FakeChartCollection {
  private loadedItems: { ready: boolean; items: FakeChart[] } | null = null;

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheetOf: () => SheetState,
  ) {}

  add(type: string, source: FakeRange, seriesBy: string = "Auto"): FakeChart {
    const holder: { state: ChartState | null } = { state: null };
    this.ctx.enqueue("charts.add", { type, seriesBy }, () => {
      const ref = refOf(source);
      const state: ChartState = {
        name: `Chart ${chartsOf(this.sheetOf()).length + 1}`,
        type,
        seriesBy,
        source: ref,
        title: null,
        legendVisible: true,
        valueAxis: { minimum: null, maximum: null, majorUnit: null },
        categoryAxis: { reversePlotOrder: false },
        position: null,
        series: [{ name: null, values: ref, xValues: null, hasDataLabels: false, dataLabelFormat: null, pointFills: new Map() }],
        deleted: false,
      };
      chartsOf(this.sheetOf()).push(state);
      holder.state = state;
    });
    return new FakeChart(this.ctx, () => {
      if (!holder.state) throw new StrictError("InvalidObjectPath", "the chart does not exist yet");
      return holder.state;
    });
  }

  /**
   * The chart of that name, or a null object (also when the sheet itself is a null object, as a
   * chained *OrNullObject is in Excel): `isNullObject` is read after the sync; a null chart's methods fail at the sync.
   */
  getItemOrNullObject(name: string): FakeChart {
    const found: { ready: boolean; state: ChartState | null } = { ready: false, state: null };
    this.ctx.enqueue("charts.getItemOrNullObject", name, () => {
      let sheet: SheetState | null = null;
      try {
        sheet = this.sheetOf();
      } catch {
        sheet = null;
      }
      found.state = sheet ? (chartsOf(sheet).find((c) => !c.deleted && c.name.toLowerCase() === name.toLowerCase()) ?? null) : null;
      found.ready = true;
    });
    const chart = new FakeChart(this.ctx, () => {
      if (!found.state) throw new StrictError("ItemNotFound", `no chart "${name}" (a null object)`);
      return found.state;
    });
    chart.nullState = found;
    return chart;
  }

  load(spec: string): this {
    if (spec !== "items/name" && spec !== "items") throw new StrictError("NotImplemented", `ChartCollection.load("${spec}")`);
    const entry = { ready: false, items: [] as FakeChart[] };
    this.loadedItems = entry;
    this.ctx.enqueue("load", undefined, () => {
      entry.items = chartsOf(this.sheetOf())
        .filter((c) => !c.deleted)
        .map((state) => new FakeChart(this.ctx, () => state, true));
      entry.ready = true;
    });
    return this;
  }

  get items(): FakeChart[] {
    if (!this.loadedItems) throw new StrictError("PropertyNotLoaded", "ChartCollection.items read without load");
    if (!this.loadedItems.ready) throw new StrictError("PropertyNotSynced", "ChartCollection.items read before context.sync()");
    return this.loadedItems.items;
  }
}

export class FakeChart {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly axes: { valueAxis: { minimum: number; maximum: number; majorUnit: number }; categoryAxis: { reversePlotOrder: boolean } };
  readonly series: { getItemAt: (index: number) => FakeChartSeries };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: () => ChartState,
    private readonly nameLoaded = false,
  ) {
    const set = (kind: string, value: unknown, apply: (s: ChartState) => void) => ctx.enqueue(kind, value, () => apply(state()));
    this.title = {
      set text(value: string) {
        set("chart.title", value, (s) => (s.title = value));
      },
      get text(): string {
        throw new StrictError("PropertyNotLoaded", "Chart.title.text read without load");
      },
    };
    this.legend = {
      set visible(value: boolean) {
        set("chart.legend", value, (s) => (s.legendVisible = value));
      },
      get visible(): boolean {
        throw new StrictError("PropertyNotLoaded", "Chart.legend.visible read without load");
      },
    };
    const needs17 = (what: string) => {
      if (!ctx.supports(1.7)) throw new StrictError("ApiNotFound", `${what} needs ExcelApi 1.7`);
    };
    const axis = (field: "minimum" | "maximum" | "majorUnit") => ({
      set: (value: number) => set(`chart.axis.${field}`, value, (s) => (s.valueAxis[field] = value)),
      get: (): number => {
        throw new StrictError("PropertyNotLoaded", `ChartAxis.${field} read without load`);
      },
    });
    const valueAxis = {} as { minimum: number; maximum: number; majorUnit: number };
    for (const field of ["minimum", "maximum", "majorUnit"] as const) Object.defineProperty(valueAxis, field, axis(field));
    this.axes = {
      valueAxis,
      categoryAxis: {
        set reversePlotOrder(value: boolean) {
          needs17("ChartAxis.reversePlotOrder");
          set("chart.axis.reverse", value, (s) => (s.categoryAxis.reversePlotOrder = value));
        },
        get reversePlotOrder(): boolean {
          throw new StrictError("PropertyNotLoaded", "ChartAxis.reversePlotOrder read without load");
        },
      },
    };
    this.series = { getItemAt: (index: number) => new FakeChartSeries(ctx, () => seriesAt(state(), index)) };
  }

  /** Set by getItemOrNullObject: whether the chart was found, known after the sync. */
  nullState: { ready: boolean; state: ChartState | null } | null = null;

  get isNullObject(): boolean {
    if (!this.nullState) return false;
    if (!this.nullState.ready) throw new StrictError("PropertyNotSynced", "Chart.isNullObject read before context.sync()");
    return this.nullState.state === null;
  }

  get name(): string {
    if (!this.nameLoaded) throw new StrictError("PropertyNotLoaded", "Chart.name read without load");
    return this.state().name;
  }

  set name(value: string) {
    this.ctx.enqueue("chart.name", value, () => (this.state().name = value));
  }

  setPosition(from: string, to: string): void {
    this.ctx.enqueue("chart.setPosition", { from, to }, () => (this.state().position = { from, to }));
  }

  delete(): void {
    this.ctx.enqueue("chart.delete", undefined, () => (this.state().deleted = true));
  }
}

function seriesAt(state: ChartState, index: number): ChartSeriesState {
  const series = state.series[index];
  if (!series) throw new StrictError("ItemNotFound", `the chart has no series ${index}`);
  return series;
}

export class FakeChartSeries {
  readonly dataLabels: { numberFormat: string };
  readonly points: { getItemAt: (index: number) => { format: { fill: { setSolidColor: (color: string) => void } } } };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly state: () => ChartSeriesState,
  ) {
    this.dataLabels = {
      set numberFormat(value: string) {
        ctx.enqueue("series.dataLabels", value, () => (state().dataLabelFormat = value));
      },
      get numberFormat(): string {
        throw new StrictError("PropertyNotLoaded", "ChartDataLabels.numberFormat read without load");
      },
    };
    this.points = {
      getItemAt: (index: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              ctx.enqueue("point.fill", color, () => {
                const s = state();
                const count = pointCount(s.values);
                if (index < 0 || index >= count) throw new StrictError("ItemNotFound", `point ${index} of a series of ${count}`);
                s.pointFills.set(index, color);
              }),
          },
        },
      }),
    };
  }

  setValues(range: FakeRange): void {
    if (!this.ctx.supports(1.7)) throw new StrictError("ApiNotFound", "ChartSeries.setValues needs ExcelApi 1.7");
    this.ctx.enqueue("series.setValues", undefined, () => (this.state().values = oneLine("ChartSeries.setValues", range)));
  }

  setXAxisValues(range: FakeRange): void {
    if (!this.ctx.supports(1.7)) throw new StrictError("ApiNotFound", "ChartSeries.setXAxisValues needs ExcelApi 1.7");
    this.ctx.enqueue("series.setXAxisValues", undefined, () => {
      const ref = oneLine("ChartSeries.setXAxisValues", range);
      const values = this.state().values;
      if (values && pointCount(values) !== pointCount(ref)) throw new StrictError("InvalidArgument", `${pointCount(ref)} categories for ${pointCount(values)} values`);
      this.state().xValues = ref;
    });
  }

  set name(value: string) {
    this.ctx.enqueue("series.name", value, () => (this.state().name = value));
  }

  set hasDataLabels(value: boolean) {
    this.ctx.enqueue("series.hasDataLabels", value, () => (this.state().hasDataLabels = value));
  }
}
