/**
 * `npx tsx bench/check.ts` — what `guardrails check` costs on top of git itself.
 *
 * Builds a throwaway repository with `git fast-import` (thousands of files, hundreds of commits,
 * a base that moved on after the branch, a branch that changes 3,000 files with renames and
 * deletions), then times:
 *   baseline  git alone: `git merge-base` + the one `git diff-tree --raw --numstat` the loader runs
 *   check     the whole `loadLocalSnapshot` + `evaluate` (checkLocal)
 * and prints the medians, the ratio and the absolute overhead in milliseconds.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { checkLocal } from "../src/local/check.js";
import { diffTreeArgs } from "../src/local/git.js";

const FILES = 6_000;
const MAIN_COMMITS = 400;
const BRANCH_AT = 350;
const FILES_PER_COMMIT = 25;
const CHANGED = 3_000;
const RENAMED = 60;
const DELETED = 40;
const RUNS = 9;

const run = promisify(execFile);
const ENV = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };

function path(i: number): string {
  return `src/mod${String(i % 60).padStart(2, "0")}/file${String(i).padStart(5, "0")}.ts`;
}

function body(i: number, version: number, extra = 0): string {
  const out: string[] = [`// file ${i}, version ${version}`];
  for (let k = 0; k < 20 + extra; k++) out.push(`export const v${k} = ${(i * 31 + k * 7) % 997};`);
  return `${out.join("\n")}\n`;
}

/** A fast-import stream: main with history, then `feature` from main~(MAIN_COMMITS-BRANCH_AT). */
function importStream(): string {
  const out: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  let time = 1_780_000_000;
  let mark = 0;
  const commit = (ref: string, message: string, ops: string[], from?: number) => {
    mark++;
    out.push(
      `commit ${ref}`,
      `mark :${mark}`,
      `author Jane Doe <jane@example.com> ${time} +0000`,
      `committer Jane Doe <jane@example.com> ${time} +0000`,
      data(message),
    );
    if (from !== undefined) out.push(`from :${from}`);
    out.push(...ops, "");
    time += 600;
    return mark;
  };
  const modify = (p: string, text: string) => `M 100644 inline ${p}\n${data(text)}`;

  const initial = [
    modify(".github/guardrails.yml", "rules:\n  size:\n    max_files: 5000\n"),
    modify(".github/CODEOWNERS", "* @acme/everyone\nsrc/mod01/ @acme/mod01\n"),
    modify(".gitattributes", "src/gen/** linguist-generated\n"),
  ];
  for (let k = 1; k <= 30; k++) {
    initial.push(
      modify(
        `docs/adr/${String(k).padStart(4, "0")}-decision.md`,
        `# ${k}. Decision\n\n## Status\n\nAccepted\n`,
      ),
    );
  }
  for (let i = 0; i < FILES; i++) initial.push(modify(path(i), body(i, 0)));
  let branchPoint = commit("refs/heads/main", "Initial import\n", initial);
  for (let c = 1; c < MAIN_COMMITS; c++) {
    const ops: string[] = [];
    for (let k = 0; k < FILES_PER_COMMIT; k++) {
      const i = (c * 97 + k * 13) % FILES;
      ops.push(modify(path(i), body(i, c)));
    }
    const m = commit("refs/heads/main", `Change ${c}\n\nSome explanation.\n`, ops);
    if (c === BRANCH_AT) branchPoint = m;
  }
  // The branch: 3,000 changed files in three commits, some renamed, some deleted.
  const per = Math.ceil(CHANGED / 3);
  let parent = branchPoint;
  for (let part = 0; part < 3; part++) {
    const ops: string[] = [];
    for (let n = part * per; n < Math.min(CHANGED, (part + 1) * per); n++) {
      const i = (n * 2 + 1) % FILES;
      if (n < RENAMED) ops.push(`R ${path(i)} ${path(i).replace("/file", "/moved")}`);
      else if (n < RENAMED + DELETED) ops.push(`D ${path(i)}`);
      else ops.push(modify(path(i), body(i, 9_999, 3)));
    }
    parent = commit(
      "refs/heads/feature",
      `Feature part ${part + 1}\n\nIntent: docs/intent.md\n`,
      ops,
      parent,
    );
  }
  return `${out.join("\n")}\n`;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm the OS caches and the module graph
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "guardrails-bench-"));
  try {
    const t0 = performance.now();
    execFileSync("git", ["init", "-q", "-b", "main", dir], { env: ENV });
    execFileSync("git", ["fast-import", "--quiet"], {
      cwd: dir,
      env: ENV,
      input: importStream(),
      maxBuffer: 1 << 30,
    });
    const built = performance.now() - t0;

    const opts = { cwd: dir, env: ENV, maxBuffer: 1 << 30 };
    const gitAlone = async () => {
      const { stdout } = await run("git", ["merge-base", "main", "feature"], opts);
      await run("git", diffTreeArgs(stdout.trim(), "feature"), opts);
    };
    const whole = () => checkLocal({ cwd: dir, base: "main", head: "feature" });

    const sample = await whole();
    const git = await time(gitAlone);
    const check = await time(whole);
    const g = median(git);
    const c = median(check);
    const s = sample.snapshot;
    console.log(
      `repository: ${FILES} files, ${MAIN_COMMITS} commits on main (branch at ${BRANCH_AT}), built in ${built.toFixed(0)} ms`,
    );
    console.log(
      `branch: ${s.changedFilesCount} changed files (${s.files.filter((f) => f.status === "renamed").length} renamed, ${s.files.filter((f) => f.status === "removed").length} removed), listed ${s.files.length}, truncated ${s.filesTruncated}; verdict ${sample.verdict.conclusion}`,
    );
    console.log(`runs: ${RUNS} each, after one warm-up; medians (min–max)`);
    console.log(
      `  git alone (merge-base + diff-tree --raw --numstat): ${g.toFixed(1)} ms (${git[0]!.toFixed(1)}–${git.at(-1)!.toFixed(1)})`,
    );
    console.log(
      `  guardrails check (loadLocalSnapshot + evaluate):  ${c.toFixed(1)} ms (${check[0]!.toFixed(1)}–${check.at(-1)!.toFixed(1)})`,
    );
    console.log(`  ratio: ${(c / g).toFixed(2)}x git alone; overhead: ${(c - g).toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
