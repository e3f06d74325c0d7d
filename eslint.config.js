// Lint holds two architectural lines: Docker stays behind the sandbox driver, and
// process.env is read only by config.ts (config is parsed once).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // .slipway/ is the state directory: scratch and installed tools (the WeTTY bench) live there.
  { ignores: ["node_modules/**", "client/dist/**", ".slipway/**", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "dockerode", message: "Docker stays behind server/src/sandbox/docker." }] },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in server/src/config.ts only." },
      ],
    },
  },
  {
    files: ["server/src/sandbox/docker/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["server/src/config.ts", "test/**/*.ts", "bench/**/*.ts", "**/*.test.ts", "vitest.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
);
