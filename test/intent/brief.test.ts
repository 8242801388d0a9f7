import { describe, expect, it } from "vitest";
import { isPlaceholder, parseIntentBrief, sectionGaps } from "../../src/intent/brief.js";
import { normaliseLabel, type SectionId, sectionOfHeading } from "../../src/intent/sections.js";

const FULL = `# Line-item refunds

## User impact
Finance admins can refund one line of an invoice.

## Constraints
The public API stays backwards compatible.

## Non-goals
Subscription refunds.

## Acceptance criteria
- [ ] A line item can be refunded.

## Scope
\`\`\`
src/billing/**
\`\`\`
`;

describe("parseIntentBrief: a complete brief", () => {
  const brief = parseIntentBrief(FULL);
  it("finds the title, every section and the scope, with no problems", () => {
    expect(brief.title).toBe("Line-item refunds");
    expect(Object.values(brief.sections).every((s) => s.present && s.filled)).toBe(true);
    expect(brief.sections.impact.text).toBe("Finance admins can refund one line of an invoice.");
    expect(brief.sections.acceptanceCriteria.text).toBe("- [ ] A line item can be refunded.");
    expect(brief.scope).toEqual(["src/billing/**"]);
    expect(brief.problems).toEqual([]);
  });
});

describe("section headings", () => {
  it.each<[string, SectionId | null]>([
    ["User impact", "impact"],
    ["user IMPACT:", "impact"],
    ["Impact", "impact"],
    ["Why", "impact"],
    ["Why?", "impact"],
    ["Problem", "impact"],
    ["Problem statement", "impact"],
    ["Motivation", "impact"],
    ["🎯 User impact", "impact"],
    ["1. User impact", "impact"],
    ["2) Constraints", "constraints"],
    ["Constraints", "constraints"],
    ["Non-functional requirements", "constraints"],
    ["Requirements", null],
    ["Non-goals", "nonGoals"],
    ["Non goals", "nonGoals"],
    ["Nongoals", "nonGoals"],
    ["Non‑goals", "nonGoals"],
    ["Non_goals", "nonGoals"],
    ["Out of scope", "nonGoals"],
    ["Non-goals / Out of scope", "nonGoals"],
    ["Acceptance criteria", "acceptanceCriteria"],
    ["Acceptance Criteria ✅", "acceptanceCriteria"],
    ["Definition of done", "acceptanceCriteria"],
    ["Done when", "acceptanceCriteria"],
    ["Done when…", "acceptanceCriteria"],
    ["Scope", "scope"],
    ["**Scope**", "scope"],
    ["Scope (paths this change may touch)", "scope"],
    ["Boundaries", "scope"],
    ["Paths", "scope"],
    ["Affected paths", "scope"],
    ["Scope and non-goals", null],
    ["Scoped storage", null],
    ["Background", null],
    ["", null],
  ])("%j → %s", (label, id) => {
    expect(sectionOfHeading(label)).toBe(id);
  });

  it("normalises decoration away", () => {
    expect(normaliseLabel("  ### 3. **Non‑Goals**:  ")).toBe("non goals");
  });

  it.each([
    ["# Scope", "ATX level 1"],
    ["###### Scope", "ATX level 6"],
    ["   ## Scope ##", "ATX with closing hashes"],
    ["Scope\n=====", "setext level 1"],
    ["Scope\n-----", "setext level 2"],
    ["**Scope**", "bold line"],
    ["**Scope:**", "bold line with colon inside"],
    ["**Scope**:", "bold line with colon outside"],
    ["__Scope__", "underscore bold line"],
  ])("%j (%s) starts a section", (heading) => {
    const brief = parseIntentBrief(`${heading}\n\`src/a/**\`\n`);
    expect(brief.sections.scope).toMatchObject({ present: true, filled: true });
    expect(brief.scope).toEqual(["src/a/**"]);
  });

  it.each([
    ["#Scope", "no space after #"],
    ["####### Scope", "seven hashes"],
    ["    ## Scope", "indented code, four spaces"],
    ["The **Scope** is below", "bold inside a sentence"],
    ["```\n## Scope\n```", "inside a fence"],
    ["<!--\n## Scope\n-->", "inside a comment"],
  ])("%j (%s) is not a heading", (text) => {
    expect(parseIntentBrief(`${text}\nsrc/a/**\n`).sections.scope.present).toBe(false);
  });

  it("a section runs until a heading of the same or higher level, or another section", () => {
    const brief = parseIntentBrief(
      "## Constraints\nfast\n### Details\nunder 5 s\n## Background\nnoise\n## Scope\n- src/**\n**Non-goals**\nUI\n",
    );
    expect(brief.sections.constraints.text).toBe("fast\n### Details\nunder 5 s");
    expect(brief.sections.scope.text).toBe("- src/**");
    expect(brief.sections.nonGoals.text).toBe("UI");
  });

  it("repeated headings of one section are joined", () => {
    const brief = parseIntentBrief("## Why\nA\n## Motivation\nB\n");
    expect(brief.sections.impact.text).toBe("A\n\nB");
  });
});

