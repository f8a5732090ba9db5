import { useTranslations } from "next-intl";
import type { TagSection } from "../_lib/operations";
import { MethodBadge } from "./method-badge";

export const INTRO_ID = "getting-started";

const linkClass = "text-blue-700 hover:underline dark:text-blue-400";

/** Links to the introduction, each tag and each operation on the page. */
export function TableOfContents({ sections }: { sections: readonly TagSection[] }) {
  const t = useTranslations("apiDocs");
  return (
    <nav aria-labelledby="contents-title" className="text-sm">
      <h2
        id="contents-title"
        className="text-xs font-semibold tracking-wider text-slate-600 uppercase dark:text-slate-400"
      >
        {t("contents")}
      </h2>
      <ul className="mt-2 space-y-3">
        <li>
          <a href={`#${INTRO_ID}`} className={`${linkClass} font-medium`}>
            {t("intro.title")}
          </a>
        </li>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`} className={`${linkClass} font-medium`}>
              {section.tag.name}
            </a>
            <ul className="mt-1 space-y-1 pl-3">
              {section.operations.map(({ id, method, path, operation }) => (
                <li key={id} className="flex items-baseline gap-2">
                  <MethodBadge method={method} />
                  <a href={`#${id}`} className={linkClass}>
                    {operation.summary ?? path}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
