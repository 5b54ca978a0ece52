// File names for units' templates that Windows accepts (the offices' machines), with the unit's
// name kept as written: diacritics stay (NTFS stores Unicode), only what Windows refuses changes.
// The unit's exact name travels inside the workbook, so nothing is lost when a file name is changed.

/** Characters Windows refuses in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;
/** Device names Windows reserves, with or without an extension ("CON", "nul.xlsx", "COM1.txt"). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Leaves room for the folder and ".xlsx" under Windows' 260-character path limit. */
const MAX_BASE = 120;

/** "Phường Hải An / Khu 2" → "Phường Hải An - Khu 2"; "CON" → "CON_"; "nul.xlsx" → "nul_.xlsx"; "" → the fallback. */
export function safeFileBase(unit: string, fallback = "don-vi"): string {
  let base = unit
    .normalize("NFC")
    .replace(/\s*[/\\|]\s*/g, " - ")
    .replace(/:/g, " -")
    .replace(FORBIDDEN, "_")
    .replace(/\s+/g, " ")
    .trim();
  if (base.length > MAX_BASE) base = base.slice(0, MAX_BASE).trim();
  // Windows drops trailing dots and spaces, so "Tổ 1." would become another name.
  base = base.replace(/[. ]+$/, "");
  if (base === "" || /^[._\- ]*$/.test(base)) base = fallback;
  // "CON" and "CON.anything" are devices: the stem itself must change ("CON_", "CON_.Phường").
  if (RESERVED.test(base)) base = base.replace(/^([^.]*)/, "$1_");
  return base;
}

/**
 * One file name per unit, `<base>.xlsx`, unique as Windows compares names (ignoring case), in the
 * units' order: a second unit that would get the same name gets " (2)".
 */
export function unitFileNames(units: readonly string[], extension = ".xlsx"): string[] {
  const taken = new Set<string>();
  return units.map((unit) => {
    const base = safeFileBase(unit);
    let name = `${base}${extension}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n})${extension}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
