// Which installation this bundle is: "standard" (the open spreadsheet only) or "consolidation"
// (may open the units' spreadsheets by URL). The build sets it; see README, "Hai bản cài đặt".
declare const __CHITIEU_EDITION__: string | undefined;

export type Edition = "standard" | "consolidation";

export const EDITION: Edition = typeof __CHITIEU_EDITION__ !== "undefined" && __CHITIEU_EDITION__ === "consolidation" ? "consolidation" : "standard";
