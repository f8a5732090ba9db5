/** An absolute link into the console for mails, from its public origin (AUTH_URL). */
export function consoleUrl(path: string): string {
  const origin = process.env.AUTH_URL ? new URL(process.env.AUTH_URL).origin : "http://localhost:3000";
  return `${origin}${path}`;
}
