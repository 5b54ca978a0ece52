// Runs first on the task pane page (before Office.js): says so in plain words when the pane has not
// started in time (ui/start-watchdog.ts).
import { watchStart } from "../../../ui/start-watchdog";

watchStart("excel");
