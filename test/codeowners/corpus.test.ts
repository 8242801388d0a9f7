import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCodeowners, naiveMatcher, parseCodeowners } from "../../src/codeowners/index.js";
import { samplePaths } from "./sample-paths.js";

const DIR = new URL("../../../shared/corpus/codeowners/", import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith(".CODEOWNERS"));
const read = (name: string) => readFileSync(new URL(name, DIR), "utf8");

describe("real-world CODEOWNERS files", () => {
  it("finds the corpus", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(FILES)("%s parses without problems and every line with a pattern is a rule", (name) => {
    const text = read(name);
    const parsed = parseCodeowners(text);
    expect(parsed.problems).toEqual([]);
    const patternLines = text.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
    expect(parsed.rules).toHaveLength(patternLines.length);
  });

  it.each(FILES)(
    "%s: the indexed matcher equals last-match-wins over 20,000 sampled paths",
    (name) => {
      const text = read(name);
      const fast = compileCodeowners(text);
      const naive = naiveMatcher(text);
      const paths = samplePaths(text, 20_000, 42);
      let owned = 0;
      for (const path of paths) {
        const expected = naive(path);
        if (expected.line !== null) owned++;
        expect(fast.match(path), path).toEqual(expected);
      }
      // The sample really exercises the rules: a good share of paths match some line.
      expect(owned).toBeGreaterThan(paths.length / 4);
    },
  );
});

/** [file, path, owners, line] — checked by reading the files (line numbers are 1-based). */
const CONCRETE: [string, string, string[], number | null][] = [
  [
    "python__cpython",
    "Lib/asyncio/tasks.py",
    ["@1st1", "@asvetlov", "@kumaraditya303", "@willingc"],
    337,
  ],
  [
    "python__cpython",
    "Doc/library/asyncio-task.rst",
    ["@1st1", "@asvetlov", "@kumaraditya303", "@willingc"],
    336,
  ],
  [
    "python__cpython",
    "Python/import.c",
    ["@brettcannon", "@ericsnowcurrently", "@ncoghlan", "@warsaw", "@kumaraditya303"],
    117,
  ],
  [
    "python__cpython",
    "Lib/importlib/__init__.py",
    ["@brettcannon", "@ericsnowcurrently", "@ncoghlan", "@warsaw"],
    116,
  ],
  [
    "python__cpython",
    ".github/workflows/build.yml",
    ["@ezio-melotti", "@hugovk", "@AA-Turner"],
    36,
  ],
  ["python__cpython", "Lib/ssl.py", ["@gpshead", "@picnixz"], 274],
  ["python__cpython", ".mailmap", [], 581],
  ["python__cpython", "Modules/clinic/posixmodule.c.h", [], 585],
  ["python__cpython", "Modules/_io/clinic/bufferedio.c.h", [], 584],
  ["python__cpython", "Tools/unknown/thing.txt", [], null],
  ["astral-sh__ruff", "crates/ty_server/src/lib.rs", ["@astral-sh/ty_server_notified"], 27],
  ["astral-sh__ruff", "crates/ty_server/Cargo.toml", [], 37],
  ["astral-sh__ruff", "crates/ruff_db/README.md", [], 40],
  ["astral-sh__ruff", "crates/ty_newcrate/src/lib.rs", ["@astral-sh/ty_notified"], 23],
  ["astral-sh__ruff", "crates/ruff_linter/src/lib.rs", [], null],
  ["nodejs__node", "deps/v8/src/api/api.cc", ["@nodejs/security-wg"], 178],
  ["nodejs__node", "deps/amaro/dist/index.js", ["@nodejs/typescript"], 189],
  ["nodejs__node", "lib/internal/streams/duplex.js", ["@nodejs/streams"], 33],
  ["nodejs__node", "doc/contributing/maintaining/releases.md", ["@nodejs/tsc"], 18],
  ["nodejs__node", "node.gyp", ["@nodejs/gyp"], 110],
  ["nodejs__node", "lib/fs.js", [], null],
  ["prometheus__prometheus", "README.md", ["@prometheus/default-maintainers"], 7],
  [
    "prometheus__prometheus",
    "tsdb/agent/db.go",
    [
      "@prometheus/default-maintainers",
      "@jesusvazquez",
      "@codesome",
      "@bwplotka",
      "@krajorama",
      "@kgeckhart",
    ],
    20,
  ],
  ["electron__electron", "DEPS", ["@electron/wg-upgrades"], 8],
  ["electron__electron", "script/release/release.js", ["@electron/wg-releases"], 13],
  ["electron__electron", "shell/browser/api/foo.cc", [], null],
];

describe("concrete owners in the corpus", () => {
  it.each(CONCRETE)("%s: %s → %j", (name, path, owners, line) => {
    expect(compileCodeowners(read(`${name}.CODEOWNERS`)).match(path)).toEqual({ owners, line });
  });
});
