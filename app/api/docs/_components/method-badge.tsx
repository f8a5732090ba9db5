import { Badge, type Tone } from "@/app/_components/ui";
import type { HttpMethod } from "../_lib/openapi";

/** Reads are blue, creations green, changes amber, removals red. */
const METHOD_TONES: Record<HttpMethod, Tone> = {
  get: "blue",
  head: "blue",
  options: "slate",
  trace: "slate",
  post: "green",
  put: "amber",
  patch: "amber",
  delete: "red",
};

export function MethodBadge({ method }: { method: HttpMethod }) {
  return (
    <Badge tone={METHOD_TONES[method]}>
      <span className="font-mono">{method.toUpperCase()}</span>
    </Badge>
  );
}
