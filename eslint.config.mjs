// ESLint (flat config): TypeScript's recommended rules everywhere, and for the Excel add-in the
// Office add-in rules of eslint-plugin-office-addins (load before read, no sync in a loop, no
// Office.initialize…). The plugin's own "recommended" preset also turns on Prettier formatting,
// which this project does not use, so its Office rules are listed here one by one.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactPlugin from "eslint-plugin-react";

const OFFICE_RULES = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test-artifacts/**", "out/**", "coverage/**", "bin/**", "**/*.cjs", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // TypeScript checks undefined names better than this rule (globals such as Office, Excel, window).
      "no-undef": "off",
    },
  },
  {
    files: ["excel-addin/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, react: reactPlugin },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "19" } },
    rules: {
      ...OFFICE_RULES,
      "react/jsx-key": "error",
      "react/jsx-no-target-blank": "error",
      "react/no-unescaped-entities": "error",
      "react/jsx-no-undef": "error",
    },
  },
);
