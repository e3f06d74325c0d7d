import { defineConfig } from "vitest/config";

// Unit tests sit next to the code and use fakes. Integration tests (test/) run against the
// real engine, images and mirror, which test/global-setup.ts prepares the same way `npm start`
// does. Both run in one `npm test`.
export default defineConfig({
  test: {
    // Two cores, one engine: test files run one at a time; tests inside a file may overlap.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "server/src/**/*.test.ts",
            "common/**/*.test.ts",
            "checkers/**/*.test.ts",
            "client/src/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts", "test/browser/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
