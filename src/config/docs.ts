import { z } from "zod";
import { configSchema } from "./schema.js";

type Json = { [key: string]: unknown };

/**
 * The JSON Schema for editors, generated from the zod schema (the single definition). A
 * profile's `rules` gets the shape of `rules` without defaults.
 */
export function configJsonSchema(): Json {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }) as Json;
  const props = schema.properties as Record<string, Json>;
  const rules = props.rules as Json;
  const profileProps = ((props.profiles as Json).additionalProperties as Json).properties as Record<
    string,
    Json
  >;
  profileProps.rules = {
    ...withoutDefaults(rules),
    description: "Rule settings that override `rules` for matching PRs (same keys as `rules`).",
  };
  return { title: "Guardrails configuration", ...schema };
}

function withoutDefaults(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withoutDefaults) as unknown as Json;
  if (node === null || typeof node !== "object") return node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "default") continue;
    out[k] = withoutDefaults(v);
  }
  return out;
}

/** The configuration reference in Markdown, generated from the same schema. */
export function configReference(): string {
  const lines = [
    "# Configuration reference",
    "",
    "<!-- Generated from src/config/schema.ts by `npm run gen`; do not edit by hand. -->",
    "",
    "Guardrails reads `.github/guardrails.yml` from the repository's **default branch** (never from",
    "the pull request), through Probot's config loader: a repository without the file uses the",
    "org's `.github` repository, and `_extends: <repo>` extends another config (arrays in the",
    "extending file replace those it extends). Unknown keys are errors. Editors can validate the",
    "file with the JSON Schema in `schema/guardrails.schema.json` (for example with a",
    "`# yaml-language-server: $schema=<url of that file>` line), and `guardrails validate <file>`",
    "checks it from the command line.",
    "",
    "| Key | Type | Default | Description |",
    "| --- | --- | --- | --- |",
  ];
  walk(configJsonSchema(), "", lines);
  lines.push(
    "",
    "A profile's `rules` takes the same keys as `rules` (see above), without defaults: only the",
    "keys it sets override the base rules, deep-merged. The first profile whose `when` matches",
    "(any one condition) applies, and the check names it.",
    "",
  );
  return lines.join("\n");
}

function walk(node: Json, path: string, lines: string[]): void {
  const props = node.properties as Record<string, Json> | undefined;
  if (!props) return;
  for (const [key, child] of Object.entries(props)) {
    const here = path ? `${path}.${key}` : key;
    if (key === "rules" && path.startsWith("profiles")) {
      lines.push(`| \`${here}\` | object | \`{}\` | ${cell(String(child.description ?? ""))} |`);
      continue;
    }
    lines.push(
      `| \`${here}\` | ${typeOf(child)} | ${child.default === undefined ? "" : `\`${JSON.stringify(child.default)}\``} | ${cell(String(child.description ?? ""))} |`,
    );
    walk(child, here, lines);
    const extra = child.additionalProperties;
    if (extra && typeof extra === "object") walk(extra as Json, `${here}.<name>`, lines);
  }
}

function typeOf(node: Json): string {
  if (Array.isArray(node.enum))
    return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (Array.isArray(node.anyOf)) return (node.anyOf as Json[]).map(typeOf).join(" \\| ");
  if (node.type === "array") return `${typeOf((node.items ?? {}) as Json)}[]`;
  if (
    node.type === "object" &&
    node.additionalProperties &&
    typeof node.additionalProperties === "object"
  )
    return "map";
  return String(node.type ?? "any");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
