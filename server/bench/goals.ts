/** One line of a bench's verdict: the goal, the figure measured, and whether it was met. */
export function goal(label: string, measured: string, met: boolean): void {
  console.log(`${met ? "met   " : "missed"}  ${label.padEnd(56)} measured ${measured}`);
}
