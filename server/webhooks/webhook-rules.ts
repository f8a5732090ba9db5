import { DAY_MS } from "@/lib/time";

/** Endpoints a team may have: enough for every integration, few enough to review. */
export const MAX_ENDPOINTS_PER_TEAM = 20;
export const ENDPOINT_URL_MAX = 2_000;
export const ENDPOINT_DESCRIPTION_MAX = 200;

/** A delivery is retried for 3 days after the event, the last time when they are up; then it has failed. */
export const RETRY_WINDOW_MS = 3 * DAY_MS;

/**
 * An endpoint to which no attempt has succeeded for this long, while attempts kept failing, is
 * disabled by itself and its managers are told: a delivery that failed its last retry with no
 * success in between is enough, since its retries spanned 3 days.
 */
export const DISABLE_AFTER_FAILING_MS = 3 * DAY_MS;

/** After a rotation the old secret signs beside the new one for a day, while the receiver switches. */
export const SECRET_OVERLAP_MS = DAY_MS;

/** Deliveries are kept 30 days for the log, then removed. */
export const DELIVERY_RETENTION_DAYS = 30;

export const DELIVERY_LOG_PAGE_SIZE = 25;
