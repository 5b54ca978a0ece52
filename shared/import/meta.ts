// Who issued the plan, for which year, and its title: read from the header, the title block and
// the sentence that says who "ban hành" it.
import type { Level } from "../model";
import { foldString } from "./mapped";
import type { Block } from "./outline";

export interface DetectedMeta {
  year?: number;
  issuer?: string;
  level?: Level;
  title?: string;
  /** The plan's own number ("232/KH-UBND") when its header carries one. */
  number?: string;
  /** The issuer's proper name ("Đông Hải"), for the plan id. */
  placeName?: string;
}

const UNIT_TYPES: { folded: string; written: string; level: Level }[] = [
  { folded: "thanh pho", written: "thành phố", level: "tinh" },
  { folded: "tinh", written: "tỉnh", level: "tinh" },
  { folded: "thi xa", written: "thị xã", level: "huyen" },
  { folded: "quan", written: "quận", level: "huyen" },
  { folded: "huyen", written: "huyện", level: "huyen" },
  { folded: "thi tran", written: "thị trấn", level: "xa" },
  { folded: "phuong", written: "phường", level: "xa" },
  { folded: "xa", written: "xã", level: "xa" },
  { folded: "dac khu", written: "đặc khu", level: "xa" },
];
const TYPE_PATTERN = UNIT_TYPES.map((u) => u.folded).join("|");
const ISSUER = new RegExp(`(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|cua)\\s+(${TYPE_PATTERN})\\s+`, "g");
const STOP_NAME_WORDS = new Set(["so", "ke", "cong", "doc", "ngay", "ban", "xay", "ve", "nam", "thuc", "sau", "phat", "tren", "trong", "nghi", "chuong", "quyet", "theo", "cu"]);

export function detectMeta(blocks: Block[]): DetectedMeta {
  const meta: DetectedMeta = {};
  const text = blocks.map((b) => b.text.text).join("\n");
  const folded = blocks.map((b) => b.text.folded).join("\n");
  meta.year = detectYear(folded);
  const issuer = detectIssuer(text, folded);
  if (issuer) Object.assign(meta, issuer);
  const head = folded.slice(0, 1500);
  const number = /(?:^|\n)\s*so\s*:\s*(\d{1,4})\s*\/\s*([a-z]{1,6}(?:-[a-z]{1,8})*)/i.exec(head);
  if (number) {
    const at = number.index + number[0].indexOf(number[1]);
    meta.number = text.slice(at, at + number[0].length - number[0].indexOf(number[1])).replace(/\s+/g, "");
  }
  meta.title = detectTitle(blocks, meta.number);
  return meta;
}

function detectYear(folded: string): number | undefined {
  const counts = new Map<number, number>();
  const re = /\bn[a-z]{1,2}m\s+((?:19|20)\d{2})\b/g;
  let match: RegExpExecArray | null;
  let first: number | undefined;
  while ((match = re.exec(folded)) !== null) {
    const before = folded.slice(Math.max(0, match.index - 12), match.index);
    if (/(?:den|toi|vao)\s*$/.test(before)) continue; // "đến năm 2030" is a horizon, not the plan's year
    const year = Number(match[1]);
    first ??= year;
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [year, count] of counts) if (count > bestCount || (count === bestCount && year === first)) [best, bestCount] = [year, count];
  return best;
}

function detectIssuer(text: string, folded: string): Omit<DetectedMeta, "year" | "title" | "number"> | null {
  let best: { score: number; issuer: string; level: Level; placeName: string } | null = null;
  ISSUER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ISSUER.exec(folded)) !== null) {
    const type = UNIT_TYPES.find((u) => u.folded === match![2])!;
    const nameStart = match.index + match[0].length;
    const name = readProperName(text.slice(nameStart, nameStart + 60));
    if (!name) continue;
    const after = folded.slice(nameStart + name.length, nameStart + name.length + 40);
    let score = 1;
    if (match.index < 400 && match[1] !== "cua") score += 4;
    if (/^\s*(?:ban hanh|xay dung|phat dong|to chuc)/.test(after)) score += 3;
    if (match[1] === "cua" && match.index < 1500) score += 2;
    if (!best || score > best.score) {
      const body = /^(?:hoi dong nhan dan|hdnd)$/.test(match[1]) ? "HĐND" : "UBND";
      best = { score, issuer: `${body} ${type.written} ${titleCase(name)}`, level: type.level, placeName: titleCase(name) };
    }
  }
  return best ? { issuer: best.issuer, level: best.level, placeName: best.placeName } : null;
}

/** Capitalised words after a unit type: "Đồ Sơn xây dựng" → "Đồ Sơn"; "ĐÔNG HẢI Số:" → "ĐÔNG HẢI". */
function readProperName(text: string): string {
  const words = text.split(/(\s+)/);
  let out = "";
  let count = 0;
  for (const word of words) {
    if (/^\s+$/.test(word)) {
      if (word.includes("\n") && count > 0) break;
      out += word;
      continue;
    }
    const clean = word.replace(/[,.;:)"”]+$/, "");
    if (!/^\p{Lu}/u.test(clean) || STOP_NAME_WORDS.has(foldString(clean).toLowerCase()) || count >= 4) break;
    out += clean;
    count++;
    if (clean !== word) break;
  }
  return out.trim();
}

function titleCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .split(" ")
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(" ");
}

function detectTitle(blocks: Block[], number?: string): string | undefined {
  // "KẾ HOẠCH" on its own line, or at the end of the capitals header it was joined to.
  const index = blocks.findIndex((b, i) => i < 40 && /(?:^|\s)(?:ke hoach|nghi quyet|chuong trinh)$/.test(b.text.folded.trim()) && b.text.text.length < 90);
  let summary = "";
  if (index >= 0 && blocks[index + 1]) summary = blocks[index + 1].text.text;
  else {
    const phrase = blocks.slice(0, 15).find((b) => /^(?:ke hoach|chuong trinh|nghi quyet)\s+\p{L}/u.test(b.text.folded) && b.text.text.length < 400);
    if (phrase) return shorten(phrase.text.text);
  }
  const kind = index >= 0 ? capitalize(blocks[index].text.text.trim().split(/\s+/).slice(-2).join(" ").toLowerCase()) : "Kế hoạch";
  if (!summary && !number) return undefined;
  const head = number ? `${kind} số ${number}` : kind;
  return shorten(summary ? `${head} ${lowerFirst(summary.trim())}` : head);
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= 200) return clean;
  const cut = clean.slice(0, 200);
  return cut.slice(0, cut.lastIndexOf(" ")) + " …";
}

function lowerFirst(text: string): string {
  return text && /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** "Nguyễn Lương Bằng", 2025 → "nguyen-luong-bang-2025". */
export function planIdFrom(placeName: string | undefined, year: number, number?: string): string {
  const parts = [placeName ? foldString(placeName) : "ke hoach", number ? number.split("/")[0] : "", String(year)];
  const slug = parts
    .join(" ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || `ke-hoach-${year}`;
}
