// The question asked before writing (Nạp's reload, Nhập số's overwrite): what would be set aside or
// replaced, one line each, then the confirm and cancel buttons. Nothing is written until the clerk
// answers, so both panels show the same box; the panel owns the question and what each answer does.
import { BusyButton } from "./controls";
import { useStyles } from "./styles";

export function QuestionBox({
  question,
  items,
  yesLabel,
  noLabel,
  busy,
  onYes,
  onNo,
  testIds,
}: {
  /** The host's sentence, or the panel's own words when the host gave none. */
  question: string;
  /** What the answer "yes" would set aside or overwrite. */
  items: readonly { code: string; text: string }[];
  yesLabel: string;
  noLabel: string;
  /** The "yes" button's spinner: the write it started is running. */
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
  /** The box's test id, the question's element id (the box is labelled by it) and the buttons' test ids. */
  testIds: { box: string; title: string; yes: string; no: string };
}) {
  const styles = useStyles();
  return (
    <div className={styles.box} role="alertdialog" aria-labelledby={testIds.title} data-testid={testIds.box}>
      <p id={testIds.title} className={styles.warn}>
        {question}
      </p>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.code}>{item.text}</li>
        ))}
      </ul>
      <div className={styles.actions}>
        <BusyButton appearance="primary" busy={busy} onClick={onYes} data-testid={testIds.yes}>
          {yesLabel}
        </BusyButton>
        <BusyButton busy={false} onClick={onNo} data-testid={testIds.no}>
          {noLabel}
        </BusyButton>
      </div>
    </div>
  );
}
