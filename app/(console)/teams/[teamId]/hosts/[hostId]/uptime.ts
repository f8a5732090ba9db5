/** How long a host has been up, in the two largest units worth saying ("3 days, 4 hours"). */
export function uptimeOf(startedAt: Date, now: Date): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
