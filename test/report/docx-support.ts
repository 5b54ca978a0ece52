// Real .docx bytes for the tests, built with the `docx` package as Word would save them.
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";

export async function docxBytes(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export function row(cells: string[]): TableRow {
  return new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
}
