import { describe, expect, it } from "vitest";
import { formatBytes, formatCents, formatDate, formatDateTime, formatNumber } from "./format";

const moment = new Date("2026-12-02T17:20:00Z");

describe("formatting for the reader's language", () => {
  it("writes times in UTC and says so", () => {
    expect(formatDateTime(moment, "en")).toBe("Dec 2, 2026, 5:20 PM UTC");
    expect(formatDateTime(moment, "nl")).toBe("2 dec 2026, 17:20 UTC");
    expect(formatDate(moment, "nl")).toBe("2 dec 2026");
  });

  it("writes numbers and sizes with the language's separators", () => {
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
    expect(formatNumber(1234567, "nl")).toBe("1.234.567");
    expect(formatBytes(1_500_000_000, "en")).toBe("1.5 GB");
    expect(formatBytes(1_500_000_000, "nl")).toBe("1,5 GB");
    expect(formatBytes(512, "en")).toBe("512 B");
  });

  it("writes money from cents exactly, however large", () => {
    expect(formatCents(123450, "USD", "en")).toBe("$1,234.50");
    expect(formatCents(-1200, "USD", "en")).toBe("-$12.00");
    expect(formatCents(900719925474099, "USD", "en")).toBe("$9,007,199,254,740.99");
    // Dutch puts a no-break space between symbol and amount.
    expect(formatCents(123450, "USD", "nl")).toBe("US$\u00a01.234,50");
  });
});
