/** The numbers of the password policy, which the forms' hints quote and the server enforces. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_SUGGESTED_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;
