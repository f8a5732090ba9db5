/** Runs `fn` `runs` times one after another and reports p50/p95 in milliseconds. */
export async function measure(runs: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { runs, p50: at(0.5), p95: at(0.95) };
}

export function report(label: string, result: { runs: number; p50: number; p95: number }) {
  console.log(
    `${label.padEnd(44)} p50 ${result.p50.toFixed(2).padStart(8)} ms   p95 ${result.p95.toFixed(2).padStart(8)} ms   (${result.runs} runs)`,
  );
}
