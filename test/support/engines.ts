// The one policy for tests that need a program outside Node (a real engine): LibreOffice, Gnumeric,
// Chromium, xmllint, pdftoppm.
// - Without the program, its tests are skipped LOUDLY: the skipped titles carry a marker
//   "[no LibreOffice: apt-get install libreoffice-calc]" that test/support/count-reporter.cjs counts
//   and prints, one line per missing engine, and in the closing "tests: …" line, so nobody takes a
//   skip for a pass.
// - Under CI (CI=true) a missing program is a failure instead: CI must run every test.
// `npm run setup` (scripts/setup.sh) installs them all.
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export type EngineName = "libreoffice" | "libreoffice-writer" | "libreoffice-draw" | "gnumeric" | "chromium" | "xmllint" | "pdftoppm";

interface Engine {
  label: string;
  debian: string;
  /** Absolute paths tried first, then these commands on PATH. */
  paths: string[];
  commands: string[];
}

const ENGINES: Record<EngineName, Engine> = {
  libreoffice: {
    label: "LibreOffice",
    debian: "libreoffice-calc",
    paths: ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"],
    commands: ["soffice", "libreoffice"],
  },
  // Writer opens the .docx report and Draw turns its chart SVG into a picture: Debian packages them
  // apart from Calc, and soffice alone refuses a .docx without Writer ("source file could not be loaded").
  "libreoffice-writer": { label: "LibreOffice Writer", debian: "libreoffice-writer", paths: ["/usr/lib/libreoffice/program/libswlo.so", "/opt/libreoffice/program/libswlo.so"], commands: [] },
  "libreoffice-draw": { label: "LibreOffice Draw", debian: "libreoffice-draw", paths: ["/usr/lib/libreoffice/program/libsdlo.so", "/opt/libreoffice/program/libsdlo.so"], commands: [] },
  gnumeric: { label: "Gnumeric", debian: "gnumeric", paths: ["/usr/bin/ssconvert"], commands: ["ssconvert"] },
  // Debian's Chromium only: playwright-core never downloads a browser here.
  chromium: { label: "Chromium", debian: "chromium", paths: ["/usr/bin/chromium"], commands: [] },
  xmllint: { label: "xmllint", debian: "libxml2-utils", paths: ["/usr/bin/xmllint"], commands: ["xmllint"] },
  pdftoppm: { label: "pdftoppm", debian: "poppler-utils", paths: ["/usr/bin/pdftoppm"], commands: ["pdftoppm", "pdftotext"] },
};

const found = new Map<EngineName, string | null>();

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return null;
}

/** The program's path, or null when it is not installed. */
export function findEngine(name: EngineName): string | null {
  // CHITIEU_TEST_WITHOUT=libreoffice,chromium pretends those are not installed, so the fresh-machine
  // policy can be tried (and is tested) on a machine that has them.
  if ((process.env.CHITIEU_TEST_WITHOUT ?? "").split(",").map((s) => s.trim()).includes(name)) return null;
  if (!found.has(name)) {
    const engine = ENGINES[name];
    const path = engine.paths.find((p) => existsSync(p)) ?? engine.commands.map(onPath).find((p) => p !== null) ?? null;
    found.set(name, path);
  }
  return found.get(name) ?? null;
}

export function hasEngines(names: EngineName[]): boolean {
  return names.every((n) => findEngine(n) !== null);
}

/** The path of an engine a test runs; throws (a test failure, never a silent pass) when absent. */
export function enginePath(name: EngineName): string {
  const path = findEngine(name);
  if (path === null) throw new Error(missingLine(name));
  return path;
}

/** "[no LibreOffice: apt-get install libreoffice-calc]": the marker the count reporter reads. */
export function skipMarker(name: EngineName): string {
  const e = ENGINES[name];
  return `[no ${e.label}: apt-get install ${e.debian}]`;
}

function missingLine(name: EngineName): string {
  const e = ENGINES[name];
  return `${e.label} is not installed (Debian package ${e.debian}; install with: apt-get install ${e.debian}, or npm run setup)`;
}

const underCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? "");

function missing(names: EngineName[]): EngineName[] {
  return names.filter((n) => findEngine(n) === null);
}

type Names = EngineName | EngineName[];
const list = (names: Names): EngineName[] => (Array.isArray(names) ? names : [names]);

/**
 * describe() when every engine is there; otherwise a skipped describe whose title carries the
 * markers (or, under CI, one failing test naming what is missing).
 */
export function describeWithEngine(names: Names, title: string, body: () => void): void {
  const absent = missing(list(names));
  if (absent.length === 0) {
    describe(title, body);
  } else if (underCI()) {
    describe(title, () => {
      test(`needs ${absent.map((n) => ENGINES[n].label).join(", ")}`, () => {
        throw new Error(`CI must run every test: ${absent.map(missingLine).join("; ")}`);
      });
    });
  } else {
    describe.skip(`${title} ${absent.map(skipMarker).join(" ")}`, body);
  }
}

/** test() when every engine is there; otherwise skipped with the markers (failing under CI). */
export function testWithEngine(names: Names, title: string, fn: () => unknown, timeout?: number): void {
  const absent = missing(list(names));
  if (absent.length === 0) {
    test(title, fn as jest.ProvidesCallback, timeout);
  } else if (underCI()) {
    test(title, () => {
      throw new Error(`CI must run every test: ${absent.map(missingLine).join("; ")}`);
    });
  } else {
    test.skip(`${title} ${absent.map(skipMarker).join(" ")}`, fn as jest.ProvidesCallback, timeout);
  }
}
