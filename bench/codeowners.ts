/**
 * `npx tsx bench/codeowners.ts` — our CODEOWNERS matcher against the npm package `codeowners`
 * (one `ignore` matcher per line, tried from the last line up), on CPython's CODEOWNERS.
 *
 * Generates 100,000 deterministic paths (derived from the file's patterns, plus random ones),
 * then times, for each implementation, compiling the file and matching every path, and prints
 * the medians, the ratios, and how often both give the same owners on a sample.
 * `codeowners` reads the file from a repository directory, so the file is written to a
 * temporary one; its compile time therefore includes one small file read.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Codeowners from "codeowners";
import { compileCodeowners, naiveMatcher } from "../src/codeowners/index.js";
import { samplePaths } from "../test/codeowners/sample-paths.js";

const PATHS = 100_000;
const RUNS = 5;
const AGREEMENT_SAMPLE = 20_000;

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(here, "../../shared/corpus/codeowners/python__cpython.CODEOWNERS");
const text = readFileSync(source, "utf8");
const paths = samplePaths(text, PATHS, 2026);

const repo = mkdtempSync(join(tmpdir(), "guardrails-bench-codeowners-"));
mkdirSync(join(repo, ".github"));
writeFileSync(join(repo, ".github", "CODEOWNERS"), text);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

function measure(compile: () => { owners(path: string): readonly string[] }): {
  compileMs: number;
  matchMs: number;
  checksum: number;
} {
  const compiles: number[] = [];
  const matches: number[] = [];
  let checksum = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    const c = time(compile);
    const m = time(() => {
      let owned = 0;
      for (const p of paths) owned += c.value.owners(p).length;
      return owned;
    });
    checksum = m.value;
    if (run === 0) continue; // warm-up
    compiles.push(c.ms);
    matches.push(m.ms);
  }
  return { compileMs: median(compiles), matchMs: median(matches), checksum };
}

try {
  const ours = measure(() => {
    const m = compileCodeowners(text);
    return { owners: (p) => m.match(p).owners };
  });
  const naive = measure(() => {
    const m = naiveMatcher(text);
    return { owners: (p) => m(p).owners };
  });
  const theirs = measure(() => {
    const c = new Codeowners(repo);
    return { owners: (p) => c.getOwner(p) };
  });

  const reference = new Codeowners(repo);
  const ourMatcher = compileCodeowners(text);
  const step = Math.max(1, Math.floor(paths.length / AGREEMENT_SAMPLE));
  let compared = 0;
  let agreed = 0;
  const differences: string[] = [];
  for (let i = 0; i < paths.length; i += step) {
    const p = paths[i] as string;
    const a = ourMatcher.match(p).owners.join(" ");
    const b = reference.getOwner(p).join(" ");
    compared++;
    if (a === b) agreed++;
    else if (differences.length < 5)
      differences.push(
        `  ${p}\n    ours: ${a || "(unowned)"}\n    codeowners: ${b || "(unowned)"}`,
      );
  }

  const fmt = (ms: number) => `${ms.toFixed(2).padStart(9)} ms`;
  const rules = ourMatcher.rules.length;
  console.log(
    `CODEOWNERS: python/cpython (${rules} rules), ${PATHS.toLocaleString("en")} paths, median of ${RUNS} runs`,
  );
  console.log("                      compile        match 100k");
  console.log(`guardrails (indexed) ${fmt(ours.compileMs)}  ${fmt(ours.matchMs)}`);
  console.log(`guardrails (naive)   ${fmt(naive.compileMs)}  ${fmt(naive.matchMs)}`);
  console.log(`codeowners 5.x       ${fmt(theirs.compileMs)}  ${fmt(theirs.matchMs)}`);
  console.log(
    `ratio ours/codeowners: compile ${(ours.compileMs / theirs.compileMs).toFixed(3)}, match ${(ours.matchMs / theirs.matchMs).toFixed(4)} (codeowners is ${(theirs.matchMs / ours.matchMs).toFixed(1)}x slower at matching)`,
  );
  console.log(`ratio indexed/naive match: ${(ours.matchMs / naive.matchMs).toFixed(3)}`);
  console.log(
    `agreement with codeowners: ${agreed}/${compared} (${((100 * agreed) / compared).toFixed(2)}%)`,
  );
  if (differences.length) console.log(`first differences:\n${differences.join("\n")}`);
  if (ours.checksum !== naive.checksum) {
    console.error("indexed and naive matchers disagree: the benchmark is invalid");
    process.exitCode = 1;
  }
} finally {
  rmSync(repo, { recursive: true, force: true });
}
