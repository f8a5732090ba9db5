import { EVENT_TYPE_NAMES } from "@/server/webhooks/event-types";
import type { EventTypeGroups } from "./endpoint-fields";

/** The catalogue's types under the heading of what they are about, in the catalogue's order. */
export function eventTypeGroups(): EventTypeGroups {
  const groups: EventTypeGroups = [];
  for (const type of EVENT_TYPE_NAMES) {
    const group = type.split(".")[0] as EventTypeGroups[number]["group"];
    const last = groups.at(-1);
    if (last?.group === group) last.types.push(type);
    else groups.push({ group, types: [type] });
  }
  return groups;
}
