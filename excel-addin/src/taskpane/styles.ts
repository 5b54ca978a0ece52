import { makeStyles, tokens } from "@fluentui/react-components";

export const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column", fontFamily: tokens.fontFamilyBase },
  header: { padding: "8px 12px 0" },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: "4px 0" },
  tabs: { padding: "0 4px", flexWrap: "wrap" },
  main: { padding: "8px 12px 24px", display: "flex", flexDirection: "column", gap: "10px" },
  panel: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "flex", gap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  error: { color: tokens.colorPaletteRedForeground1, backgroundColor: tokens.colorPaletteRedBackground1, padding: "6px 8px", margin: 0, borderRadius: "4px" },
  info: { backgroundColor: tokens.colorNeutralBackground3, padding: "6px 8px", margin: 0, borderRadius: "4px" },
  success: { color: tokens.colorPaletteGreenForeground1, backgroundColor: tokens.colorPaletteGreenBackground1, padding: "6px 8px", margin: 0, borderRadius: "4px" },
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: "6px" },
  finding: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: "4px", padding: "6px 8px", cursor: "pointer", backgroundColor: tokens.colorNeutralBackground1 },
  findingError: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  findingWarning: { borderLeft: `4px solid ${tokens.colorPaletteYellowBorder2}` },
  severity: { fontWeight: tokens.fontWeightSemibold, marginRight: "6px" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cellInput: { width: "100%", boxSizing: "border-box", font: "inherit", padding: "2px 4px" },
  counts: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "8px" },
  count: { borderRadius: "6px", padding: "8px", color: "#fff" },
  countNumber: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightBold, display: "block" },
  section: { display: "flex", flexDirection: "column", gap: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "10px" },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** Status colours, as the sheet's conditional formats use them (evaluation.md). */
export const STATUS_COLOURS: Record<string, string> = {
  Vượt: "#107C41",
  Đạt: "#2E8B57",
  "Không đạt": "#C50F1F",
  "Chưa có số liệu": "#6E6E6E",
  "Chưa đến hạn": "#0063B1",
  amber: "#B86E00",
};
