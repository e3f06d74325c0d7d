import { describe, expect, it } from "vitest";
import { capabilityName, unsafeCapability } from "./capability-policy.ts";

describe("capabilities", () => {
  it("accepts the default set and the few namespaced extras, in any spelling", () => {
    expect(
      unsafeCapability(["NET_ADMIN", "cap_net_raw", "Cap_Sys_Ptrace", "chown", " KILL "]),
    ).toBeUndefined();
  });
  it("names the first one outside the safe set", () => {
    for (const cap of [
      "ALL",
      "SYS_ADMIN",
      "CAP_SYS_MODULE",
      "sys_time",
      "SYS_RAWIO",
      "SYS_BOOT",
      "DAC_READ_SEARCH",
    ])
      expect(unsafeCapability(["CHOWN", cap])).toBe(capabilityName(cap));
    expect(unsafeCapability([42])).toBe("42");
  });
});
