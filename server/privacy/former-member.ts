import type { ErasedValueNames } from "../audit/erase-personal-fields";

/** How people read in a team's records once their personal data there is erased. */
export const FORMER_MEMBER_NAMES: ErasedValueNames = {
  email: (accountId) => (accountId ? `former-member-${accountId}@invalid` : "former-member@invalid"),
  name: "Former member",
};
