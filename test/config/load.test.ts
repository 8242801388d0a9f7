import { describe, expect, it } from "vitest";
import { formatConfigError, parseConfigText } from "../../src/config/load.js";

function errorsOf(text: string) {
  const r = parseConfigText(text, ".github/guardrails.yml");
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("parseConfigText", () => {
  it("gives useful defaults for an empty file", () => {
    const r = parseConfigText("");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.rules.size.max_changed_lines).toBe(500);
    expect(r.config.rules.size.default_ignores).toBe(true);
    expect(r.config.rules.size.labels.thresholds).toEqual({ XS: 10, S: 100, M: 300, L: 1000 });
    expect(r.config.comment).toEqual({ enabled: true, when_clean: "update" });
    expect(r.config.profiles).toEqual([]);
  });

  it.each([
    {
      name: "wrong type",
      text: "rules:\n  size:\n    max_files: many\n",
      path: "rules.size.max_files",
      line: 3,
      found: '"many" (string)',
      allowed: "number",
    },
    {
      name: "unknown key",
      text: "rules:\n  size:\n    max_filez: 3\n",
      path: "rules.size.max_filez",
      line: 3,
      found: 'unknown key "max_filez"',
      allowed: '"max_files"',
    },
    {
      name: "unknown top-level key",
      text: "size: {}\n",
      path: "size",
      line: 1,
      found: 'unknown key "size"',
      allowed: '"rules"',
    },
    {
      name: "bad enum",
      text: "comment:\n  when_clean: hide\n",
      path: "comment.when_clean",
      line: 2,
      found: '"hide"',
      allowed: '"update", "delete"',
    },
    {
      name: "negative limit",
      text: "rules:\n  size:\n    max_changed_lines: -5\n",
      path: "rules.size.max_changed_lines",
      line: 3,
      found: "-5 (number)",
      allowed: "greater than 0",
    },
    {
      name: "thresholds out of order",
      text: "rules:\n  size:\n    labels:\n      thresholds: { XS: 100, S: 50 }\n",
      path: "rules.size.labels.thresholds",
      line: 4,
      found: '"XS":100',
      allowed: "XS < S < M < L",
    },
  ])("locates $name", ({ text, path, line, found, allowed }) => {
    const [e, ...rest] = errorsOf(text);
    expect(rest).toEqual([]);
    expect(e?.path).toBe(path);
    expect(e?.line).toBe(line);
    expect(e?.found).toContain(found);
    expect(e?.allowed).toContain(allowed);
    expect(formatConfigError(e!)).toContain(`.github/guardrails.yml:${line} ${path}`);
  });

  it("reports broken YAML with its line, without throwing", () => {
    const [e] = errorsOf("rules:\n  size: [\n    max_files: 3\n");
    expect(e?.found).toMatch(/invalid YAML/);
    expect(e?.line).toBeGreaterThanOrEqual(2);
  });

  it("rejects a config that is not a mapping", () => {
    const [e] = errorsOf("- a\n- b\n");
    expect(e?.found).toContain("array");
  });

  it("reports every error, not only the first", () => {
    expect(errorsOf("rules:\n  size:\n    max_files: x\n    bogus: 1\n")).toHaveLength(2);
  });
});

describe("profiles", () => {
  it("deep-merges a profile's rules over the base rules", () => {
    const r = parseConfigText(
      [
        "rules:",
        "  size: { max_changed_lines: 400, ignore: ['docs/**'] }",
        "profiles:",
        "  agent:",
        "    when: { authors: ['*[bot]'], labels: ['ai-generated'] }",
        "    rules:",
        "      size: { max_changed_lines: 200 }",
      ].join("\n"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const agent = r.config.profiles[0]!;
    expect(agent.name).toBe("agent");
    expect(agent.rules.size.max_changed_lines).toBe(200);
    expect(agent.rules.size.ignore).toEqual(["docs/**"]);
    expect(r.config.rules.size.max_changed_lines).toBe(400);
  });

  it("locates errors inside a profile's overrides at the profile's key", () => {
    const errors = errorsOf(
      "profiles:\n  agent:\n    when: { labels: [x] }\n    rules:\n      size: { max_files: -1, nope: 2 }\n",
    );
    expect(errors.map((e) => e.path)).toEqual([
      "profiles.agent.rules.size.max_files",
      "profiles.agent.rules.size.nope",
    ]);
    expect(errors.every((e) => e.line === 5)).toBe(true);
  });

  it("rejects unknown condition keys", () => {
    const [e] = errorsOf("profiles:\n  agent:\n    when: { author: bob }\n");
    expect(e?.path).toBe("profiles.agent.when.author");
    expect(e?.allowed).toContain('"authors"');
  });
});
