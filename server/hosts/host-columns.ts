import { hosts } from "@/db/schema";

/** What pages and APIs may show of a host: everything but how the console signs in to it. */
export const publicHostColumns = {
  id: hosts.id,
  teamId: hosts.teamId,
  kind: hosts.kind,
  name: hosts.name,
  hostname: hosts.hostname,
  region: hosts.region,
  computeSize: hosts.computeSize,
  filemakerVersion: hosts.filemakerVersion,
  status: hosts.status,
  statusSince: hosts.statusSince,
  startedAt: hosts.startedAt,
  lastPolledAt: hosts.lastPolledAt,
  lastPollError: hosts.lastPollError,
  createdAt: hosts.createdAt,
};
