// The zip directory reader and the two inflaters behind it: the pure one (task pane) and Node's
// zlib (command line) must read every file, sound or hostile, to the same parts.
import { strToU8, unzipSync, zipSync } from "fflate";
import { CITY_PLAN_ID, findBuiltInPlan } from "../../shared/catalog";
import { fillInWorkbookBytes } from "../../cli/commands/template";
import { exampleEntries } from "../../cli/demo-data";
import { inflateRawNative } from "../../cli/xlsx/open";
import { unzipXlsx, XlsxFileError, type XlsxPackage } from "../../xlsx-reader/package";
import { readXlsxBytes } from "../../xlsx-reader/read";
import { inflateRawPure, readZipEntry, zipEntries, ZipFormatError } from "../../xlsx-reader/zip-entries";
import { zipParts } from "../../cli/xlsx/zip-write";

const everything = () => true;

function bothWays(bytes: Uint8Array, wanted: (name: string) => boolean = everything): { pure: XlsxPackage | string; native: XlsxPackage | string } {
  const attempt = (inflater: typeof inflateRawPure) => {
    try {
      return unzipXlsx(bytes, wanted, undefined, inflater);
    } catch (error) {
      if (error instanceof XlsxFileError) return error.key;
      throw error;
    }
  };
  return { pure: attempt(inflateRawPure), native: attempt(inflateRawNative) };
}

/** Sets the declared inflated size of `name` in its local and central headers. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    const at = signature === 0x02014b50 ? 46 : signature === 0x04034b50 ? 30 : -1;
    if (at < 0) continue;
    const nameLength = view.getUint16(i + (at === 46 ? 28 : 26), true);
    if (nameLength !== nameBytes.length || !nameBytes.every((b, j) => out[i + at + j] === b)) continue;
    view.setUint32(i + (at === 46 ? 24 : 22), size, true);
  }
  return out;
}

/**
 * The same zip in zip64 form, as some writers make it for every entry: each size and offset in the
 * central directory set to 0xFFFFFFFF and given in a zip64 extra field, and a zip64 end record.
 */
