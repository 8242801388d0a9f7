import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/load.js";
import type { Config } from "../../src/config/schema.js";
import { configErrorVerdict } from "../../src/engine/config-verdict.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { files, makeSnapshot } from "../helpers/snapshot.js";

const ctx = { now: new Date("2026-12-04T00:00:00Z") };

function config(yaml: string): Config {
  const r = parseConfigText(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const withAgent = config(
  [
    "rules: { size: { max_changed_lines: 400, warn_changed_lines: null } }",
    "profiles:",
    "  agent:",
    "    when: { authors: ['*[bot]'], author_type: Bot, labels: [ai-generated], branches: ['agent/*'] }",
    "    rules: { size: { max_changed_lines: 200 } }",
  ].join("\n"),
);

describe("evaluate", () => {
  const body = files("src/a.ts:300:0");

  it.each([
    { name: "a person's PR uses the base rules", over: {}, profile: null, conclusion: "success" },
    {
      name: "a bot login glob matches",
      over: { author: { login: "renovate[bot]", type: "User" as const } },
      profile: "agent",
      conclusion: "failure",
    },
    {
      name: "an author type matches",
      over: { author: { login: "my-app", type: "Bot" as const } },
      profile: "agent",
      conclusion: "failure",
    },
    {
      name: "a label matches",
      over: { labels: ["ai-generated"] },
      profile: "agent",
      conclusion: "failure",
    },
    {
      name: "a branch glob matches",
      over: { head: { ref: "agent/fix-1", sha: "h" } },
      profile: "agent",
      conclusion: "failure",
    },
    {
      name: "the glob's brackets are literal",
      over: { author: { login: "xb", type: "User" as const } },
      profile: null,
      conclusion: "success",
    },
  ])("$name", ({ over, profile, conclusion }) => {
    const verdict = evaluate(makeSnapshot({ files: body, ...over }), withAgent, ctx);
    expect(verdict.profile).toBe(profile);
    expect(verdict.conclusion).toBe(conclusion);
  });

  it("counts findings by severity and lists every rule", () => {
    const verdict = evaluate(
      makeSnapshot({ files: files("src/a.ts:350:0") }),
      config("rules: { size: { max_changed_lines: null }, ownership: { unowned_files: off } }"),
      ctx,
    );
    expect(verdict.counts).toMatchObject({ errors: 0, warnings: 1 });
    expect(verdict.conclusion).toBe("success");
    expect(verdict.rules.map((r) => r.ruleId)).toContain("size");
  });

  it("turns an invalid config into a failing, located verdict", () => {
    const r = parseConfigText("rules:\n  size:\n    max_files: x\n");
    if (r.ok) throw new Error("expected errors");
    const verdict = configErrorVerdict(r.errors);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.rules[0]?.findings[0]).toMatchObject({
      path: ".github/guardrails.yml",
      line: 3,
    });
  });
});

describe("a PR that changes the config", () => {
  const base = config("rules: { size: { max_changed_lines: 100 } }");
  const changed = (content: string) =>
    makeSnapshot({
      files: files(".github/guardrails.yml:1:1", "src/a.ts:150:0"),
      headFiles: { config: { path: ".github/guardrails.yml", content } },
    });

  it("is judged by the base config, not by the one it loosens", () => {
    const verdict = evaluate(changed("rules: { size: { max_changed_lines: 10000 } }"), base, ctx);
    expect(verdict.conclusion).toBe("failure");
    const preview = verdict.rules.find((r) => r.ruleId === "config-change");
    expect(preview?.status).toBe("passed");
    expect(preview?.summary).toContain("applies once merged");
  });

  it("gets the new config validated, with located errors", () => {
    const verdict = evaluate(changed("rules:\n  size:\n    max_files: lots\n"), base, ctx);
    const preview = verdict.rules.find((r) => r.ruleId === "config-change");
    expect(preview?.status).toBe("failed");
    expect(preview?.findings[0]).toMatchObject({ path: ".github/guardrails.yml", line: 3 });
  });
});
