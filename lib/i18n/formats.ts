import type { Formats } from "next-intl";

/** The console shows times in UTC, saying so, in every language. */
export const TIME_ZONE = "UTC";

/** Named formats for `format.dateTime(value, "dateTime")` and friends, the same in each language. */
export const FORMATS = {
  dateTime: {
    dateTime: { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE },
    date: { dateStyle: "medium", timeZone: TIME_ZONE },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
  },
} satisfies Formats;