function asZip64(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  const directoryStart = view.getUint32(end + 16, true);
  const entries: Uint8Array[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const header = zip.slice(at, at + 46 + nameLength);
    const headerView = new DataView(header.buffer);
    const compressed = headerView.getUint32(20, true);
    const original = headerView.getUint32(24, true);
    const offset = headerView.getUint32(42, true);
    for (const field of [20, 24, 42]) headerView.setUint32(field, 0xffffffff, true);
    headerView.setUint16(30, 28, true);
    headerView.setUint16(32, 0, true);
    const extra = new Uint8Array(28);
    const extraView = new DataView(extra.buffer);
    extraView.setUint16(0, 1, true);
    extraView.setUint16(2, 24, true);
    extraView.setBigUint64(4, BigInt(original), true);
    extraView.setBigUint64(12, BigInt(compressed), true);
    extraView.setBigUint64(20, BigInt(offset), true);
    entries.push(header, extra);
    at += 46 + nameLength + extraLength + commentLength;
  }
  const directory = concat(entries);
  const record = new Uint8Array(56);
  const recordView = new DataView(record.buffer);
  recordView.setUint32(0, 0x06064b50, true);
  recordView.setBigUint64(4, 44n, true);
  recordView.setBigUint64(24, BigInt(count), true);
  recordView.setBigUint64(32, BigInt(count), true);
  recordView.setBigUint64(40, BigInt(directory.length), true);
  recordView.setBigUint64(48, BigInt(directoryStart), true);
  const locator = new Uint8Array(20);
  const locatorView = new DataView(locator.buffer);
  locatorView.setUint32(0, 0x07064b50, true);
  locatorView.setBigUint64(8, BigInt(directoryStart + directory.length), true);
  locatorView.setUint32(16, 1, true);
  const endRecord = new Uint8Array(22);
  const endView = new DataView(endRecord.buffer);
  endView.setUint32(0, 0x06054b50, true);
  for (const field of [8, 10]) endView.setUint16(field, 0xffff, true);
  for (const field of [12, 16]) endView.setUint32(field, 0xffffffff, true);
  return concat([zip.subarray(0, directoryStart), directory, record, locator, endRecord]);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

describe("zip entries and the two inflaters", () => {
  let workbook: Uint8Array;

  beforeAll(async () => {
    const plan = findBuiltInPlan(CITY_PLAN_ID)!;
    // A copy, not the Buffer: the rewrites below take views of it by offset.
    workbook = new Uint8Array(await fillInWorkbookBytes(plan, { unit: "Phường Lê Chân", lang: "vi", entries: exampleEntries(plan, 3) }));
  });

  test("a unit's workbook: both inflaters give exactly the parts fflate's own unzip gives", () => {
    const reference = unzipSync(workbook);
    const { pure, native } = bothWays(workbook);
    for (const pkg of [pure, native]) {
      if (typeof pkg === "string") throw new Error(pkg);
      expect(pkg.names).toEqual(Object.keys(reference));
      expect([...pkg.parts.keys()]).toEqual(Object.keys(reference));
      for (const [name, bytes] of pkg.parts) expect(Buffer.from(bytes).equals(Buffer.from(reference[name]))).toBe(true);
    }
  });

  test("the directory lists each entry's declared sizes and where it starts", () => {
    const entries = [...zipEntries(workbook)];
    const sheet = entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.method).toBe(8);
    expect(sheet.originalSize).toBe(unzipSync(workbook)["xl/worksheets/sheet1.xml"].length);
    expect(sheet.compressedSize).toBeLessThan(sheet.originalSize);
    expect(new TextDecoder().decode(readZipEntry(workbook, sheet, inflateRawNative))).toContain("<sheetData>");
  });

  test("a zip64 directory (sizes in the extra field) reads to the same parts and the same figures", () => {
    const zip64 = asZip64(workbook);
    // fflate's own unzip reads the rewritten file too: the rewrite is a valid zip64.
    expect(Object.keys(unzipSync(zip64))).toEqual(Object.keys(unzipSync(workbook)));
    const { pure, native } = bothWays(zip64);
    const reference = unzipSync(workbook);
    for (const pkg of [pure, native]) {
      if (typeof pkg === "string") throw new Error(pkg);
      for (const [name, bytes] of pkg.parts) expect(Buffer.from(bytes).equals(Buffer.from(reference[name]))).toBe(true);
    }
    expect(readXlsxBytes(zip64).grid("Chỉ tiêu")).toEqual(readXlsxBytes(workbook).grid("Chỉ tiêu"));
  });

  test("a zip comment after the directory does not hide it", () => {
    const withComment = concat([workbook, strToU8("tệp của phường")]);
    const view = new DataView(withComment.buffer);
    view.setUint16(workbook.length - 2, strToU8("tệp của phường").length, true);
    const { pure, native } = bothWays(withComment);
    expect(typeof pure).toBe("object");
    expect(typeof native).toBe("object");
  });

  test("a part that declares less than it holds is cut at its declaration by both inflaters, never inflated whole", () => {
    const zip = zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), "xl/worksheets/sheet1.xml": [new Uint8Array(5 * 1024 * 1024).fill(65), { level: 9 }] });
    const lying = declareSize(zip, "xl/worksheets/sheet1.xml", 40_000);
    const { pure, native } = bothWays(lying);
    for (const pkg of [pure, native]) {
      if (typeof pkg === "string") throw new Error(pkg);
      const sheet = pkg.parts.get("xl/worksheets/sheet1.xml")!;
      expect(sheet.length).toBe(40_000);
      expect(sheet.every((b) => b === 65)).toBe(true);
    }
  });

  test("a part that declares more than it holds gives what it holds", () => {
    const zip = zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), "xl/worksheets/sheet1.xml": strToU8("<worksheet/>") });
    const { pure, native } = bothWays(declareSize(zip, "xl/worksheets/sheet1.xml", 100));
    for (const pkg of [pure, native]) {
      if (typeof pkg === "string") throw new Error(pkg);
      expect(new TextDecoder().decode(pkg.parts.get("xl/worksheets/sheet1.xml"))).toBe("<worksheet/>");
    }
  });

  test("the guards hold whichever inflater runs: declared total, ratio, entry count", () => {
    const declaredTooMuch = declareSize(zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), "xl/worksheets/sheet1.xml": new Uint8Array(64) }, { level: 0 }), "xl/worksheets/sheet1.xml", 500 * 1024 * 1024);
    expect(bothWays(declaredTooMuch)).toEqual({ pure: "xlsx.inflates-too-much", native: "xlsx.inflates-too-much" });

    const bomb = zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), "xl/worksheets/sheet1.xml": [new Uint8Array(20 * 1024 * 1024), { level: 9 }] });
    expect(bothWays(bomb)).toEqual({ pure: "xlsx.inflates-too-much", native: "xlsx.inflates-too-much" });

    const many: Record<string, Uint8Array> = { "xl/workbook.xml": strToU8("<workbook/>") };
    for (let i = 0; i < 10_001; i++) many[`xl/media/p${i}.bin`] = new Uint8Array(1);
    expect(bothWays(zipSync(many, { level: 0 }))).toEqual({ pure: "xlsx.too-many-entries", native: "xlsx.too-many-entries" });
  });

  test("damaged files are refused as damaged, the same way by both", () => {
    const half = workbook.subarray(0, Math.floor(workbook.length / 2));
    expect(bothWays(half)).toEqual({ pure: "xlsx.damaged", native: "xlsx.damaged" });

    // Deflate data that is not deflate.
    const zip = zipSync({ "xl/workbook.xml": strToU8("<workbook>" + "x".repeat(500) + "</workbook>") }, { level: 6 });
    const entry = [...zipEntries(zip)][0];
    const garbled = zip.slice();
    const dataStart = entry.headerOffset + 30 + entry.name.length;
    garbled.fill(0xff, dataStart, dataStart + entry.compressedSize);
    expect(bothWays(garbled)).toEqual({ pure: "xlsx.damaged", native: "xlsx.damaged" });

    // An unknown compression method.
    const other = zip.slice();
    const view = new DataView(other.buffer);
    let end = other.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    view.setUint16(view.getUint32(end + 16, true) + 10, 12, true);
    expect(bothWays(other)).toEqual({ pure: "xlsx.damaged", native: "xlsx.damaged" });
  });

  test("the directory is read lazily: a consumer that stops early reads no further", () => {
    const zip = zipSync({ a: new Uint8Array(1), b: new Uint8Array(1) }, { level: 0 });
    // Break the second central header: taking only the first entry still works.
    const broken = zip.slice();
    const entries = zipEntries(zip);
    const first = entries.next().value!;
    const view = new DataView(broken.buffer);
    let end = broken.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    const secondHeader = view.getUint32(end + 16, true) + 46 + first.name.length;
    view.setUint32(secondHeader, 0, true);
    const lazily = zipEntries(broken);
    expect(lazily.next().value!.name).toBe("a");
    expect(() => lazily.next()).toThrow(ZipFormatError);
  });

  test("the writer's zip (native deflate) unzips to the same parts with fflate and with both inflaters, names in UTF-8 included", () => {
    const parts = Object.entries(unzipSync(workbook));
    parts.push(["xl/media/Chỉ tiêu.txt", strToU8("Đạt và vượt")], ["xl/media/", new Uint8Array(0)]);
    const modified = new Date(2025, 11, 31, 16, 30, 12);
    const zip = zipParts(parts, modified);
    expect(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, Buffer.from(bytes).toString("hex")])).toEqual(parts.map(([name, bytes]) => [name, Buffer.from(bytes).toString("hex")]));
    const { pure, native } = bothWays(zip);
    for (const pkg of [pure, native]) {
      if (typeof pkg === "string") throw new Error(pkg);
      expect(pkg.names).toEqual(parts.map(([name]) => name));
    }
    expect(readXlsxBytes(zip).grid("Chỉ tiêu")).toEqual(readXlsxBytes(workbook).grid("Chỉ tiêu"));
    // The date and time every entry carries, as zip tools show them.
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint16(10, true)).toBe((16 << 11) | (30 << 5) | 6);
    expect(view.getUint16(12, true)).toBe((45 << 9) | (12 << 5) | 31);
  });
});
