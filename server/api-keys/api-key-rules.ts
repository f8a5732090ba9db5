/** How long a new key lives, in days: no key lives forever. */
export const API_KEY_EXPIRY_DAYS_MIN = 30;
export const API_KEY_EXPIRY_DAYS_MAX = 365;
export const API_KEY_EXPIRY_DAYS_DEFAULT = 90;
/** The lifetimes the page offers. */
export const API_KEY_EXPIRY_CHOICES = [30, 90, 180, 365] as const;

export const API_KEY_NAME_MAX = 100;

/** Unrevoked, unexpired keys a team may hold at once: enough for every integration, few enough to review. */
export const MAX_LIVE_API_KEYS = 50;

/** The creator is reminded this many days before a key expires. */
export const API_KEY_EXPIRY_NOTICE_DAYS = 14;
