// The text of a Word document's body (word/document.xml), as the report reader wants it: each
// paragraph on its own line, in order, and each table row as one line whose cells are separated by
// tabs (a cell's paragraphs joined by spaces; a table inside a cell flattened into that cell).
// Only visible text counts: w:t runs, tabs and breaks; deleted text (w:delText) and field codes
// (w:instrText) are left out. Pure string work, so any host can call it on the XML it unzipped.

const TAG = /<(\/?)(w:tbl|w:tr|w:tc|w:tab|w:t|w:p|w:br|w:cr|w:noBreakHyphen)(?=[\s>/])[^>]*?(\/?)>/g;

export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex || dec) {
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[name as "lt"];
  });
}

/** The document's text: paragraphs in order, table rows as tab-separated lines. */
export function docxBodyText(documentXml: string): string {
  const lines: string[] = [];
  /** Open tables: each holds the current row's cells and the cell being written. */
  const tables: { cells: string[]; cell: string[] | null; rows: string[] }[] = [];
  let paragraph: string | null = null;
  let inText = false;
  let textStart = 0;
  const emit = (piece: string) => {
    if (paragraph !== null) paragraph += piece;
  };
  const endParagraph = () => {
    if (paragraph === null) return;
    const text = paragraph.replace(/[ \u00a0]+/g, " ").trim();
    paragraph = null;
    const table = tables[tables.length - 1];
    if (table?.cell) {
      if (text) table.cell.push(text.replace(/\t/g, " "));
    } else lines.push(text);
  };
  TAG.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TAG.exec(documentXml)) !== null) {
    const [whole, closing, name, selfClosing] = match;
    if (inText) {
      if (name === "w:t" && closing) {
        emit(decodeXmlText(documentXml.slice(textStart, match.index)));
        inText = false;
      }
      continue;
    }
    switch (name) {
      case "w:p":
        if (closing) endParagraph();
        else if (selfClosing) {
          endParagraph();
          if (!tables.length || !tables[tables.length - 1].cell) lines.push("");
        } else {
          endParagraph();
          paragraph = "";
        }
        break;
      case "w:t":
        if (!closing && !selfClosing) {
          inText = true;
          textStart = match.index + whole.length;
        }
        break;
      case "w:tab":
        if (!closing) emit("\t");
        break;
      case "w:br":
      case "w:cr":
        if (!closing) emit(tables.length ? " " : "\n");
        break;
      case "w:noBreakHyphen":
        if (!closing) emit("-");
        break;
      case "w:tbl":
        endParagraph();
        if (!closing && !selfClosing) {
          tables.push({ cells: [], cell: null, rows: [] });
        } else if (closing) {
          // A table inside a cell writes its rows into that cell.
          const done = tables.pop();
          const outer = tables[tables.length - 1];
          if (done && outer?.cell && done.rows.length) outer.cell.push(done.rows.join(" "));
        }
        break;
      case "w:tr": {
        const table = tables[tables.length - 1];
        if (!table) break;
        if (!closing && !selfClosing) table.cells = [];
        else if (closing) {
          const nested = tables.length > 1 && tables[tables.length - 2].cell !== null;
          if (nested) table.rows.push(table.cells.filter((c) => c).join(" "));
          else if (table.cells.some((c) => c.length > 0)) lines.push(table.cells.join("\t"));
          table.cells = [];
        }
        break;
      }
      case "w:tc": {
        const table = tables[tables.length - 1];
        if (!table) break;
        if (!closing && !selfClosing) table.cell = [];
        else {
          endParagraph();
          if (table.cell) table.cells.push(table.cell.join(" "));
          table.cell = null;
        }
        break;
      }
    }
  }
  endParagraph();
  // Blank lines between paragraphs are kept single; a report's paragraphs stay apart.
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}
