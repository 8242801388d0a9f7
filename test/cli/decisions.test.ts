import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runDecisions } from "../../src/cli/decisions.js";
import { memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/adr/", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "guardrails-decisions-"));
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
mkdirSync(join(dir, "adr"));
mkdirSync(join(dir, "adr", "nested"));
write(
  "adr/0001-record-decisions.md",
  "# 1. Record decisions\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n",
);
write(
  "adr/0002-use-x.md",
  "---\nstatus: superseded by [ADR-0003](0003-use-y.md)\ndate: 2026-01-03\n---\n# Use X\n",
);
write(
  "adr/0003-use-y.md",
  "# Use Y\n\n* Status: accepted\n* Supersedes: [ADR-0002](0002-use-x.md)\n",
);
write("adr/README.md", "# Decisions\n");
write("adr/template.md", "# N. Title\n");
write("adr/index.md", "# Index\n");
write("adr/diagram.png", "not markdown");
write("adr/nested/0009-deeper.md", "# 9. Deeper\n");
write("loose.md", "# Loose notes\n");

describe("guardrails decisions", () => {
  it("--json prints one object per record of a directory, skipping README, template and index", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runDecisions(["--json", "adr"], m.io)).toBe(0);
    expect(m.err).toBe("");
    expect(JSON.parse(m.out)).toEqual([
      {
        file: "adr/0001-record-decisions.md",
        number: 1,
        title: "Record decisions",
        status: "accepted",
        date: "2026-01-02",
        supersedes: [],
        supersededBy: [],
      },
      {
        file: "adr/0002-use-x.md",
        number: 2,
        title: "Use X",
        status: "superseded",
        date: "2026-01-03",
        supersedes: [],
        supersededBy: ["0003-use-y.md"],
      },
      {
        file: "adr/0003-use-y.md",
        number: 3,
        title: "Use Y",
        status: "accepted",
        date: null,
        supersedes: ["0002-use-x.md"],
        supersededBy: [],
      },
    ]);
  });

  it("prints one line per record in text mode, with problems on the same line", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runDecisions(["adr/0002-use-x.md", "loose.md"], m.io)).toBe(0);
    expect(m.out).toBe(
      [
        "adr/0002-use-x.md  #2  superseded  2026-01-03  Use X  (superseded by 0003-use-y.md)",
        "loose.md  #-  unknown  no date  Loose notes  [problems: no status found (no front matter `status:`, `Status:` line or `## Status` section)]",
        "",
      ].join("\n"),
    );
  });

  it("reads the real corpus through the dispatcher", async () => {
    const m = memoryIo({ cwd: CORPUS });
    expect(await main(["decisions", "--json", "MITLibraries__mario"], m.io)).toBe(0);
    const records = JSON.parse(m.out) as Array<{ number: number; status: string }>;
    expect(records.map((r) => [r.number, r.status])).toEqual([
      [2, "superseded"],
      [12, "superseded"],
      [16, "accepted"],
    ]);
  });

  it("fails with exit 2 and prints nothing when a path is missing", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runDecisions(["adr", "nope.md", "gone"], m.io)).toBe(2);
    expect(m.out).toBe("");
    expect(m.err).toMatch(/^guardrails decisions: cannot read nope\.md: .*ENOENT/m);
    expect(m.err).toMatch(/^guardrails decisions: cannot read gone: /m);
  });

  it("prints usage without paths", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await runDecisions([], m.io)).toBe(2);
    expect(m.err).toBe("usage: guardrails decisions [--json] <file|dir>...\n");
  });

  it("rejects unknown flags as usage errors", async () => {
    const m = memoryIo({ cwd: dir });
    expect(await main(["decisions", "--yaml", "adr"], m.io)).toBe(2);
    expect(m.err).toMatch(/^guardrails decisions: /);
  });

  it("prints an empty list for a directory without records", async () => {
    mkdirSync(join(dir, "empty"), { recursive: true });
    const m = memoryIo({ cwd: dir });
    expect(await runDecisions(["--json", "empty"], m.io)).toBe(0);
    expect(JSON.parse(m.out)).toEqual([]);
  });
});
