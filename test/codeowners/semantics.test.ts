import { describe, expect, it } from "vitest";
import { compileCodeowners, naiveMatcher } from "../../src/codeowners/index.js";
import { samplePaths } from "./sample-paths.js";

/** [pattern line, path, matches?] — one pattern at a time, owned by @o when it matches. */
const CASES: [string, string, boolean][] = [
  // `*` stays within a segment; alone it matches every file at any depth.
  ["*", "README.md", true],
  ["*", "a/b/c.txt", true],
  ["*.js", "index.js", true],
  ["*.js", "src/deep/app.js", true],
  ["*.js", "src/app.jsx", false],
  ["src/*.js", "src/app.js", true],
  ["src/*.js", "src/lib/app.js", false],
  // `**` crosses directories.
  ["src/**/*.js", "src/app.js", true],
  ["src/**/*.js", "src/a/b/c/app.js", true],
  ["src/**/*.js", "lib/src/app.js", false],
  ["**/logs", "logs/x.txt", true],
  ["**/logs", "build/logs/x.txt", true],
  ["**/logs", "deeply/nested/logs/a/b.txt", true],
  ["**/logs", "build/logsx/y.txt", false],
  ["docs/**", "docs/a.md", true],
  ["docs/**", "docs/a/b/c.md", true],
  ["docs/**", "other/docs/a.md", false],
  ["**", "a/b/c.txt", true],
  ["**/", "top.txt", false],
  ["**/", "a/b.txt", true],
  ["**/*", "a/b/c.txt", true],
  ["a**", "abc/d.txt", true],
  ["a/**/b", "a/b", true],
  ["a/**/b", "a/x/y/b", true],
  ["a/**/b", "a/x/y/b/file", true],
  // `?` is one character, not a slash.
  ["file?.txt", "file1.txt", true],
  ["file?.txt", "file10.txt", false],
  ["a?b", "a/b", false],
  // A leading slash or a slash in the middle anchors at the root.
  ["/build/logs/", "build/logs/a.txt", true],
  ["/build/logs/", "build/logs/deep/a.txt", true],
  ["/build/logs/", "x/build/logs/a.txt", false],
  ["build/logs", "x/build/logs/a.txt", false],
  ["build/logs", "build/logs/a.txt", true],
  ["/Makefile", "Makefile", true],
  ["/Makefile", "sub/Makefile", false],
  // Without slashes a pattern matches at any depth.
  ["Makefile", "sub/dir/Makefile", true],
  ["apps/", "apps/x.js", true],
  ["apps/", "deep/apps/x.js", true],
  ["apps/", "apps", false],
  ["apps/", "myapps/x.js", false],
  // A pattern naming a directory (no trailing slash) matches everything under it.
  ["apps", "apps", true],
  ["apps", "apps/a/b.js", true],
  ["apps", "x/apps/a/b.js", true],
  ["/apps/github", "apps/github/index.js", true],
  ["Lib/asyncio", "Lib/asyncio/tasks.py", true],
  // `dir/*` matches files directly in the directory, not deeper.
  ["docs/*", "docs/getting-started.md", true],
  ["docs/*", "docs/build-app/troubleshooting.md", false],
  ["/*", "README.md", true],
  ["/*", "src/index.ts", false],
  ["docs/*/", "docs/sub/file.md", true],
  ["docs/*/", "docs/file.md", false],
  // Case-sensitive.
  ["/Docs/", "docs/a.md", false],
  ["*.MD", "a.md", false],
  // Escaped spaces and other escapes.
  ["path\\ with\\ spaces/", "path with spaces/a.txt", true],
  ["path\\ with\\ spaces/", "path/a.txt", false],
  ["\\*.txt", "*.txt", true],
  ["\\*.txt", "a.txt", false],
  ["file#1.txt", "file#1.txt", true],
  // Regex characters are literal.
  ["a+b(c).txt", "a+b(c).txt", true],
  ["a.b", "axb", false],
  ["$x^", "$x^", true],
  // Leading ./ or / in the looked-up path is ignored.
  ["/src/", "/src/a.ts", true],
  ["/src/", "./src/a.ts", true],
];

