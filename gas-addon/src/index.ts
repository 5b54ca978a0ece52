// The host-callable functions of the Sheets add-on, and only them: the build turns each export
// into a top-level function declaration of Code.js (menus, triggers and google.script.run need one).
export { onOpen, onInstall, openSidebar, menuLoadPlan, menuCheck, menuSummary, menuConsolidate } from "./server/menu";
export {
  getSidebarState,
  previewPlanText,
  loadPlan,
  checkFigures,
  activateCell,
  fixNumberAsText,
  buildSummary,
  startConsolidation,
  continueConsolidation,
  cancelConsolidation,
  writeAssignmentForm,
  setOverride,
  getDashboard,
  getWordReport,
  getDocxWriter,
  getSettings,
  saveSettings,
  getSelectedCode,
  readReport,
  enterReport,
  makeNextYear,
} from "./server/api";
