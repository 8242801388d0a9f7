import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema, configReference } from "../../src/config/docs.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("generated config artefacts", () => {
  it("schema/guardrails.schema.json is up to date (run `npm run gen`)", () => {
    expect(JSON.parse(read("schema/guardrails.schema.json"))).toEqual(configJsonSchema());
  });

  it("docs/configuration.md is up to date (run `npm run gen`)", () => {
    expect(read("docs/configuration.md")).toBe(configReference());
  });

  it("documents every key with a description and forbids unknown keys", () => {
    const missing: string[] = [];
    const open: string[] = [];
    const visit = (node: Record<string, unknown>, path: string) => {
      const props = node.properties as Record<string, Record<string, unknown>> | undefined;
      if (!props) return;
      if (node.additionalProperties !== false) open.push(path || "(root)");
      for (const [k, child] of Object.entries(props)) {
        if (!child.description) missing.push(`${path}${k}`);
        visit(child, `${path}${k}.`);
      }
    };
    visit(configJsonSchema(), "");
    expect(missing).toEqual([]);
    expect(open).toEqual([]);
  });
});
