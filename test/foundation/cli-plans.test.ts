import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { runCli } from "../../cli/main";

async function run(args: string[], cwd = process.cwd()) {
  let out = "";
  let err = "";
  const code = await runCli(args, { cwd, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const SEEDS = resolve(__dirname, "../../../shared/seeds");

describe("chitieu plans / plan", () => {
  test("plans --json lists the five built-in plans with their seed files", async () => {
    const { code, out } = await run(["plans", "--json"]);
    expect(code).toBe(0);
    const plans = JSON.parse(out) as { id: string; source: string; level: string; year: number; indicators: number; issuer: string }[];
    expect(plans.map((p) => p.id).sort()).toEqual(["do-son-2025", "dong-hai-2025", "hai-phong-232-2025", "kien-an-2025", "nguyen-luong-bang-2025"]);
    const bySource = Object.fromEntries(plans.map((p) => [p.source, p]));
    expect(bySource["003_a61cb8ce684c88c5.txt"].issuer).toBe("UBND thành phố Hải Phòng");
    expect(bySource["003_a61cb8ce684c88c5.txt"].level).toBe("tinh");
    expect(bySource["000_63148cbb9db62063.txt"].level).toBe("huyen");
    expect(bySource["002_7a297305dc3e1c39.txt"].level).toBe("xa");
    for (const p of plans) {
      expect(p.year).toBe(2025);
      expect(p.indicators).toBeGreaterThanOrEqual(15);
    }
  });

  test("plans prints a table for people", async () => {
    const { code, out } = await run(["plans"]);
    expect(code).toBe(0);
    expect(out).toContain("Các kế hoạch có sẵn");
    expect(out).toMatch(/hai-phong-232-2025\s+tinh\s+2025/);
  });

  test("plan <id> prints the city plan's indicators with Vietnamese numbers", async () => {
    const { code, out } = await run(["plan", "hai-phong-232-2025"]);
    expect(code).toBe(0);
    expect(out).toContain("Tỷ lệ thất nghiệp khu vực thành thị");
    expect(out).toContain("< 2,5");
    expect(out).toContain("165.011,59");
  });

  test("plan <id> --json is the Plan contract and round-trips through a file", async () => {
    const { out } = await run(["plan", "hai-phong-232-2025", "--json"]);
    const plan = JSON.parse(out);
    expect(plan.id).toBe("hai-phong-232-2025");
    const dir = mkdtempSync(join(tmpdir(), "chitieu-plan-"));
    writeFileSync(join(dir, "city.json"), out);
    const again = await run(["plan", "city.json", "--json"], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual(plan);
  });

  test("English on request", async () => {
    const { out } = await run(["--lang", "en", "plans"]);
    expect(out).toContain("Built-in plans");
  });

  test.each([
    [["plan"], /^Thiếu mã hoặc tệp kế hoạch\. Cách dùng: chitieu plan <id\|file\.json> \[--json\]\n$/],
    [["plan", "khong-co"], /^Không tìm thấy kế hoạch "khong-co"/],
    [["plan", "missing.json"], /^Không đọc được tệp missing\.json: không có tệp này\n$/],
    [["plans", "--bogus"], /^Tham số không hợp lệ: --bogus\n$/],
    [["frobnicate"], /^Không có lệnh "frobnicate"/],
  ])("bad arguments %p: exit 2 with one clear line", async (args, message) => {
    const { code, err, out } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
  });

  test("a broken plan file: exit 2, one line naming the file and the JSON paths", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-plan-"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ id: "Bad Id", title: "x", issuer: "y", level: "xa", year: 2025, source: null, indicators: [] }));
    const { code, err } = await run(["plan", "bad.json"], dir);
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("bad.json");
    expect(err).toContain("id: mã kế hoạch chỉ gồm chữ thường");
    expect(err).toContain("indicators: giá trị quá nhỏ");
  });

  test("the built-in plans' sources are the seed files beside the checkout", async () => {
    const { out } = await run(["plans", "--json"]);
    for (const p of JSON.parse(out) as { source: string }[]) {
      expect(spawnSync("test", ["-f", join(SEEDS, p.source)]).status).toBe(0);
    }
  });
});