describe("CODEOWNERS pattern semantics (GitHub = gitignore minus !, [ ], \\#)", () => {
  it.each(CASES)("%s vs %s → %s", (pattern, path, matches) => {
    const matcher = compileCodeowners(`${pattern} @o\n`);
    expect(matcher.problems).toEqual([]);
    expect(matcher.match(path)).toEqual(
      matches ? { owners: ["@o"], line: 1 } : { owners: [], line: null },
    );
    expect(naiveMatcher(`${pattern} @o\n`)(path)).toEqual(matcher.match(path));
  });
});

describe("last matching line wins", () => {
  const text = [
    "*        @default",
    "*.js     @js @js2",
    "/src/    @src",
    "/src/legacy/",
    "/src/**/*.test.js @tests",
  ].join("\n");
  const matcher = compileCodeowners(text);
  const cases: [string, string[], number | null][] = [
    ["README.md", ["@default"], 1],
    ["lib/a.js", ["@js", "@js2"], 2],
    ["src/a.js", ["@src"], 3],
    ["src/legacy/a.js", [], 4],
    ["src/legacy/a.test.js", ["@tests"], 5],
    ["src/a.test.js", ["@tests"], 5],
  ];
  it.each(cases)("%s → %j (line %s)", (path, owners, line) => {
    expect(matcher.match(path)).toEqual({ owners, line });
  });

  it("never merges owners across lines", () => {
    const m = compileCodeowners("*.js @a\n*.js @b\n");
    expect(m.match("x.js")).toEqual({ owners: ["@b"], line: 2 });
  });

  it("returns nothing for a file with no rules at all", () => {
    expect(compileCodeowners("# only a comment\n\n").match("a")).toEqual({
      owners: [],
      line: null,
    });
  });

  it("keeps the owners in the order written, without repeats", () => {
    expect(compileCodeowners("* @b @a @B @org/t\n").match("x").owners).toEqual([
      "@b",
      "@a",
      "@org/t",
    ]);
  });

  it("returns a fresh owners array each time", () => {
    const m = compileCodeowners("* @a\n");
    m.match("x").owners.push("@mutated");
    expect(m.match("x").owners).toEqual(["@a"]);
  });
});

describe("indexed matcher equals last-match-wins on a file using every kind of pattern", () => {
  const text = [
    "*.d            @d",
    "conf.d/        @conf",
    "x/**/y         @xy",
    "/x/*.js        @xjs",
    "a              @a",
    "**/a/*.md      @amd",
    "/a/b/          @ab",
    "?.c            @q",
    "*_test.go      @t",
    "**/*.min.js    @min",
    "lib            @lib",
    "/lib/x",
    "docs/*         @docs",
    "*.tar.gz       @tgz",
    "**/vendor/**   @vendor",
    "/*             @root",
  ].join("\n");
  const fast = compileCodeowners(text);
  const naive = naiveMatcher(text);
  const crafted = [
    "foo.d/bar.txt",
    "etc/conf.d/x.conf",
    "a/a/a.md",
    "a/b/c.md",
    "x/a/b/y/z",
    "x/y",
    "x/app.js",
    "x/sub/app.js",
    "b.c",
    "src/ab.c",
    "pkg/x_test.go",
    "web/app.min.js",
    "lib/x/y.txt",
    "lib/z/y.txt",
    "src/lib/x/y.txt",
    "docs/a/b.md",
    "release.tar.gz",
    "deep/vendor/a/b.tar.gz",
    "README",
    "a",
  ];
  it.each(crafted)("%s", (path) => expect(fast.match(path)).toEqual(naive(path)));

  it("over 20,000 generated paths", () => {
    for (const path of samplePaths(text, 20_000, 7))
      expect(fast.match(path), path).toEqual(naive(path));
  });
});
