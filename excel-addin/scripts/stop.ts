// `npm stop`: ends the server `npm start` left running (by the pid it wrote), and the sideloaded
// add-in where office-addin-debugging is installed.
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import { ROOT_MANIFEST } from "./manifest-checks";
import { dx } from "./messages";
import { PID_FILE } from "./start";

async function main(): Promise<void> {
  try {
    const debugging = (await import("office-addin-debugging" as string)) as { stopDebugging?: (manifest: string) => Promise<void> };
    await debugging.stopDebugging?.(ROOT_MANIFEST);
  } catch {
    // Not installed: nothing was sideloaded by it.
  }
  if (!existsSync(PID_FILE)) {
    console.log(dx("xl.dev.not-running", { file: PID_FILE }));
    return;
  }
  const pid = Number(readFileSync(PID_FILE, "utf8"));
  try {
    process.kill(pid, "SIGTERM");
    console.log(dx("xl.dev.stopped", { pid }));
  } catch {
    console.log(dx("xl.dev.stale", { pid, file: PID_FILE }));
  }
  if (existsSync(PID_FILE)) unlinkSync(PID_FILE);
}

void main();
