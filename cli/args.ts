// A small, strict argument reader: unknown flags are errors, not silently ignored.
import { UsageError } from "./context";
import { t } from "./i18n";
import type { Lang } from "../shared/model";

export interface FlagSpec {
  /** Takes a value (`--unit "Phường Đông Hải"`) or stands alone (`--json`). */
  value: boolean;
  /** May be given several times (values collected in order). */
  repeat?: boolean;
  alias?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[]>;
}

export function parseArgs(args: string[], spec: Record<string, FlagSpec>, lang: Lang): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs["flags"] = {};
  const aliases = new Map(Object.entries(spec).flatMap(([name, s]) => (s.alias ? [[s.alias, name] as const] : [])));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      for (const rest of args.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
      const [rawName, inline] = arg.replace(/^--?/, "").split(/=(.*)/s, 2) as [string, string | undefined];
      const name = aliases.get(rawName) ?? rawName;
      const flag = spec[name];
      if (!flag) throw new UsageError(t("cli.unknown-flag", { flag: arg }, lang));
      let value: string | boolean = true;
      if (flag.value) {
        const next = inline ?? args[++i];
        if (next === undefined) throw new UsageError(t("cli.flag-needs-value", { flag: `--${name}` }, lang));
        value = next;
      } else if (inline !== undefined) {
        throw new UsageError(t("cli.flag-no-value", { flag: `--${name}` }, lang));
      }
      if (flag.repeat) {
        const list = (flags[name] as string[] | undefined) ?? [];
        list.push(String(value));
        flags[name] = list;
      } else {
        flags[name] = value;
      }
      continue;
    }
    positionals.push(arg);
  }
  return { positionals, flags };
}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags[name];
  return typeof value === "string" ? value : undefined;
}

export function boolFlag(parsed: ParsedArgs, name: string): boolean {
  return parsed.flags[name] === true;
}
