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

// A spread argument puts every element of the array on the call stack: Math.max(...xs) or
// push(...xs) over a data-sized array ("Maximum call stack size exceeded" at about 100,000
// elements, reached by the consolidation of the country's 3,321 units). Loop or reduce instead.
// Spreading an array literal is fine; for another provably small array, disable the rule on the
// line with the reason: `// eslint-disable-next-line chitieu/no-data-sized-spread -- at most 5`.
const SPREAD_SENSITIVE = new Set(["max", "min", "push", "unshift", "splice", "concat", "fromCharCode", "fromCodePoint"]);
const noDataSizedSpread = {
  meta: { type: "problem", schema: [], messages: { spread: "{{callee}}(...array) puts every element on the call stack and throws past ~100,000 elements: loop or reduce instead (or disable with the reason the array is small)." } },
  create(context) {
    const calleeName = (callee) => (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier" ? callee.property.name : null);
    return {
      CallExpression(node) {
        let name = calleeName(node.callee);
        let args = node.arguments;
        // Math.max.apply(null, xs) / out.push.apply(out, xs): the same stack, by another door.
        if (name === "apply" && node.callee.object.type === "MemberExpression") {
          name = calleeName(node.callee.object);
          if (name && SPREAD_SENSITIVE.has(name) && args[1] && args[1].type !== "ArrayExpression") context.report({ node: args[1], messageId: "spread", data: { callee: name } });
          return;
        }
        if (!name || !SPREAD_SENSITIVE.has(name)) return;
        for (const arg of args) if (arg.type === "SpreadElement" && arg.argument.type !== "ArrayExpression") context.report({ node: arg, messageId: "spread", data: { callee: name } });
      },
    };
  },
};

// The layers (plan → core workflow → host adapter), enforced so a wrong import fails the lint:
// shared/ is the pure core and imports nothing of the project outside itself (nor Node);
// xlsx-reader/ (bytes in, cells out) and docx-writer/ (report model in, .docx bytes out) import only
// shared/ (and their npm package); the hosts and the shared UI never import
// cli/; the UI never imports a host's code (it talks to a host through ui/host-port.ts only).
// Each folder has exactly one block here: flat config does not merge two no-restricted-imports.
const OUTSIDE = (folders) => folders.flatMap((f) => [`**/${f}`, `**/${f}/**`, `${f}/**`]);
const layer = (files, folders, why, extra = []) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: [...OUTSIDE(folders), ...extra], message: why }] }] },
});
const LAYERS = [
  layer(["shared/**/*.ts"], ["cli", "xlsx-reader", "excel-addin", "gas-addon", "ui", "test", "bench", "scripts"], "shared/ is the pure core: it imports nothing of the project outside itself.", ["node:*"]),
  layer(["xlsx-reader/**/*.ts"], ["cli", "excel-addin", "gas-addon", "ui", "test", "bench", "scripts"], "xlsx-reader/ is pure (bytes in, cells out): it imports shared/ only.", ["node:*"]),
  layer(["docx-writer/**/*.ts"], ["cli", "xlsx-reader", "excel-addin", "gas-addon", "ui", "test", "bench", "scripts"], "docx-writer/ is pure (report model in, .docx bytes out): it imports shared/ and the docx package only.", ["node:*"]),
  layer(["excel-addin/**/*.{ts,tsx}"], ["cli", "gas-addon", "test"], "A host never imports cli/ (nor the other host): the rule belongs in shared/, the reader in xlsx-reader/."),
  layer(["gas-addon/**/*.{ts,tsx}"], ["cli", "excel-addin", "test"], "A host never imports cli/ (nor the other host): the rule belongs in shared/, the reader in xlsx-reader/."),
  layer(["ui/**/*.{ts,tsx}"], ["cli", "excel-addin", "gas-addon", "test"], "ui/ is the same for both hosts: it talks to a host through ui/host-port.ts only.", ["office-js", "@types/office-js", "@types/google-apps-script"]),
];

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
    // The product's code (tests choose the size of what they spread).
    files: ["shared/**/*.ts", "cli/**/*.ts", "docx-writer/**/*.ts", "xlsx-reader/**/*.ts", "excel-addin/src/**/*.{ts,tsx}", "gas-addon/src/**/*.{ts,tsx}", "ui/**/*.{ts,tsx}", "bench/**/*.ts"],
    plugins: { chitieu: { rules: { "no-data-sized-spread": noDataSizedSpread } } },
    rules: { "chitieu/no-data-sized-spread": "error" },
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
  ...LAYERS,
);
