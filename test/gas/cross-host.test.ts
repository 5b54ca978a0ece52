// One plan, two hosts: the fill-in workbook rendered through the Sheets adapter into the Sheets
// fake (by the bundle's load command) and through the Excel adapter into the Excel fake must give
// the same grid: values, formulas, number formats, conditional rules (formula and colours) and
// editable cells. Excel keeps the workbook names; Sheets defines only the table anchor and writes
// every other name as the cells it stands for (fewer service calls, gas-addon/README.md), so the
// Excel formulas are compared after resolving their names (support.ts, withNamesResolved): the
// same functions, operators and cells on both hosts.
import { findBuiltInPlan } from "../../shared/catalog";
import { defaultSettings } from "../../shared/model";
import { buildFillInWorkbook } from "../../shared/sheet/fill-in";
import { renderWorkbook as renderExcel } from "../../excel-addin/src/adapter/render";
import { unmarkFormula } from "../../gas-addon/src/adapter/conditional-rules";
import { cellKey, createFakeExcel, rectAddress } from "../fakes/excel";
import { a1Of, type FakeSheet } from "../fakes/gas/spreadsheet";
import { buildToTemp, loadRequest, run, sandbox, withNamesResolved, type Built } from "./support";

let built: Built;
beforeAll(async () => {
  built = await buildToTemp();
});

const UNIT = "Phường Đông Hải";
const YEAR = 2025;
const general = (format: string | null | undefined) => (format === null || format === undefined || format === "General" ? "General" : format);
const colour = (c: string | null | undefined) => (c ? c.toLowerCase() : null);


describe.each(["hai-phong-232-2025", "nguyen-luong-bang-2025"])("plan %s", (planId) => {
  it("gives the same grid in Google Sheets and in Excel", async () => {
    const plan = findBuiltInPlan(planId)!;
    const model = buildFillInWorkbook(plan, { unit: UNIT, year: YEAR, estimate: false, settings: defaultSettings(YEAR, { lang: "vi" }), entries: [], lang: "vi" });
    const fillIn = model.sheets.find((s) => s.role === "fill-in")!;
    const names = model.sheets.flatMap((s) => s.names);

    const excel = createFakeExcel();
    await renderExcel(excel.newContext(), model, { existing: new Map(), existingNames: new Set(), pageLayout: true });
    const excelSheet = excel.state.sheet(fillIn.name);

    const box = sandbox(built);
    expect(run(box, "loadPlan", loadRequest(planId, UNIT, YEAR)).ok).toBe(true);
    const gsheet: FakeSheet = box.world.active.sheet(fillIn.name);

    const rows = fillIn.cells.length;
    const cols = Math.max(...fillIn.cells.map((r) => r.length));
    const differences: string[] = [];
    let compared = 0;
    let formulas = 0;
    let editable = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const x = excelSheet.cells.get(cellKey(r, c));
        const g = gsheet.peek(r, c);
        const where = a1Of(r, c);
        const xValue = x?.formula ? null : (x?.value ?? null);
        const xFormula = x?.formula ? withNamesResolved(x.formula, names, fillIn.name) : null;
        if (xFormula !== g.formula) differences.push(`${where} formula: Excel ${x?.formula} (${xFormula}) / Sheets ${g.formula}`);
        if (xValue !== (g.formula ? null : g.value)) differences.push(`${where} value: Excel ${JSON.stringify(xValue)} / Sheets ${JSON.stringify(g.value)}`);
        if (general(x?.numberFormat) !== general(g.numberFormat)) differences.push(`${where} format: Excel ${x?.numberFormat} / Sheets ${g.numberFormat}`);
        const excelEditable = excelSheet.protection.protected ? x?.locked === false : true;
        if (excelEditable !== gsheet.isEditable(r, c)) differences.push(`${where} editable: Excel ${excelEditable} / Sheets ${gsheet.isEditable(r, c)}`);
        compared++;
        if (g.formula) formulas++;
        if (excelEditable) editable++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(excelSheet.protection.protected).toBe(true);
    expect(formulas).toBeGreaterThanOrEqual(plan.indicators.length * 3);
    expect(editable).toBe(fillIn.editable.reduce((n, rect) => n + rect.rows * rect.cols, 0));
    expect(differences.slice(0, 12)).toEqual([]);

    const excelRules = excelSheet.conditionalFormats
      .map((cf) => `${rectAddress(cf.rect)} ${withNamesResolved(cf.formula?.startsWith("=") ? cf.formula : "=" + cf.formula, names, fillIn.name, true)} ${colour(cf.fill)} ${colour(cf.fontColor)}`)
      .sort();
    const sheetsRules = gsheet.rules
      .map((rule) => rule.describe())
      .map((d) => `${d.a1.join(",")} ${unmarkFormula(String(d.values[0]))} ${colour(d.background)} ${colour(d.fontColor)}`)
      .sort();
    // The comparison is not vacuous: Excel's formulas do use the names Sheets resolves.
    expect(excelSheet.conditionalFormats.some((cf) => cf.formula?.includes("ChiTieu_NguongGanDat"))).toBe(true);
    expect([...excelSheet.cells.values()].some((c) => c.formula?.includes("ChiTieu_Ma"))).toBe(true);
    expect(excelRules.length).toBe(fillIn.conditionalRules.length);
    expect(sheetsRules).toEqual(excelRules);
  });
});
