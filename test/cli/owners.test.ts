import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { runOwners } from "../../src/cli/owners.js";

const root = mkdtempSync(join(tmpdir(), "guardrails-owners-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A repository directory with CODEOWNERS files at the given locations. */
function repo(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

const TEXT = "*  @lead\n/src/api/  @alice @org/api\n/gen/\n!bad @x\n*.md docs@example.com\n";
const main1 = repo("main", { ".github/CODEOWNERS": TEXT });

describe("guardrails owners", () => {
  it("prints `path  owners` for each path argument, (unowned) when none", async () => {
    const m = memoryIo({ cwd: main1 });
    expect(await runOwners(["src/api/a.ts", "gen/x.ts", "README.md", "lib/z.ts"], m.io)).toBe(0);
    expect(m.out).toBe(
      [
        "src/api/a.ts  @alice @org/api",
        "gen/x.ts  (unowned)",
        "README.md  docs@example.com",
        "lib/z.ts  @lead",
        "",
      ].join("\n"),
    );
    expect(m.err).toBe("guardrails owners: 1 problem in .github/CODEOWNERS (see --errors)\n");
  });

  it("--json prints path, owners in the line's order, and the 1-based line (null when none)", async () => {
    const m = memoryIo({ cwd: root });
    const code = await runOwners(
      ["--repo", "main", "--json", "src/api/a.ts", "gen/x.ts", "x.txt"],
      m.io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(m.out)).toEqual([
      { path: "src/api/a.ts", owners: ["@alice", "@org/api"], line: 2 },
      { path: "gen/x.ts", owners: [], line: 3 },
      { path: "x.txt", owners: ["@lead"], line: 1 },
    ]);
    const none = memoryIo({ cwd: repo("empty-rules", { CODEOWNERS: "/only/ @a\n" }) });
    await runOwners(["--json", "elsewhere.ts"], none.io);
    expect(JSON.parse(none.out)).toEqual([{ path: "elsewhere.ts", owners: [], line: null }]);
  });

  it("reads paths from standard input, one per line, when none are given", async () => {
    const m = memoryIo({ cwd: main1, stdin: "src/api/a.ts\r\n\n  lib/z.ts  \n" });
    expect(await runOwners([], m.io)).toBe(0);
    expect(m.out).toBe("src/api/a.ts  @alice @org/api\nlib/z.ts  @lead\n");
  });

  it("--codeowners reads a given file", async () => {
    const file = join(root, "custom-owners");
    writeFileSync(file, "*.go @gopher\n");
    const m = memoryIo({ cwd: root });
    expect(await runOwners(["--codeowners", "custom-owners", "cmd/main.go"], m.io)).toBe(0);
    expect(m.out).toBe("cmd/main.go  @gopher\n");
    expect(m.err).toBe("");
  });

  const locations: [string, Record<string, string>, string][] = [
    [
      ".github/CODEOWNERS first",
      {
        ".github/CODEOWNERS": "* @github\n",
        CODEOWNERS: "* @root\n",
        "docs/CODEOWNERS": "* @docs\n",
      },
      "@github",
    ],
    ["then the root", { CODEOWNERS: "* @root\n", "docs/CODEOWNERS": "* @docs\n" }, "@root"],
    ["then docs/", { "docs/CODEOWNERS": "* @docs\n" }, "@docs"],
  ];
  it.each(locations)("--repo picks the file as GitHub does: %s", async (name, files, owner) => {
    const dir = repo(`loc-${name.replace(/\W+/g, "-")}`, files);
    const m = memoryIo({ cwd: root });
    expect(await runOwners(["--repo", dir, "a.txt"], m.io)).toBe(0);
    expect(m.out).toBe(`a.txt  ${owner}\n`);
  });

  it("--errors lists problems with their lines; exit 0", async () => {
    const m = memoryIo({ cwd: main1 });
    expect(await runOwners(["--errors"], m.io)).toBe(0);
    expect(m.out).toBe(
      ".github/CODEOWNERS:4: `!bad`: negation with `!` is not supported in CODEOWNERS; the line is ignored.\n",
    );
    const j = memoryIo({ cwd: main1 });
    expect(await runOwners(["--errors", "--json"], j.io)).toBe(0);
    expect(JSON.parse(j.out)).toEqual([
      {
        line: 4,
        message: "`!bad`: negation with `!` is not supported in CODEOWNERS; the line is ignored.",
      },
    ]);
    const clean = memoryIo({ cwd: repo("clean", { CODEOWNERS: "* @a\n" }) });
    expect(await runOwners(["--errors", "--json"], clean.io)).toBe(0);
    expect(JSON.parse(clean.out)).toEqual([]);
  });

  const failures: [string, string[], RegExp][] = [
    [
      "no CODEOWNERS in the repository",
      ["--repo", "nowhere", "a"],
      /no CODEOWNERS file in .*nowhere \(looked for \.github\/CODEOWNERS, CODEOWNERS, docs\/CODEOWNERS\)/,
    ],
    ["a missing --codeowners file", ["--codeowners", "missing", "a"], /cannot read .*missing/],
    [
      "both --repo and --codeowners",
      ["--repo", ".", "--codeowners", "x", "a"],
      /either --repo or --codeowners/,
    ],
    ["an unknown flag", ["--bogus"], /bogus/],
    ["no paths at all", ["--repo", "main"], /no paths/],
  ];
  it.each(failures)("exits 2 with a message on stderr for %s", async (_name, args, message) => {
    const m = memoryIo({ cwd: root });
    expect(await runOwners(args, m.io)).toBe(2);
    expect(m.err).toMatch(message);
    expect(m.out).toBe("");
  });

  it("is reachable as `guardrails owners`", async () => {
    const m = memoryIo({ cwd: main1 });
    expect(await main(["owners", "lib/z.ts"], m.io)).toBe(0);
    expect(m.out).toBe("lib/z.ts  @lead\n");
  });
});
