// Plain-text tables for people at a terminal; long cells are cut with "…" so rows stay on one line.
export function renderTable(header: string[], rows: string[][], maxWidths: number[] = []): string {
  const cut = (text: string, max: number | undefined) => (max && [...text].length > max ? [...text].slice(0, max - 1).join("") + "…" : text);
  const cells = [header, ...rows].map((row) => row.map((cell, i) => cut(cell.normalize("NFC"), maxWidths[i])));
  const widths = header.map((_, i) => cells.reduce((max, row) => Math.max(max, [...(row[i] ?? "")].length), 0));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell + " ".repeat(widths[i] - [...cell].length))
      .join("  ")
      .trimEnd();
  return [line(cells[0]), widths.map((w) => "─".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n") + "\n";
}
