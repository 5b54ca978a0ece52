// "Đơn vị": the work of the office that consolidates several units.
import { useUi } from "./context";
import { useStyles } from "./styles";

export function UnitsPanel() {
  const styles = useStyles();
  const { t } = useUi();
  return (
    <section className={styles.panel} aria-label={t("tab.units")}>
      <p className={styles.info}>{t("consolidate")}</p>
    </section>
  );
}
