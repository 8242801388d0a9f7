import { mkdirSync, writeFileSync } from "node:fs";
import { configJsonSchema, configReference } from "../src/config/docs.js";

/** Writes the editor JSON Schema and the configuration reference from the zod schema. */
mkdirSync("schema", { recursive: true });
writeFileSync("schema/guardrails.schema.json", `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
writeFileSync("docs/configuration.md", configReference());
process.stdout.write("wrote schema/guardrails.schema.json and docs/configuration.md\n");
