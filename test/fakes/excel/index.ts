// Entry of the strict Excel fake: a workbook state, a request context over it, and `run`, the
// stand-in for `Excel.run` that the task pane's host layer calls.
import { FakeRequestContext, type FakeOptions } from "./fake-excel";
import { FakeWorkbookState } from "./state";

export { FakeRequestContext, FakeStrictError, PAYLOAD_LIMIT } from "./fake-excel";
export { FakeWorkbookState, parseAddress, rectAddress, columnLetters, cellKey } from "./state";
export type { CellState, SheetState, Rect as FakeRect } from "./state";

export interface FakeExcelHost {
  state: FakeWorkbookState;
  /** Every context created by `run`, in order (each one's `syncs` is the record of one command). */
  contexts: FakeRequestContext[];
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A context for a test that drives an adapter function directly. */
  newContext(): Excel.RequestContext & FakeRequestContext;
  supports(version: number): boolean;
}

export function createFakeExcel(options: FakeOptions = {}, state = new FakeWorkbookState()): FakeExcelHost {
  const contexts: FakeRequestContext[] = [];
  const newContext = () => {
    const ctx = new FakeRequestContext(state, options);
    contexts.push(ctx);
    return ctx as unknown as Excel.RequestContext & FakeRequestContext;
  };
  if (state.sheets.length === 0) state.addSheet("Sheet1");
  return {
    state,
    contexts,
    newContext,
    supports: (version) => (options.excelApi ?? 1.9) >= version - 1e-9,
    async run(batch) {
      const ctx = newContext();
      const result = await batch(ctx);
      // Excel.run syncs what is left; a command that leaves work queued has a bug the fake shows.
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };
}
