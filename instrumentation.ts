/**
 * Runs once when the server starts: secrets are checked and migrations applied before any
 * request, then the background jobs start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadAuditSigningKeys, loadSecrets } = await import("./server/config/secrets");
  const { getDatabase } = await import("./server/database");
  const { jobIntervalMs, startJobRunner } = await import("./server/jobs/job-runner");
  const { serverJobs } = await import("./server/jobs/jobs");
  const { systemClock } = await import("./server/clock");
  loadSecrets();
  loadAuditSigningKeys();
  const intervalMs = jobIntervalMs();
  const { db } = await getDatabase();
  startJobRunner(db, systemClock, serverJobs(), intervalMs);
}
