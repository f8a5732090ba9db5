import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { CATALOGS } from "./messages";

/** "users.invite.title" for every leaf of a catalog. */
function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
}

/** The names of a message's arguments, from its ICU syntax tree: "{count, plural, …} {email}" → ["count", "email"]. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && element.type !== TYPE.literal) {
        names.add(String(element.value));
      }
      if ("options" in element) for (const option of Object.values(element.options)) walk(option.value);
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe("the message catalogs", () => {
  const english = keysOf(CATALOGS.en).sort();

  it.each(LOCALES.filter((locale) => locale !== "en"))("%s has every English key and no other", (locale) => {
    expect(keysOf(CATALOGS[locale]).sort()).toEqual(english);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    const empty = keysOf(CATALOGS[locale]).filter((key) => String(leaf(CATALOGS[locale], key)).trim() === "");
    expect(empty).toEqual([]);
  });

  it.each(LOCALES.filter((locale) => locale !== "en"))("%s uses the same arguments as English", (locale) => {
    const differing = english.filter(
      (key) =>
        argumentsOf(String(leaf(CATALOGS.en, key))).join() !== argumentsOf(String(leaf(CATALOGS[locale], key))).join(),
    );
    expect(differing).toEqual([]);
  });
});
