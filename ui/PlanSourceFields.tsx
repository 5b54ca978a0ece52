// Where a plan comes from (Nạp, and Kế hoạch năm sau in Tổng hợp): the source select — a built-in
// plan, a JSON file, or the panel's own third way —, then the built-in plan select or the JSON file
// input. One component so both panels offer the plans in the same words; the panel keeps the state
// and renders its third way's fields itself, right after these.
import { useUi } from "./context";
import { Field, useControlClass } from "./controls";

/** A JSON plan as picked: its text and the file's name (shown as the hint and sent to the host). */
export type PlanFile = { text: string; file: string };

export function PlanSourceFields<Other extends string>({
  source,
  onSourceChange,
  sourceLabel,
  other,
  planId,
  onPlanChange,
  markLoaded = false,
  json,
  onJsonChange,
  testIds,
}: {
  source: "builtin" | "json" | Other;
  onSourceChange: (source: "builtin" | "json" | Other) => void;
  sourceLabel: string;
  /** The third option of the source select (Nạp: pasted text; next year: the same indicators). */
  other: { value: Other; label: string };
  planId: string;
  onPlanChange: (id: string) => void;
  /** Mark the plan already loaded in the list (Nạp, where the clerk may reload it). */
  markLoaded?: boolean;
  json: PlanFile | null;
  onJsonChange: (json: PlanFile) => void;
  testIds: { source: string; plan: string; jsonFile: string };
}) {
  const control = useControlClass();
  const { t, info } = useUi();
  return (
    <>
      <Field label={sourceLabel}>
        {(id) => (
          <select id={id} className={control} value={source} onChange={(e) => onSourceChange(e.target.value as "builtin" | "json" | Other)} data-testid={testIds.source}>
            <option value="builtin">{t("source.builtin")}</option>
            <option value="json">{t("source.json")}</option>
            <option value={other.value}>{other.label}</option>
          </select>
        )}
      </Field>
      {source === "builtin" && (
        <Field label={t("plan")}>
          {(id) => (
            <select id={id} className={control} value={planId} onChange={(e) => onPlanChange(e.target.value)} data-testid={testIds.plan}>
              {(info?.plans ?? []).map((p) => (
                <option key={p.id} value={p.id} title={p.title}>
                  {t("plan.option", { issuer: p.issuer, year: p.year, count: p.indicators })}
                  {markLoaded && p.id === info?.loaded?.planId ? t("plan.loaded-mark") : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {source === "json" && (
        <Field label={t("json.file")} hint={json ? t("json.picked", { file: json.file }) : undefined}>
          {(id) => (
            <input
              id={id}
              type="file"
              accept=".json,application/json"
              data-testid={testIds.jsonFile}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then((content) => onJsonChange({ text: content, file: file.name }));
              }}
            />
          )}
        </Field>
      )}
    </>
  );
}