describe("empty sections", () => {
  it.each([
    ["nothing", ""],
    ["blank lines", "\n\n  \n"],
    ["an HTML comment", "<!-- describe the constraints -->"],
    ["a multi-line HTML comment", "<!--\nWhat limits apply?\n-->"],
    ["GitHub's _No response_", "_No response_"],
    ["TBD", "TBD"],
    ["tbd.", "tbd."],
    ["**TBD**", "**TBD**"],
    ["TODO", "TODO"],
    ["N/A", "N/A"],
    ["a list of TBDs", "- TBD\n- TBD"],
    ["an empty task box", "- [ ]"],
    ["an ellipsis", "..."],
    ["an empty fence", "```\n```"],
  ])("%s counts as missing", (_, body) => {
    const brief = parseIntentBrief(`## Constraints\n${body}\n## Scope\n\`src/**\`\n`);
    expect(brief.sections.constraints).toEqual({ present: true, filled: false, text: "" });
    expect(brief.problems.some((p) => p.startsWith('Section "Constraints" is empty'))).toBe(true);
  });

  it.each([
    "None.",
    "No new constraints beyond the existing API contract.",
    "TBD: decide with finance by Friday",
  ])("%j is content", (body) => {
    expect(parseIntentBrief(`## Constraints\n${body}\n`).sections.constraints.filled).toBe(true);
  });

  it.each([
    ["_No response_", true],
    ["- TBD\n- n/a", true],
    ["real text", false],
    ["- TBD\n- a real item", false],
  ])("isPlaceholder(%j) = %s", (text, expected) => {
    expect(isPlaceholder(text)).toBe(expected);
  });
});

describe("scope globs", () => {
  it.each<[string, string, string[]]>([
    [
      "a fenced block",
      "```\nsrc/billing/**\n!src/billing/legacy/**\n\n# a comment\n```",
      ["src/billing/**", "!src/billing/legacy/**"],
    ],
    [
      "a fenced YAML list with comments",
      "```yaml\n- src/a/**  # the module\n- 'test/a/**'\n```",
      ["src/a/**", "test/a/**"],
    ],
    [
      "list items",
      "- src/billing/**\n- !src/billing/legacy/**\n* test/billing/** (its tests)",
      ["src/billing/**", "!src/billing/legacy/**", "test/billing/**"],
    ],
    [
      "inline code",
      "Changes stay in `src/billing/**` and `test/billing/**`, never `!src/billing/legacy/**`.",
      ["src/billing/**", "test/billing/**", "!src/billing/legacy/**"],
    ],
    [
      "list items with inline code and prose",
      "- `src/api/**` — the handlers\n- Only the billing module",
      ["src/api/**"],
    ],
    [
      "bare lines (an issue-form textarea)",
      "src/billing/**\ntest/billing/**\npackage.json",
      ["src/billing/**", "test/billing/**", "package.json"],
    ],
    [
      "./ and / prefixes, trailing slash for a directory",
      "- ./src/a/**\n- /docs/\n- !./src/a/old/",
      ["src/a/**", "docs/**", "!src/a/old/**"],
    ],
    ["duplicates", "- src/**\n- `src/**`", ["src/**"]],
    [
      "prose that is not a glob",
      "Everything in billing, e.g. the invoices.\n- Billing only\n- e.g.",
      [],
    ],
  ])("from %s", (_, body, globs) => {
    expect(parseIntentBrief(`## Scope\n${body}\n`).scope).toEqual(globs);
  });

  it("a scope section without globs is a problem", () => {
    const brief = parseIntentBrief("## Scope\nOnly the billing module.\n");
    expect(brief.sections.scope.filled).toBe(true);
    expect(brief.scope).toEqual([]);
    expect(brief.problems).toContain(
      'Section "Scope" names no path globs: list them one per line in a code block, as list items, or as `inline code` (`!glob` excludes).',
    );
  });

  it("a scope with only excludes is a problem", () => {
    const brief = parseIntentBrief("## Scope\n- !src/legacy/**\n");
    expect(brief.scope).toEqual(["!src/legacy/**"]);
    expect(brief.problems.some((p) => p.includes("only excludes"))).toBe(true);
  });

  it("globs are not read from other sections", () => {
    expect(parseIntentBrief("## Constraints\n`src/**`\n## Scope\n`lib/**`\n").scope).toEqual([
      "lib/**",
    ]);
  });
});

