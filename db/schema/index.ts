import "server-only";

export * from "./account-security";
export * from "./accounts";
export * from "./api-tokens";
export * from "./audit";
export * from "./audit-anchors";
export * from "./billing";
export * from "./connect";
export * from "./enums";
export * from "./groups";
export * from "./hosts";
export * from "./identity-providers";
export * from "./invitations";
export * from "./mail";
export * from "./memberships";
export * from "./ownership-transfers";
export * from "./staff";
export * from "./teams";
