// `npm run gas:push [-- --consolidation]`: lint, the Sheets add-on tests, the build, then
// `clasp push` from dist/gas (or dist/gas-consolidation) with the user's .clasp.json.
// The .clasp.json files are the user's own (git-ignored):
//   gas-addon/.clasp.json                the standard add-on's Apps Script project
//   gas-addon/consolidation/.clasp.json  the consolidation add-on's project
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildAll, EDITIONS, type EditionName } from "./build";

const ROOT = resolve(__dirname, "..", "..");
const EXAMPLE = join(ROOT, "gas-addon", ".clasp.json.example");
const PLACEHOLDER = "PASTE-THE-SCRIPT-ID-HERE";

export function claspFileOf(edition: EditionName, root = ROOT): string {
  return edition === "standard" ? join(root, "gas-addon", ".clasp.json") : join(root, "gas-addon", "consolidation", ".clasp.json");
}

/**
 * Why `clasp push` cannot run yet, or null. A missing file is created from the example, so the user
 * only has to paste the scriptId into it.
 */
export function claspConfigProblem(file: string, example = EXAMPLE): string | null {
  const howTo = [
    "Cách cấu hình (một lần):",
    "  1. npx clasp login            (đăng nhập tài khoản Google sở hữu dự án Apps Script)",
    "  2. Mở bảng tính → Tiện ích mở rộng → Apps Script → Cài đặt dự án → chép \"Mã tập lệnh\" (scriptId)",
    `  3. Dán scriptId vào ${file}`,
    "  4. npm run gas:push",
  ].join("\n");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    copyFileSync(example, file);
    return `Chưa có ${file}: đã tạo từ mẫu .clasp.json.example.\n${howTo}`;
  }
  let config: { scriptId?: unknown };
  try {
    config = JSON.parse(readFileSync(file, "utf8")) as { scriptId?: unknown };
  } catch {
    return `${file} không phải JSON hợp lệ.\n${howTo}`;
  }
  if (typeof config.scriptId !== "string" || config.scriptId.trim() === "" || config.scriptId === PLACEHOLDER) return `Chưa điền scriptId trong ${file}.\n${howTo}`;
  return null;
}

function step(title: string, command: string, args: string[], cwd = ROOT): void {
  console.log(`\n▶ ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) throw new Error(`Dừng lại: bước "${title}" không thành công.`);
}

async function main(): Promise<void> {
  const edition: EditionName = process.argv.includes("--consolidation") ? "consolidation" : "standard";
  const claspFile = claspFileOf(edition);
  const problem = claspConfigProblem(claspFile);
  if (problem) {
    console.error(problem);
    process.exitCode = 2;
    return;
  }
  step("Lint", "npx", ["eslint", "gas-addon"]);
  step("Kiểm thử", "npx", ["jest", "test/gas"]);
  console.log("\n▶ Đóng gói");
  await buildAll();
  const outDir = join(ROOT, EDITIONS[edition]);
  const config = JSON.parse(readFileSync(claspFile, "utf8")) as Record<string, unknown>;
  writeFileSync(join(outDir, ".clasp.json"), JSON.stringify({ ...config, rootDir: "." }, null, 2));
  step("Đẩy lên Apps Script", "npx", ["clasp", "push", "--force"], outDir);
  console.log(`\nĐã đẩy ${EDITIONS[edition]} lên dự án ${String(config.scriptId)}.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
