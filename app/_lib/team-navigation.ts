import "server-only";
import { getTranslations } from "next-intl/server";
import type { NavItem } from "@/app/_components/console-nav";
import type { Permission } from "@/server/permissions";

const SECTIONS = [
  { segment: "home", permission: "team.read" },
  { segment: "users", permission: "members.read" },
  { segment: "groups", permission: "groups.read" },
  { segment: "hosts", permission: "hosts.read" },
  { segment: "settings", permission: "settings.read" },
  { segment: "subscription", permission: "subscription.read" },
  { segment: "audit", permission: "audit.read" },
] as const satisfies ReadonlyArray<{ segment: string; permission: Permission }>;

/** The sections of a team the viewer holds the permission for, in menu order. */
export async function teamNavigation(teamId: string, permissions: readonly Permission[]): Promise<NavItem[]> {
  const t = await getTranslations("common.teamSections");
  return SECTIONS.filter((section) => permissions.includes(section.permission)).map((section) => ({
    label: t(section.segment),
    href: `/teams/${teamId}/${section.segment}`,
  }));
}
