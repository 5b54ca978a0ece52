// What every command gets: its arguments, the language, and where to write. Commands return an exit
// code (0 done, 1 done with validation errors, 2 unusable input or arguments) and never throw at the user.
import type { Lang } from "../shared/model";

export interface CliContext {
  /** Arguments after the command name. */
  args: string[];
  lang: Lang;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

export type ExitCode = 0 | 1 | 2;

export interface Command {
  /** One line for `chitieu --help`. */
  summary: { vi: string; en: string };
  run(ctx: CliContext): Promise<ExitCode>;
}

/** Bad arguments or an unusable input: shown as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
