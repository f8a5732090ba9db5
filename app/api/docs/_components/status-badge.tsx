import { Badge, type Tone } from "@/app/_components/ui";

/** Success green, redirects blue, refusals amber, failures red. */
function toneOf(status: string): Tone {
  if (status.startsWith("2")) return "green";
  if (status.startsWith("3")) return "blue";
  if (status.startsWith("4")) return "amber";
  if (status.startsWith("5")) return "red";
  return "slate";
}

/** A response's status code ("200", "4XX" or "default"). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={toneOf(status)}>
      <span className="font-mono">{status}</span>
    </Badge>
  );
}
