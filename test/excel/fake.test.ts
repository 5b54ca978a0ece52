// The fake is only worth its tests if it refuses what Excel refuses: these pin its strictness.
import { createFakeExcel, PAYLOAD_LIMIT } from "../fakes/excel";

test("a property read before load, or after load but before sync, throws", async () => {
  const fake = createFakeExcel();
  const context = fake.newContext();
  const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
  expect(() => range.values).toThrow(/PropertyNotLoaded/);
  range.load("values");
  expect(() => range.values).toThrow(/PropertyNotSynced/);
  await context.sync();
  expect(range.values).toEqual([
    ["", ""],
    ["", ""],
  ]);
  expect(() => range.formulas).toThrow(/PropertyNotLoaded/);
  const sheet = context.workbook.worksheets.getItemOrNullObject("Không có");
  expect(() => sheet.isNullObject).toThrow(/PropertyNotSynced/);
  await context.sync();
  expect(sheet.isNullObject).toBe(true);
  expect(() => range.load()).toThrow(/LoadEverything/);
});

test("writes apply at sync, in order, and each sync is counted with its size", async () => {
  const fake = createFakeExcel();
  const context = fake.newContext();
  const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
  range.numberFormat = [["@", "0.00"]];
  range.formulas = [["1.234", "=A1"]];
  expect(fake.state.value("Sheet1", "A1")).toBeNull();
  await context.sync();
  expect(fake.state.cell("Sheet1", "A1").value).toBe("1.234"); // text format first: stays text
  expect(fake.state.cell("Sheet1", "B1").formula).toBe("=A1");
  expect(context.syncs).toHaveLength(1);
  expect(context.syncs[0].payloadBytes).toBeGreaterThan(0);
});

test("without a text format or an apostrophe, Excel reads strings: numbers, formulas, booleans", async () => {
  const fake = createFakeExcel();
  const context = fake.newContext();
  context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1").formulas = [["1,234.5", "-x", "TRUE", "'=kept", "95%"]];
  await context.sync();
  expect(fake.state.value("Sheet1", "A1")).toBe(1234.5);
  expect(fake.state.cell("Sheet1", "B1").formula).toBe("=-x");
  expect(fake.state.value("Sheet1", "C1")).toBe(true);
  expect(fake.state.value("Sheet1", "D1")).toBe("=kept");
  expect(fake.state.value("Sheet1", "E1")).toBeCloseTo(0.95);
});

test("a request over 5 MB fails as Excel on the web does", async () => {
  const fake = createFakeExcel();
  const context = fake.newContext();
  const rows = Math.ceil(PAYLOAD_LIMIT / 900);
  const text = "x".repeat(990);
  context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${rows}`).values = Array.from({ length: rows }, () => [text]);
  await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  expect(fake.state.value("Sheet1", "A1")).toBeNull();
});

test("whole-column rules and validations, comma list sources, locked cells of a protected sheet are refused", async () => {
  const fake = createFakeExcel();
  let context = fake.newContext();
  context.workbook.worksheets.getItem("Sheet1").getRange("A:A").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  await expect(context.sync()).rejects.toThrow(/WholeColumnRange/);

  context = fake.newContext();
  context.workbook.worksheets.getItem("Sheet1").getRange("B:B").dataValidation.rule = { decimal: { operator: "GreaterThan" as Excel.DataValidationOperator, formula1: 0 } };
  await expect(context.sync()).rejects.toThrow(/WholeColumnRange/);

  context = fake.newContext();
  context.workbook.worksheets.getItem("Sheet1").getRange("C1:C5").dataValidation.rule = { list: { inCellDropDown: true, source: "Đạt, Không đạt" } };
  await expect(context.sync()).rejects.toThrow(/CommaListSource/);

  context = fake.newContext();
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  sheet.getRange("D1").format.protection.locked = false;
  sheet.protection.protect();
  await context.sync();
  sheet.getRange("D1").values = [[1]];
  await context.sync();
  expect(fake.state.value("Sheet1", "D1")).toBe(1);
  sheet.getRange("E1").values = [[1]];
  await expect(context.sync()).rejects.toThrow(/AccessDenied/);
});

test("a method on a null object fails at sync", async () => {
  const fake = createFakeExcel();
  const context = fake.newContext();
  context.workbook.names.getItemOrNullObject("KhongCo").delete();
  await expect(context.sync()).rejects.toThrow(/InvalidObjectPath/);
});
