import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { firstContentChange } from "../../src/decisions/content.js";
import { isRecordFile } from "../../src/decisions/file-name.js";
import { parseDecisionRecord } from "../../src/decisions/parse.js";

const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const TEMPLATE = readFileSync(repo("docs/templates/decision-record.md"), "utf8");

describe("docs/templates/decision-record.md", () => {
  it("parses as a proposed record with a date and governs globs, without problems", () => {
    expect(parseDecisionRecord(TEMPLATE, "docs/adr/0012-use-x.md")).toEqual({
      file: "docs/adr/0012-use-x.md",
      number: 12,
      title: "Short title: the problem solved and the solution chosen",
      status: "proposed",
      date: "2026-01-01",
      supersedes: [],
      supersededBy: [],
      governs: ["src/example/**"],
      problems: [],
    });
  });

  it("filled in and accepted, then superseded, it changes only in status", () => {
    const accepted = TEMPLATE.replace(/^status: proposed$/m, "status: accepted");
    expect(parseDecisionRecord(accepted, "0012-x.md").status).toBe("accepted");
    const superseded = accepted.replace(
      /^status: accepted$/m,
      'status: "superseded by [ADR-0013](0013-use-y.md)"',
    );
    const r = parseDecisionRecord(superseded, "0012-x.md");
    expect([r.status, r.supersededBy]).toEqual(["superseded", ["0013-use-y.md"]]);
    expect(firstContentChange(accepted, superseded)).toBeNull();
  });
});

describe("this repository's own decision records", () => {
  const dir = repo("docs/adr");
  const names = readdirSync(dir).filter(isRecordFile);

  it("exist", () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)("%s has a number, a title and a status", (name) => {
    const r = parseDecisionRecord(readFileSync(`${dir}/${name}`, "utf8"), `docs/adr/${name}`);
    expect(r.number).not.toBeNull();
    expect(r.title).not.toBeNull();
    expect(r.status).not.toBe("unknown");
  });
});
