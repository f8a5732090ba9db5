import { describe, expect, it } from "vitest";
import { uptimeOf } from "./uptime";

const started = new Date("2026-03-01T08:00:00Z");

describe("a host's uptime", () => {
  it("counts whole days, hours and minutes since the server started", () => {
    expect(uptimeOf(started, new Date("2026-03-04T12:30:59Z"))).toEqual({ days: 3, hours: 4, minutes: 30 });
    expect(uptimeOf(started, new Date("2026-03-01T09:05:00Z"))).toEqual({ days: 0, hours: 1, minutes: 5 });
  });

  it("is nothing when the clocks disagree and the start looks later than now", () => {
    expect(uptimeOf(started, new Date("2026-03-01T07:59:00Z"))).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
