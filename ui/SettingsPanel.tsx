// "Cài đặt", in two parts that say when they apply: the pane's language changes at once; the
// near-miss band, its name and the counting level are saved in the spreadsheet on "Lưu" and apply
// from the next load, check and summary.
import { useEffect, useState } from "react";
import type { CountLevel, Lang } from "../shared/model";
import { useAction, useUi } from "./context";
import { BusyButton, Field, NoticeLine, useControlClass } from "./controls";
import { formatNumber, readNumber } from "./format";
import type { SettingsView } from "./host-port";
import { useStyles } from "./styles";

export function SettingsPanel() {
  const styles = useStyles();
  const control = useControlClass();
  const { port, lang, setLang, t, info } = useUi();
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const [amber, setAmber] = useState("90");
  const [amberLabel, setAmberLabel] = useState("Gần đạt");
  const [countLevel, setCountLevel] = useState<CountLevel>("top");
  const reading = useAction();
  const saving = useAction();

  const show = (settings: SettingsView) => {
    setSaved(settings);
    setAmber(formatNumber(Math.round(settings.amberBand * 1000) / 10, "vi"));
    setAmberLabel(settings.amberLabel);
    setCountLevel(settings.countLevel);
  };

  useEffect(() => {
    void reading.run(() => port.getSettings(), (r) => void (r.settings && show(r.settings)));
  }, [port, info?.loaded?.planId]);

  const percent = readNumber(amber);
  const dirty = saved !== null && (percent === null || Math.abs(percent / 100 - saved.amberBand) > 1e-9 || amberLabel.trim() !== saved.amberLabel || countLevel !== saved.countLevel);

  const save = () => {
    if (percent === null || percent < 0 || percent > 100) return saving.setNotice({ ok: false, text: t("settings.amber-invalid") });
    if (!saved) return saving.setNotice({ ok: false, text: t("settings.no-document") });
    const next: SettingsView = { amberBand: percent / 100, amberLabel: amberLabel.trim() || "Gần đạt", countLevel };
    void saving.run(
      () => port.saveSettings(next, lang),
      (done) => {
        setSaved(next);
        return done.message;
      },
    );
  };

  return (
    <section className={styles.panel} aria-label={t("tab.settings")}>
      <fieldset className={styles.box}>
        <legend className={styles.h3}>{t("settings.now")}</legend>
        <Field label={t("settings.lang")}>
          {(id) => (
            <select id={id} className={control} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang">
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset className={styles.box}>
        <legend className={styles.h3}>{t("settings.on-save")}</legend>
        <Field label={t("settings.amber")}>
          {(id) => <input id={id} className={control} value={amber} onChange={(e) => setAmber(e.target.value)} inputMode="decimal" style={{ width: "6em" }} data-testid="amber" />}
        </Field>
        <Field label={t("settings.amber-label")}>
          {(id) => <input id={id} className={control} value={amberLabel} onChange={(e) => setAmberLabel(e.target.value)} data-testid="amber-label" />}
        </Field>
        <Field label={t("settings.count-level")}>
          {(id) => (
            <select id={id} className={control} value={countLevel} onChange={(e) => setCountLevel(e.target.value as CountLevel)} data-testid="count-level">
              <option value="top">{t("settings.count-top")}</option>
              <option value="leaf">{t("settings.count-leaf")}</option>
            </select>
          )}
        </Field>
        {dirty && <p className={styles.warn} data-testid="settings-dirty">{t("settings.unsaved")}</p>}
        <div className={styles.actions}>
          <BusyButton appearance="primary" busy={saving.busy} onClick={save} data-testid="settings-save">
            {t("settings.save")}
          </BusyButton>
        </div>
        <NoticeLine notice={saving.notice} testId="settings-notice" />
        <NoticeLine notice={reading.notice} testId="settings-read-notice" />
      </fieldset>
    </section>
  );
}
