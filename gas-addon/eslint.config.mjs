// Lint for the Sheets add-on (used by `npm run gas:push` when the repository has no root config).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["gas-addon/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-globals": ["error", "setTimeout", "setInterval", "fetch", "window"],
    },
  },
  {
    files: ["gas-addon/src/sidebar/**/*.ts"],
    rules: { "no-restricted-globals": "off" },
  },
);
