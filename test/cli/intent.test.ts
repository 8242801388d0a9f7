import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runIntent } from "../../src/cli/intent.js";
import { memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "guardrails-intent-"));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const complete = write(
  "complete.md",
  [
    "# Refunds",
    "## User impact",
    "Admins refund lines.",
    "## Constraints",
    "Compatible API.",
    "## Non-goals",
    "UI.",
    "## Acceptance criteria",
    "- works",
    "## Scope",
    "- src/billing/**",
    "- !src/billing/legacy/**",
  ].join("\n"),
);
const partial = write("partial.md", "## Why\nAdmins refund lines.\n## Constraints\nTBD\n");

describe("guardrails intent", () => {
  it("--json prints sections, scope and problems; exit 0", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runIntent(["--json", complete], m.io)).toBe(0);
    expect(JSON.parse(m.out)).toEqual({
      sections: {
        impact: true,
        constraints: true,
        nonGoals: true,
        acceptanceCriteria: true,
        scope: true,
      },
      scope: ["src/billing/**", "!src/billing/legacy/**"],
      problems: [],
    });
    expect(m.err).toBe("");
  });

  it("--json with problems still exits 0 and marks empty sections false", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runIntent([partial, "--json"], m.io)).toBe(0);
    const out = JSON.parse(m.out);
    expect(out.sections).toEqual({
      impact: true,
      constraints: false,
      nonGoals: false,
      acceptanceCriteria: false,
      scope: false,
    });
    expect(out.scope).toEqual([]);
    expect(out.problems).toHaveLength(4);
    expect(out.problems[0]).toMatch(/^Section "Constraints" is empty/);
  });

  it("prints a readable report without --json", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runIntent([partial], m.io)).toBe(0);
    expect(m.out.split("\n").slice(0, 8)).toEqual([
      "partial.md",
      "  ok      User impact",
      "  empty   Constraints",
      "  missing Non-goals",
      "  missing Acceptance criteria",
      "  missing Scope",
      "  scope: (no globs)",
      "4 problems:",
    ]);
  });

  it("shows the title and 'no problems' for a complete brief", async () => {
    const m = memoryIo({ cwd: dir });
    await runIntent([complete], m.io);
    expect(m.out.startsWith("complete.md: Refunds\n")).toBe(true);
    expect(m.out).toContain("  scope: src/billing/**, !src/billing/legacy/**\n");
    expect(m.out.endsWith("no problems\n")).toBe(true);
  });

  it.each([
    [[], "usage: guardrails intent [--json] <file>\n"],
    [["a.md", "b.md"], "usage: guardrails intent [--json] <file>\n"],
  ])("usage error for %j: exit 2", async (args, err) => {
    const m = memoryIo({ cwd: dir });
    expect(await runIntent(args, m.io)).toBe(2);
    expect(m.err).toBe(err);
    expect(m.out).toBe("");
  });

  it("an unreadable file exits 2 with the reason", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runIntent(["missing.md"], m.io)).toBe(2);
    expect(m.err).toMatch(/^guardrails: cannot read missing\.md: ENOENT/);
  });

  it("an unknown flag is a usage error through the dispatcher", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await main(["intent", "--yaml", complete], m.io)).toBe(2);
    expect(m.err).toMatch(/^guardrails intent: /);
  });

  it("runs through the dispatcher", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await main(["intent", "--json", complete], m.io)).toBe(0);
    expect(JSON.parse(m.out).scope).toEqual(["src/billing/**", "!src/billing/legacy/**"]);
  });
});
