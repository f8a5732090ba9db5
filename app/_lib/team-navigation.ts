import type { NavItem, NavSection } from "@/app/_components/console-nav";
import type { Permission } from "@/server/permissions";

const SECTIONS: Array<{ section: NavSection; permission: Permission }> = [
  { section: "home", permission: "team.read" },
  { section: "users", permission: "members.read" },
  { section: "groups", permission: "groups.read" },
  { section: "hosts", permission: "hosts.read" },
  { section: "settings", permission: "settings.read" },
  { section: "subscription", permission: "subscription.read" },
  { section: "audit", permission: "audit.read" },
];

/** The sections of a team the viewer holds the permission for, in menu order. */
export function teamNavigation(teamId: string, permissions: readonly Permission[]): NavItem[] {
  return SECTIONS.filter(({ permission }) => permissions.includes(permission)).map(({ section }) => ({
    section,
    href: `/teams/${teamId}/${section}`,
  }));
}
