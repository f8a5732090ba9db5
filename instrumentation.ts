/** Runs once when the server starts: secrets are checked and migrations applied before any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadSecrets } = await import("./server/config/secrets");
  const { getDatabase } = await import("./server/database");
  loadSecrets();
  await getDatabase();
}
