import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

// Unit tests sit next to the code and use fakes. Integration tests (test/) run against the
// real engine, images and mirror, which test/global-setup.ts prepares the same way `npm start`
// does. All run in one `npm test`.
//
// The lab gate (`lab test --all`) is the longest file by far and limits its own sessions
// (--jobs): it goes first, and the other files run one at a time beside it. More at once only
// crowded two cores (load 30, with checks and pulls timing out) and finished no sooner.
const LAB_GATE = "test/lab-test.test.ts";

class LabGateFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const gate = (f: TestSpecification) => f.moduleId.endsWith(LAB_GATE);
    return [...sorted.filter(gate), ...sorted.filter((f) => !gate(f))];
  }
}

export default defineConfig({
  test: {
    maxWorkers: 2,
    minWorkers: 1,
    sequence: { sequencer: LabGateFirst },
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
