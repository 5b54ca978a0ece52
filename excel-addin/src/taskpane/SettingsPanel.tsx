// "Cài đặt": the amber band and its label, the counting level, the language. Saved in the workbook.
import { Button } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { SettingsSchema, type CountLevel, type Lang, type Settings } from "../../../shared/model";
import { parseNumber } from "../../../shared/numbers";
import { readDocumentSettings, saveDocumentSettings } from "../adapter/commands";
import { usePane, useText } from "./App";
import { Field, useControlClass } from "./controls";
import { useStyles } from "./styles";

export function SettingsPanel() {
  const styles = useStyles();
  const control = useControlClass();
  const t = useText();
  const { lang, setLang, run, busy } = usePane();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [amber, setAmber] = useState("90");
  const [amberLabel, setAmberLabel] = useState("Gần đạt");
  const [countLevel, setCountLevel] = useState<CountLevel>("top");
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void run((context) => readDocumentSettings(context)).then((saved) => {
      if (!saved) return;
      setSettings(saved);
      setAmber(String(Math.round(saved.amberBand * 1000) / 10).replace(".", ","));
      setAmberLabel(saved.amberLabel);
      setCountLevel(saved.countLevel);
    });
  }, [run]);

  const save = async () => {
    const percent = parseNumber(amber);
    if (percent === null || percent < 0 || percent > 100) {
      setNotice({ ok: false, text: t("xl.settings.amber-invalid") });
      return;
    }
    if (!settings) {
      setNotice({ ok: false, text: t("xl.no-document") });
      return;
    }
    const next = SettingsSchema.parse({ ...settings, amberBand: percent / 100, amberLabel: amberLabel.trim() || "Gần đạt", countLevel, lang });
    const saved = await run((context) => saveDocumentSettings(context, next));
    if (saved) {
      setSettings(next);
      setNotice({ ok: true, text: t("xl.settings.saved") });
    } else if (saved === false) setNotice({ ok: false, text: t("xl.no-document") });
  };

  return (
    <section className={styles.panel} aria-label={t("xl.tab.settings")}>
      <Field label={t("xl.settings.lang")}>
        {(id) => (
          <select id={id} className={control} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="lang">
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        )}
      </Field>
      <Field label={t("xl.settings.amber")}>
        {(id) => <input id={id} className={control} value={amber} onChange={(e) => setAmber(e.target.value)} inputMode="decimal" style={{ width: "6em" }} />}
      </Field>
      <Field label={t("xl.settings.amber-label")}>
        {(id) => <input id={id} className={control} value={amberLabel} onChange={(e) => setAmberLabel(e.target.value)} />}
      </Field>
      <Field label={t("xl.settings.count-level")}>
        {(id) => (
          <select id={id} className={control} value={countLevel} onChange={(e) => setCountLevel(e.target.value as CountLevel)}>
            <option value="top">{t("xl.settings.count-top")}</option>
            <option value="leaf">{t("xl.settings.count-leaf")}</option>
          </select>
        )}
      </Field>
      <Button appearance="primary" onClick={() => void save()} disabled={busy}>
        {t("xl.settings.save")}
      </Button>
      {notice && <p className={notice.ok ? styles.success : styles.error}>{notice.text}</p>}
    </section>
  );
}
