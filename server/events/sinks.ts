import { securityAlertsSink } from "../alerts/alerts-sink";
import { notificationsSink } from "../notifications/notifications-sink";
import { webhookSink } from "../webhooks/webhook-sink";
import type { EventSink } from "./event-rule";

/** Everything each event is handed to, in this order, in the dispatcher's transaction. */
export const EVENT_SINKS: readonly EventSink[] = [notificationsSink, webhookSink, securityAlertsSink];
