/** Milliseconds in a day: for periods counted in days, on the server and in the browser alike. */
export const DAY_MS = 24 * 60 * 60 * 1000;
