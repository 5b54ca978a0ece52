// The add-on menu "Chỉ tiêu thi đua" and its handlers. onOpen may run in AuthMode.NONE, where no
// document or property may be touched: it only builds the menu, in every mode.
import { tg } from "../messages";
import { text } from "../../../ui/text";

export type SidebarTab = "load" | "check" | "summary" | "consolidate";

export function onOpen(_e?: unknown): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(tg("sheets.menu.open"), "openSidebar")
    .addSeparator()
    .addItem(tg("sheets.menu.load"), "menuLoadPlan")
    .addItem(text("vi", "check"), "menuCheck")
    .addItem(text("vi", "summary"), "menuSummary")
    .addItem(tg("sheets.menu.consolidate"), "menuConsolidate")
    .addToUi();
}

export function onInstall(e?: unknown): void {
  onOpen(e);
}

/** The sidebar, opened on one of its tabs (a meta tag tells it which; no script is injected). */
export function showSidebar(tab: SidebarTab): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").append(`<meta name="chitieu-start" content="${tab}">`).setTitle(text("vi", "app.title"));
  SpreadsheetApp.getUi().showSidebar(html);
}

export function openSidebar(): void {
  showSidebar("load");
}
export function menuLoadPlan(): void {
  showSidebar("load");
}
export function menuCheck(): void {
  showSidebar("check");
}
export function menuSummary(): void {
  showSidebar("summary");
}
export function menuConsolidate(): void {
  showSidebar("consolidate");
}
