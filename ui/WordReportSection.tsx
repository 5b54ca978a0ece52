// "Xuất báo cáo Word": the Decree 30 report of the workbook as a .docx download. The host builds the
// bytes in the pane (Excel: the writer loaded on the click; Sheets: the model from the server and the
// writer as a second HtmlService file, no new scope); here they become a Blob offered as a download,
// with a link kept on screen to download it again (a web view that ignores the automatic click still
// lets the clerk click the link). A host without it (an older installation) gives the CLI route.
import { useEffect, useRef, useState } from "react";
import { useAction, useUi } from "./context";
import { BusyButton, NoticeLine } from "./controls";
import { useStyles } from "./styles";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function WordReportSection() {
  const styles = useStyles();
  const { port, lang, t } = useUi();
  const exporting = useAction();
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  // The previous file's URL is released when a new one replaces it or the pane closes.
  useEffect(() => () => void (file && URL.revokeObjectURL(file.url)), [file]);
  useEffect(() => {
    if (file) link.current?.click();
  }, [file]);

  const wordReport = port.wordReport?.bind(port);
  const exportReport = () => {
    if (!wordReport) return;
    void exporting.run(
      () => wordReport(lang),
      (done) => {
        const blob = new Blob([done.bytes as BlobPart], { type: DOCX_TYPE });
        setFile({ url: URL.createObjectURL(blob), name: done.fileName });
        return done.message;
      },
    );
  };

  return (
    <div className={styles.section} data-testid="word-report">
      <h2 className={styles.h2}>{t("word")}</h2>
      {!wordReport ? (
        <p className={styles.info} data-testid="word-report-cli">
          {t("word.sheets")}
        </p>
      ) : (
        <>
          <p className={styles.small}>{t("word.hint")}</p>
          <div className={styles.actions}>
            <BusyButton busy={exporting.busy} onClick={exportReport} data-testid="word-report-export">
              {t("word.export")}
            </BusyButton>
          </div>
          <NoticeLine notice={exporting.notice} testId="word-report-notice" />
          {file && (
            <a ref={link} href={file.url} download={file.name} data-testid="word-report-link">
              {t("word.again", { file: file.name })}
            </a>
          )}
          <p className={styles.small}>{t("word.no-download")}</p>
        </>
      )}
    </div>
  );
}
