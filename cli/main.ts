#!/usr/bin/env node
// `chitieu`: the core on .xlsx files and plan texts (../shared/spec/cli.md).
import { UsageError, type CliContext, type Command, type ExitCode } from "./context";
import { t } from "./i18n";
import type { Lang } from "../shared/model";

/** One line per command; each lives in cli/commands/<name>.ts and is loaded only when used. */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  plans: () => import("./commands/plans"),
  plan: () => import("./commands/plan"),
  parse: () => import("./commands/parse"),
  template: () => import("./commands/template"),
  check: () => import("./commands/check"),
  evaluate: () => import("./commands/evaluate"),
  summary: () => import("./commands/summary"),
  "next-year": () => import("./commands/next-year"),
  "read-report": () => import("./commands/read-report"),
  report: () => import("./commands/report"),
  "targets-form": () => import("./commands/targets-form"),
};

export interface RunOptions {
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  readStdin?: () => Promise<string>;
}

/** Runs one command line and returns its exit code; usable in-process by tests. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<ExitCode> {
  const stdout = options.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = options.stderr ?? ((s: string) => void process.stderr.write(s));
  const { lang, rest } = takeLang(argv);
  const [name, ...args] = rest;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    stdout(await helpText(lang));
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    stderr(t("cli.unknown-command", { command: name }, lang) + "\n");
    return 2;
  }
  const ctx: CliContext = {
    args,
    lang,
    cwd: options.cwd ?? process.cwd(),
    stdout,
    stderr,
    readStdin: options.readStdin ?? readProcessStdin,
  };
  try {
    const { command } = await load();
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(error.message + "\n");
      return 2;
    }
    // Anything else is our fault, not the user's: one line, no stack trace, and a way to report it.
    const detail = error instanceof Error ? error.message : String(error);
    stderr(t("cli.internal-error", { detail }, lang) + "\n");
    if (process.env.CHITIEU_DEBUG) stderr(String((error as Error)?.stack) + "\n");
    return 2;
  }
}

function takeLang(argv: string[]): { lang: Lang; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang = process.env.CHITIEU_LANG === "en" ? "en" : "vi";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--lang" || arg.startsWith("--lang=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++i];
      lang = value === "en" ? "en" : "vi";
      continue;
    }
    rest.push(arg);
  }
  return { lang, rest };
}

async function helpText(lang: Lang): Promise<string> {
  const lines = [t("cli.usage", {}, lang), ""];
  for (const [name, load] of Object.entries(COMMANDS)) {
    try {
      const { command } = await load();
      lines.push(`  ${name.padEnd(10)} ${command.summary[lang]}`);
    } catch {
      lines.push(`  ${name}`);
    }
  }
  lines.push("", t("cli.usage-lang", {}, lang), "");
  return lines.join("\n");
}

function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on("data", (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

if (require.main === module) {
  process.stdout.on("error", () => process.exit(0)); // `chitieu plans | head` closes the pipe early
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
