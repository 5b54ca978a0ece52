// "Cài đặt": the settings a user may change, checked once; they apply at the next load or summary.
import { SettingsSchema, type Lang, type Settings } from "../model";
import { done, refused, type Outcome } from "./outcome";
import { say } from "./say";

/** `saved`: the document's settings as kept, or null when no plan was ever loaded. */
export function settingsCommand(saved: Settings | null, changes: Partial<Settings>, lang: Lang): Outcome<{ settings: Settings }> {
  if (!saved) return refused(lang, [say(lang, "error", "wf.no-document", {}, { next: "wf.no-document.next" })]);
  // The band is a fraction (0.9); the form shows it in percent, hence the message's 0–100.
  const band = changes.amberBand;
  if (band !== undefined && !(typeof band === "number" && Number.isFinite(band) && band >= 0 && band <= 1)) return refused(lang, [say(lang, "error", "wf.settings.amber-invalid")]);
  const parsed = SettingsSchema.safeParse({ ...saved, ...changes });
  if (!parsed.success) return refused(lang, [say(lang, "error", "wf.settings.amber-invalid")]);
  return done(lang, { settings: parsed.data }, [{ kind: "settings", settings: parsed.data }], [say(lang, "success", "wf.settings.saved")]);
}
