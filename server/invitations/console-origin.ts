/** The public origin that links in mails point to (`npm start` sets AUTH_URL). */
export function consoleOrigin(): string {
  return (process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
