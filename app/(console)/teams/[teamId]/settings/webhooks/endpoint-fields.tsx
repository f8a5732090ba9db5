"use client";

import { useTranslations } from "next-intl";
import { Checkbox, KeptField } from "@/app/_components/form-parts";

/** The public event types, grouped by what they are about ("member", "group" …). */
export type EventTypeGroups = Array<{
  group: "member" | "group" | "host" | "subscription" | "team" | "connect";
  types: string[];
}>;

/** URL, description and events: the settings an endpoint is added with and edited by. */
export function EndpointFields({
  groups,
  url = "",
  description = "",
  eventTypes = [],
}: {
  groups: EventTypeGroups;
  url?: string;
  description?: string;
  eventTypes?: string[];
}) {
  const t = useTranslations("webhooks");
  const all = eventTypes.includes("*");
  return (
    <>
      <KeptField
        name="url"
        type="url"
        label={t("form.url")}
        hint={t("form.urlHint")}
        required
        maxLength={2000}
        autoComplete="off"
        defaultValue={url}
      />
      <KeptField
        name="description"
        label={t("form.description")}
        hint={t("form.descriptionHint")}
        maxLength={200}
        autoComplete="off"
        defaultValue={description}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("form.events")}</legend>
        <p className="mb-2 text-xs text-slate-500 dark:text-slate-400">{t("form.eventsHint")}</p>
        <Checkbox name="eventTypes" value="*" label={t("form.allEvents")} defaultChecked={all} />
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {groups.map(({ group, types }) => (
            <fieldset key={group}>
              <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                {t(`groups.${group}`)}
              </legend>
              <div className="flex flex-col gap-1">
                {types.map((type) => (
                  <Checkbox
                    key={type}
                    name="eventTypes"
                    value={type}
                    label={`${t(`types.${type}` as "types.member.invited")} (${type})`}
                    defaultChecked={!all && eventTypes.includes(type)}
                  />
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      </fieldset>
    </>
  );
}
