// Entity decoding in the .xlsx reader has a fast path for text without numeric references; it must
// decode every text exactly as the single-pass decoder does.
import fc from "fast-check";
import { decodeEntities } from "../../xlsx-reader/read";

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** The reference: one pass over every entity, then Excel's _xHHHH_ escapes. */
function singlePass(text: string): string {
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
      if (name[0] !== "#") return NAMED[name] ?? whole;
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const FRAGMENTS = ["&", ";", "amp;", "lt;", "gt;", "quot;", "apos;", "#", "#65;", "#x1EA1;", "x41;", "_x", "000D_", "_x0041_", "a", "Đạt", " ", '"'];

describe("decodeEntities", () => {
  test("decodes as a single pass would, whatever the mix of entities", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(decodeEntities(text)).toBe(singlePass(text));
      }),
      { seed: 20251122, numRuns: 3000 },
    );
  });

  test("an escaped entity stays escaped once: &amp;lt; is the text &lt;", () => {
    expect(decodeEntities("a &amp;lt; b &amp;amp; c &quot;d&quot;")).toBe('a &lt; b &amp; c "d"');
    expect(decodeEntities("&amp;#65; &#65;")).toBe("&#65; A");
  });

  test("the stored plan's JSON decodes to the JSON written", () => {
    const json = JSON.stringify({ name: "Tỷ lệ hộ nghèo < 1%", note: "\"Đạt\" & 'Vượt'" });
    const escaped = json.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
    expect(decodeEntities(escaped)).toBe(json);
  });
});