describe("problems and titles", () => {
  it("names every missing section and the heading to add", () => {
    const brief = parseIntentBrief("# Just a title\n\nSome prose.\n");
    expect(brief.title).toBe("Just a title");
    expect(brief.problems).toEqual([
      'Missing section "User impact": add a heading "## User impact" followed by who is affected and how their experience changes.',
      'Missing section "Constraints": add a heading "## Constraints" followed by limits the solution must respect (compatibility, performance, security, deadlines).',
      'Missing section "Non-goals": add a heading "## Non-goals" followed by what this work deliberately does not do.',
      'Missing section "Acceptance criteria": add a heading "## Acceptance criteria" followed by checkable statements that say when the work is done.',
      'Missing section "Scope": add a heading "## Scope" followed by path globs the change may touch, one per line (`!glob` excludes).',
    ]);
  });

  it.each([
    ["front matter title", '---\ntitle: "Refunds"\nstatus: draft\n---\n# Other\n', "Refunds"],
    ["first level-1 heading", "## Why\nx\n# Refunds\n", "Refunds"],
    ["setext level-1 heading", "Refunds\n=======\n", "Refunds"],
    ["no level-1 heading", "## Refunds\n", null],
    ["a level-1 section heading is not a title", "# Scope\n`a/**`\n", null],
  ])("title from %s", (_, text, title) => {
    expect(parseIntentBrief(text).title).toBe(title);
  });

  it("front matter lines are not sections", () => {
    const brief = parseIntentBrief("---\nscope: x\n---\n## Scope\n- src/**\n");
    expect(brief.scope).toEqual(["src/**"]);
  });

  it("bad input is a problem, never an exception", () => {
    for (const input of ["", null, undefined, 42]) {
      const brief = parseIntentBrief(input as unknown as string);
      expect(brief.problems[0]).toBe("The brief is empty.");
      expect(brief.problems).toHaveLength(6);
    }
  });

  it("sectionGaps splits missing from empty, for the required sections only", () => {
    const brief = parseIntentBrief("## Constraints\nTBD\n## Scope\n- src/**\n");
    expect(sectionGaps(brief, ["constraints", "scope", "impact"])).toEqual({
      missing: ["impact"],
      empty: ["constraints"],
    });
  });

  it("parses a 1 MB brief with hostile content", () => {
    const MB = 1 << 20;
    const noise = [
      `# ${" ".repeat(MB / 4)}x`,
      `**${"*".repeat(MB / 8)}`,
      `## Scope${" #".repeat(MB / 8)}y`,
      `a${"`".repeat(MB / 8)}`,
      Array.from({ length: 1000 }, (_, i) => "`".repeat(i + 1)).join("x"),
      "<!--".repeat(MB / 16),
      "-->",
    ].join("\n");
    const brief = parseIntentBrief(`${noise}\n${FULL.replace("# Line-item refunds\n", "")}`);
    expect(brief.scope).toEqual(["src/billing/**"]);
    expect(brief.problems).toEqual([]);
  });
});
