import type { NavItem } from "@/app/_components/console-nav";
import type { Permission } from "@/server/permissions";

const SECTIONS: Array<{ label: string; segment: string; permission: Permission }> = [
  { label: "Home", segment: "home", permission: "team.read" },
  { label: "Users", segment: "users", permission: "members.read" },
  { label: "Groups", segment: "groups", permission: "groups.read" },
  { label: "Hosts", segment: "hosts", permission: "hosts.read" },
  { label: "Settings", segment: "settings", permission: "settings.read" },
  { label: "Subscription", segment: "subscription", permission: "subscription.read" },
  { label: "Audit log", segment: "audit", permission: "audit.read" },
];

/** The sections of a team the viewer holds the permission for, in menu order. */
export function teamNavigation(teamId: string, permissions: readonly Permission[]): NavItem[] {
  return SECTIONS.filter((section) => permissions.includes(section.permission)).map((section) => ({
    label: section.label,
    href: `/teams/${teamId}/${section.segment}`,
  }));
}
