import { Code } from "./code";

/**
 * A description from the document. OpenAPI allows Markdown there; the page shows its paragraphs
 * and `code` spans and leaves other markup as written, so nothing in it becomes HTML.
 */
export function Description({ text, className = "" }: { text: string | undefined; className?: string }) {
  if (!text?.trim()) return null;
  return (
    <div className={`space-y-2 text-slate-700 dark:text-slate-300 ${className}`}>
      {text
        .trim()
        .split(/\n\s*\n/)
        .map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text never reorder
          <p key={index}>
            {paragraph.split(/(`[^`]+`)/).map((part, partIndex) =>
              part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed text never reorder
                <Code key={partIndex}>{part.slice(1, -1)}</Code>
              ) : (
                part
              ),
            )}
          </p>
        ))}
    </div>
  );
}
