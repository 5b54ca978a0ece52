// "Nhập số": step 2 of the guide. The figures are typed into the indicator sheet's "Thực hiện"
// column; a unit's report pasted here is read into them after review ("Dán báo cáo").
import { useUi } from "./context";
import { useStyles } from "./styles";

export function EnterPanel() {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <section className={styles.panel} aria-label={t("tab.enter")}>
      <p className={styles.info}>{t("step.hint.enter")}</p>
    </section>
  );
}
