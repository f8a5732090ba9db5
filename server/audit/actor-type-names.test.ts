import { describe, expect, it } from "vitest";
import { actorType } from "@/db/schema/enums";
import { CATALOGS } from "@/lib/i18n/messages";

describe("the actor types the Audit log page names", () => {
  it("each have a name in every language, except a person's account, which needs none", () => {
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      const named = Object.keys(catalog.audit.actorTypes);
      expect(named, locale).toEqual(actorType.enumValues.filter((type) => type !== "account"));
    }
  });
});
