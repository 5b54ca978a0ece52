// "1. Nạp → 2. Nhập số → 3. Kiểm tra → 4. Tổng hợp": where the clerk is, and what to do next.
import { mergeClasses } from "@fluentui/react-components";
import { useUi } from "./context";
import type { Step } from "./host-port";
import { useStyles } from "./styles";

export const STEPS: Step[] = ["load", "enter", "check", "summary"];

export function StepGuide() {
  const styles = useStyles();
  const { t, step } = useUi();
  const at = STEPS.indexOf(step);
  return (
    <nav aria-label={t("steps.label")}>
      <ol className={styles.steps} data-testid="steps">
        {STEPS.map((s, i) => (
          <li key={s} className={mergeClasses(styles.stepItem, i < at && styles.stepDone, i === at && styles.stepHere)} aria-current={i === at ? "step" : undefined} data-step={s}>
            {i > 0 ? "→ " : ""}
            {i + 1}. {t(`step.${s}`)}
            {i === at && <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}> {t("step.here")}</span>}
          </li>
        ))}
      </ol>
      <p className={styles.stepHint} data-testid="step-hint">
        {t(`step.hint.${step}`)}
      </p>
    </nav>
  );
}
