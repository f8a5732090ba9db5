/** A shell command to copy; long lines wrap, so that nothing needs scrolling sideways. */
export function CurlBlock({ command }: { command: string }) {
  return (
    <pre className="mt-2 rounded-md bg-slate-900 p-4 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-100 [overflow-wrap:anywhere] dark:bg-black dark:ring-1 dark:ring-slate-800">
      <code>{command}</code>
    </pre>
  );
}
