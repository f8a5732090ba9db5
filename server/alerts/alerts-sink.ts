import type { EventSink } from "../events/event-rule";
import { alertsOfEvent } from "./event-alerts";
import { raiseAlert } from "./raise-alert";

/**
 * Raises the alerts of each event in the dispatcher's transaction: a crash before the commit
 * raises nothing and the retry raises it once, and an event is never alerted twice.
 */
export const securityAlertsSink: EventSink = {
  name: "security-alerts",
  async fanOut(tx, event, now) {
    for (const alert of await alertsOfEvent(tx, event)) await raiseAlert(tx, alert, now);
  },
};
