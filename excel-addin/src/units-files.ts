// The units' files picked in the task pane, read with the CLI's guarded reader (xlsx-reader.ts) and
// dated and hashed as the CLI does (the file's modification time in local time, SHA-256 of its
// bytes through the browser's crypto.subtle), so the register is the CLI's. Loaded on first use.
import type { Lang } from "../../shared/model";
import { localIsoDate } from "../../shared/workflow/units";
import { refuseByNameAndSize } from "../../xlsx-reader/package";
import type { ReceivedFile } from "./adapter/units-commands";
import { readXlsx, unreadableReason } from "./xlsx-reader";

async function sha256Of(bytes: Uint8Array<ArrayBuffer>): Promise<string | null> {
  try {
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return null;
  }
}

export async function readReceivedFiles(files: readonly File[], onProgress: (index: number, total: number, name: string) => void, lang: Lang = "vi"): Promise<ReceivedFile[]> {
  const out: ReceivedFile[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index, files.length, file.name);
    const date = Number.isFinite(file.lastModified) && file.lastModified > 0 ? localIsoDate(new Date(file.lastModified)) : null;
    try {
      refuseByNameAndSize(file.name, file.size);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const sha256 = await sha256Of(bytes);
      try {
        const book = readXlsx(bytes, file.name);
        out.push({ file: { name: file.name, read: { ok: true, sheets: book.sheets, unit: book.metadata.unit ?? null } }, date, sha256, planId: book.metadata.planId ?? null, unit: book.metadata.unit ?? null });
      } catch (error) {
        out.push({ file: { name: file.name, read: { ok: false, reason: unreadableReason(error, file.name, lang) } }, date, sha256 });
      }
    } catch (error) {
      out.push({ file: { name: file.name, read: { ok: false, reason: unreadableReason(error, file.name, lang) } }, date, sha256: null });
    }
  }
  onProgress(files.length, files.length, "");
  return out;
}
