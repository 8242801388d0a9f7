import { describe, expect, it } from "vitest";
import {
  CODEOWNERS_LOCATIONS,
  chooseCodeownersPath,
  compileCodeowners,
  MAX_CODEOWNERS_BYTES,
  ownerKind,
  parseCodeowners,
} from "../../src/codeowners/index.js";
import { utf8Length } from "../../src/codeowners/locations.js";

describe("parseCodeowners", () => {
  it("reads patterns and owners, skipping comments, blank lines and inline comments", () => {
    const text = [
      "# comment",
      "",
      "   ",
      "*.js    @js-owner #This is an inline comment.",
      "\t# indented comment",
      "/docs/\t@org/docs  docs@example.com",
      "/unowned/",
      "a#b @x",
    ].join("\r\n");
    expect(parseCodeowners(text)).toEqual({
      rules: [
        { line: 4, pattern: "*.js", owners: ["@js-owner"] },
        { line: 6, pattern: "/docs/", owners: ["@org/docs", "docs@example.com"] },
        { line: 7, pattern: "/unowned/", owners: [] },
        { line: 8, pattern: "a#b", owners: ["@x"] },
      ],
      problems: [],
    });
  });

  it("keeps escaped spaces in the pattern", () => {
    expect(parseCodeowners("my\\ dir/ @a\n").rules).toEqual([
      { line: 1, pattern: "my\\ dir/", owners: ["@a"] },
    ]);
  });

  it("ignores a byte-order mark", () => {
    expect(parseCodeowners("\uFEFF* @a").rules).toEqual([
      { line: 1, pattern: "*", owners: ["@a"] },
    ]);
  });

  const BAD: [string, string, RegExp][] = [
    ["negation", "!docs/ @a", /negation with `!` is not supported/],
    ["character range", "Python/ceval*.[ch] @a", /character ranges with `\[ \]` are not supported/],
    ["closing bracket", "a]b @a", /character ranges/],
    ["escaped #", "\\#file @a", /escaped `\\#` is not supported/],
    ["trailing backslash", "dir\\", /lone backslash/],
    ["bare slash", "/ @a", /names no file or directory/],
    ["invalid owner", "*.js @ok not-an-owner", /`not-an-owner` is not a valid owner/],
    ["two invalid owners", "*.js x y", /`x`, `y` are not valid owners/],
    ["owner with a bad character", "*.js @us!er", /`@us!er` is not a valid owner/],
    ["team without a name", "*.js @org/", /`@org\/` is not a valid owner/],
  ];
  it.each(BAD)("reports %s with its line and skips the line", (_name, line, message) => {
    const text = `* @default\n${line}\n*.md @docs\n`;
    const parsed = parseCodeowners(text);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.line).toBe(2);
    expect(parsed.problems[0]?.message).toMatch(message);
    expect(parsed.problems[0]?.message).toMatch(/the line is ignored/);
    expect(parsed.rules.map((r) => r.line)).toEqual([1, 3]);
    // The rest of the file still works.
    const m = compileCodeowners(text);
    expect(m.match("a.md")).toEqual({ owners: ["@docs"], line: 3 });
    expect(m.match("a.js")).toEqual({ owners: ["@default"], line: 1 });
  });

  it("escaped brackets are literal characters, not ranges", () => {
    const m = compileCodeowners("pages/\\[id\\].js @a\n");
    expect(m.problems).toEqual([]);
    expect(m.match("pages/[id].js").owners).toEqual(["@a"]);
    expect(m.match("pages/i.js").owners).toEqual([]);
  });

  it("never throws on arbitrary input", () => {
    const junk = ["\\", "[", "!", "@@@", "\u0000", "*\\", "/ / /", "** ** **", "a//b @x", "\\#"];
    for (const line of junk)
      expect(() => compileCodeowners(`${line}\n`).match("a/b")).not.toThrow();
  });
});

describe("owners", () => {
  const cases: [string, string | null][] = [
    ["@octocat", "user"],
    ["@js-owner", "user"],
    ["@global-owner1", "user"],
    ["@AA-Turner", "user"],
    ["@octo-org/octocats", "team"],
    ["@astral-sh/ty_notified", "team"],
    ["docs@example.com", "email"],
    ["first.last+tag@sub.example.org", "email"],
    ["octocat", null],
    ["@", null],
    ["@a/b/c", null],
    ["user@localhost", null],
    ["#comment", null],
  ];
  it.each(cases)("%s is %s", (token, kind) => expect(ownerKind(token)).toBe(kind));
});

describe("size limit", () => {
  it("does not use a file over 3 MB and says so", () => {
    const line = "/some/long/path/to/a/file.txt @owner\n";
    const text = line.repeat(Math.ceil(MAX_CODEOWNERS_BYTES / line.length) + 1);
    const m = compileCodeowners(text);
    expect(m.rules).toEqual([]);
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0]?.message).toMatch(/over GitHub's 3 MB limit/);
    expect(m.match("some/long/path/to/a/file.txt")).toEqual({ owners: [], line: null });
  });

  it("uses a file of exactly 3 MB", () => {
    const head = "* @a\n";
    const text = head + "#".repeat(MAX_CODEOWNERS_BYTES - head.length);
    expect(utf8Length(text)).toBe(MAX_CODEOWNERS_BYTES);
    expect(compileCodeowners(text).match("x").owners).toEqual(["@a"]);
  });

  it("counts UTF-8 bytes, not characters", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
    const text = `* @a\n#${"é".repeat(MAX_CODEOWNERS_BYTES / 2)}`;
    expect(compileCodeowners(text).problems[0]?.message).toMatch(/3 MB limit/);
  });
});

describe("locations", () => {
  it("lists GitHub's three locations in its search order", () => {
    expect(CODEOWNERS_LOCATIONS).toEqual([".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]);
  });
  const cases: [string[], string | null][] = [
    [[".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"], ".github/CODEOWNERS"],
    [["CODEOWNERS", "docs/CODEOWNERS"], "CODEOWNERS"],
    [["docs/CODEOWNERS"], "docs/CODEOWNERS"],
    [[".gitlab/CODEOWNERS", "codeowners"], null],
    [[], null],
  ];
  it.each(cases)("%j → %s", (present, chosen) => {
    expect(chooseCodeownersPath((p) => present.includes(p))).toBe(chosen);
  });
});

describe("compiled matcher cache", () => {
  it("reuses the matcher for the same key and text, and recompiles when the text differs", () => {
    const a = compileCodeowners("* @a\n", "sha-1");
    expect(compileCodeowners("* @a\n", "sha-1")).toBe(a);
    const b = compileCodeowners("* @b\n", "sha-1");
    expect(b).not.toBe(a);
    expect(b.match("x").owners).toEqual(["@b"]);
    expect(compileCodeowners("* @a\n")).not.toBe(a);
  });

  it("is bounded: old keys are evicted", () => {
    const first = compileCodeowners("* @first\n", "evict-0");
    for (let i = 1; i <= 64; i++) compileCodeowners(`* @u${i}\n`, `evict-${i}`);
    expect(compileCodeowners("* @first\n", "evict-0")).not.toBe(first);
  });
});
