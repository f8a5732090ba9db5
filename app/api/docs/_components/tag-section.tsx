import type { TagSection as Section } from "../_lib/operations";
import { Description } from "./description";
import { OperationSection } from "./operation-section";
import type { ReferenceContext } from "./reference-context";

/** A tag of the document: its heading, what it is about, and its operations. */
export function TagSection({ section, context }: { section: Section; context: ReferenceContext }) {
  return (
    <section aria-labelledby={section.id} className="space-y-4">
      <div>
        <h2 id={section.id} className="scroll-mt-6 text-xl font-semibold tracking-tight">
          {section.tag.name}
        </h2>
        <Description text={section.tag.description} className="mt-1 text-sm" />
      </div>
      {section.operations.map((entry) => (
        <OperationSection key={entry.id} entry={entry} context={context} />
      ))}
    </section>
  );
}
