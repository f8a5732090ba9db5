import type { Actor, RequestMeta } from "./actor";
import type { Clock } from "./clock";

/** What every domain function is told about the operation it performs. */
export interface DomainContext {
  actor: Actor;
  clock: Clock;
  request: RequestMeta;
}
