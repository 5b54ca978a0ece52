// Indicator names compared the way a clerk reads them: without diacritics or case, "tỉ" = "tỷ",
// word by word, so "Thu NSNN trên địa bàn" and "thu ngân sách nhà nước trên địa bàn" can be weighed.

/** Abbreviations reports and plans use for the same words ("Thu NSNN", "tham gia BHYT"). */
const ABBREVIATIONS: Record<string, string> = {
  nsnn: "ngan sach nha nuoc",
  ns: "ngan sach",
  bhyt: "bao hiem y te",
  bhxh: "bao hiem xa hoi",
  bhtn: "bao hiem that nghiep",
  ntm: "nong thon moi",
  tdtt: "the duc the thao",
  thcs: "trung hoc co so",
  thpt: "trung hoc pho thong",
  ld: "lao dong",
  kt: "kinh te",
  xh: "xa hoi",
  ktxh: "kinh te xa hoi",
  dn: "doanh nghiep",
  htx: "hop tac xa",
  gtsx: "gia tri san xuat",
  csvc: "co so vat chat",
  tp: "thanh pho",
};

/** Folded words of a name: "Tỷ lệ hộ nghèo (%)" → ["ty", "le", "ho", "ngheo"]; abbreviations spelt out. */
export function nameWords(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\bti\b/g, "ty")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => (ABBREVIATIONS[w] ?? w).split(" "));
}

/** Share of the shorter name's words found in the longer one (0..1). */
export function containment(a: string, b: string): number {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length) return 0;
  const [short, long] = wa.length <= wb.length ? [wa, new Set(wb)] : [wb, new Set(wa)];
  return short.filter((w) => long.has(w)).length / short.length;
}

/** Dice coefficient of the two names' word bigrams and words together (0..1): order and overlap. */
export function similarity(a: string, b: string): number {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length) return 0;
  const grams = (w: string[]) => [...w, ...w.slice(1).map((x, i) => `${w[i]} ${x}`)];
  const ga = grams(wa);
  const gb = new Map<string, number>();
  for (const g of grams(wb)) gb.set(g, (gb.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of ga) {
    const n = gb.get(g) ?? 0;
    if (n > 0) {
      shared++;
      gb.set(g, n - 1);
    }
  }
  return (2 * shared) / (ga.length + grams(wb).length);
}
