import { writeFile } from "node:fs/promises";
import { GENERATED_TYPES_PATH, generatedApiTypes } from "../rest/client/generate-types";

await writeFile(GENERATED_TYPES_PATH, await generatedApiTypes());
console.log(`Wrote ${GENERATED_TYPES_PATH}`);
