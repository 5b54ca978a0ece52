// What both hosts' Chromium tests check on the shared UI, the same way: no sideways scrolling, every
// control reachable with Tab, arrow keys on the tabs, and a screenshot per step per width under
// test-artifacts/ui/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

export const WIDTHS = [320, 450] as const;
export const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts", "ui");

export async function shot(page: Page, host: "excel" | "sheets", width: number, step: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${host}-${width}-${step}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The page is never wider than its window (no horizontal scroll bar at 320 px). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Vertical scroll that is not content: the body taller than its content (the old 16 px page scroll). */
export async function spareVerticalScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const content = document.body.firstElementChild as HTMLElement | null;
    const height = content ? content.getBoundingClientRect().bottom + window.scrollY : 0;
    return Math.max(0, document.documentElement.scrollHeight - Math.max(height, window.innerHeight));
  });
}

/**
 * Presses Tab until the focus comes back round, and returns the visible, enabled controls of the
 * shown panel that were never reached (empty = every control is reachable by keyboard).
 */
export async function unreachable(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.querySelectorAll("[data-reached]").forEach((e) => e.removeAttribute("data-reached"));
  });
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    const again = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return false;
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

/** The tab row: one line (no wrapping), and ←/→ move the selection. */
export async function tabsAnswerArrows(page: Page): Promise<{ oneLine: boolean; moved: string | null }> {
  const oneLine = await page.evaluate(() => {
    const tops = [...document.querySelectorAll<HTMLElement>("[role=tab]")].map((t) => t.getBoundingClientRect().top);
    return new Set(tops.map((t) => Math.round(t))).size === 1;
  });
  await page.locator("[role=tab][aria-selected=true]").focus();
  await page.keyboard.press("ArrowRight");
  const moved = await page.evaluate(() => document.activeElement?.getAttribute("data-tab") ?? null);
  await page.keyboard.press("ArrowLeft");
  return { oneLine, moved };
}

/** The step the guide marks as current. */
export async function currentStep(page: Page): Promise<string | null> {
  return page.locator("[data-testid=steps] [aria-current=step]").getAttribute("data-step");
}
