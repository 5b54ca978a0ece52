// Files from elsewhere that must be refused with one clear message, generated into a temp folder
// (no binaries in the repository): zip bombs, oversized and truncated files, password-protected,
// macro-enabled, binary and foreign workbooks, things that are not workbooks at all. Used by
// test/security/hostile-files.test.ts and by `npm run fuzz`, which lists each class and its outcome.
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LIMITS } from "../../cli/xlsx/open";

export interface HostileFile {
  /** The class of file, as the fuzz report lists it. */
  label: string;
  /** Writes the file into `dir` (next to `template`, a good fill-in workbook) and returns its name. */
  make(dir: string, template: Uint8Array): Promise<string> | string;
  /** The message key of xlsx-reader/messages.ts the user must get, and its parameters besides {file}. */
  key: string;
  params: Record<string, string | number>;
}

const MB = 1024 * 1024;

/** Rewrites a zip with some parts added, replaced or dropped (null). */
function repack(template: Uint8Array, change: Record<string, Uint8Array | null>): Uint8Array {
  const parts: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(template))) parts[name] = data;
  for (const [name, data] of Object.entries(change)) {
    if (data === null) delete parts[name];
    else parts[name] = data;
  }
  return zipSync(parts);
}

/** Sets the uncompressed size a zip declares for `name`, in its local header and its central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  const matches = (at: number) => nameBytes.every((b, i) => out[at + i] === b);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === nameBytes.length && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === nameBytes.length && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

let bomb: Uint8Array | null = null;
/** One sheet part of 200 MB of zeros, deflated at level 9 to about 200 KB: a ratio near 1000:1 and above. */
function zeroBomb(): Uint8Array {
  bomb ??= zipSync({
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/worksheets/sheet1.xml": [new Uint8Array(200 * MB), { level: 9 }],
  });
  return bomb;
}

/** The header of an OLE compound file, as Excel writes a password-protected .xlsx, with its stream names. */
function encryptedWorkbook(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  const utf16 = (text: string) => Uint8Array.from([...text].flatMap((ch) => [ch.charCodeAt(0), 0]));
  bytes.set(utf16("EncryptionInfo"), 1024);
  bytes.set(utf16("EncryptedPackage"), 1152);
  return bytes;
}

async function foreignWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = "Báo cáo tình hình kinh tế - xã hội tháng 11";
  ws.getCell("A2").value = "Thu ngân sách";
  ws.getCell("B2").value = 1234.5;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const write = (dir: string, name: string, bytes: Uint8Array | string): string => {
  writeFileSync(join(dir, name), bytes);
  return name;
};

export const HOSTILE_FILES: HostileFile[] = [
  {
    label: "zip bomb: one part of 200 MB of zeros (ratio > 1000:1)",
    make: (dir) => write(dir, "bom-ti-le.xlsx", zeroBomb()),
    key: "xlsx.inflates-too-much",
    params: { limit: LIMITS.inflatedBytes / MB },
  },
  {
    label: "zip bomb: parts that declare 500 MB",
    make: (dir, template) => write(dir, "bom-khai-lon.xlsx", declareSize(zipSync({ ...unzipSync(template), "xl/worksheets/sheet9.xml": new Uint8Array(64) }, { level: 0 }), "xl/worksheets/sheet9.xml", 500 * MB)),
    key: "xlsx.inflates-too-much",
    params: { limit: LIMITS.inflatedBytes / MB },
  },
  {
    label: "zip bomb: a part that declares 40 KB and holds 50 MB",
    make: (dir) => {
      const zip = zipSync({
        "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="Chỉ tiêu" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/worksheets/sheet1.xml": [new Uint8Array(50 * MB), { level: 9 }],
      });
      // fflate inflates into a buffer of the declared size, so the lie costs 40 KB, not 50 MB.
      return write(dir, "bom-khai-nho.xlsx", declareSize(zip, "xl/worksheets/sheet1.xml", 40_000));
    },
    key: "xlsx.sheet-part-missing",
    params: { sheet: "Chỉ tiêu" },
  },
  {
    label: `zip bomb: ${LIMITS.entries + 1} entries`,
    make: (dir) => {
      const parts: Zippable = { "xl/workbook.xml": strToU8("<workbook/>") };
      for (let i = 0; i < LIMITS.entries; i++) parts[`xl/media/p${i}.bin`] = new Uint8Array(1);
      return write(dir, "bom-nhieu-muc.xlsx", zipSync(parts, { level: 0 }));
    },
    key: "xlsx.too-many-entries",
    params: { limit: LIMITS.entries },
  },
  {
    label: "oversized file (101 MB, sparse)",
    make: (dir, template) => {
      const name = write(dir, "qua-lon.xlsx", template);
      truncateSync(join(dir, name), LIMITS.fileBytes + MB);
      return name;
    },
    key: "xlsx.too-big",
    params: { mb: LIMITS.fileBytes / MB + 1, limit: LIMITS.fileBytes / MB },
  },
  {
    label: "password-protected workbook (OLE, EncryptionInfo)",
    make: (dir) => write(dir, "mat-khau.xlsx", encryptedWorkbook()),
    key: "xlsx.encrypted",
    params: {},
  },
  {
    label: "macro-enabled workbook (.xlsm)",
    make: (dir, template) => write(dir, "co-macro.xlsm", template),
    key: "xlsx.macro",
    params: {},
  },
  {
    label: "macro-enabled workbook renamed .xlsx (xl/vbaProject.bin)",
    make: (dir, template) => write(dir, "macro-doi-ten.xlsx", repack(template, { "xl/vbaProject.bin": strToU8("VBA project: Sub Auto_Open() Shell \"calc\" End Sub") })),
    key: "xlsx.macro",
    params: {},
  },
  {
    label: "macro-enabled content type in [Content_Types].xml",
    make: (dir, template) => {
      const types = new TextDecoder().decode(unzipSync(template)["[Content_Types].xml"]);
      const macro = types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
      return write(dir, "kieu-macro.xlsx", repack(template, { "[Content_Types].xml": strToU8(macro) }));
    },
    key: "xlsx.macro",
    params: {},
  },
  {
    label: "binary workbook (.xlsb saved as .xlsx)",
    make: (dir) => write(dir, "nhi-phan.xlsx", zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.bin": new Uint8Array(32) })),
    key: "xlsx.binary-workbook",
    params: {},
  },
  {
    label: "foreign workbook (no indicator sheet)",
    make: async (dir) => write(dir, "bao-cao-khac.xlsx", await foreignWorkbook()),
    key: "xlsx.no-indicator-sheet",
    params: {},
  },
  {
    label: "not a workbook (a PDF renamed .xlsx)",
    make: (dir) => write(dir, "van-ban.xlsx", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
    key: "xlsx.not-zip",
    params: {},
  },
  {
    label: "a zip that is not a workbook",
    make: (dir) => write(dir, "nen.xlsx", zipSync({ "readme.txt": strToU8("xin chào") })),
    key: "xlsx.not-workbook",
    params: {},
  },
  {
    label: "truncated workbook",
    make: (dir, template) => write(dir, "cat-cut.xlsx", template.subarray(0, Math.floor(template.length / 2))),
    key: "xlsx.damaged",
    params: {},
  },
];

export function templateBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
