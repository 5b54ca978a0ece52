// pane-checks.ts's keyboard walk for panes with a date input: Chromium's date input takes one Tab
// per part (day, month, year), the focus staying on the same input, which the shared walk reads as
// "come back round". Here a repeat of the element just focused is a step inside it, not the end.
import type { Page } from "playwright-core";

/** The visible, enabled controls of the page never reached by Tab (empty: all reachable). */
export async function unreachable(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.querySelectorAll("[data-reached]").forEach((e) => e.removeAttribute("data-reached"));
    (window as unknown as { __lastFocus: Element | null }).__lastFocus = null;
  });
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press("Tab");
    const again = await page.evaluate(() => {
      const w = window as unknown as { __lastFocus: Element | null };
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return false;
      const inside = w.__lastFocus === el;
      w.__lastFocus = el;
      if (inside) return false;
      if (el.hasAttribute("data-reached")) return true;
      el.setAttribute("data-reached", "");
      return false;
    });
    if (again) break;
  }
  return page.evaluate(() => {
    const visible = (el: HTMLElement) => el.offsetParent !== null && getComputedStyle(el).visibility !== "hidden";
    return [...document.querySelectorAll<HTMLElement>("button, input, select, textarea, [tabindex='0']")]
      .filter((el) => visible(el) && !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && !el.hasAttribute("data-reached"))
      .map((el) => el.getAttribute("data-testid") ?? el.id ?? el.outerHTML.slice(0, 80));
  });
}
