import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { z } from "zod";
import { UsageError } from "../cli/args.js";
import { CONFIG_PATH, type ConfigResult, parseConfigText } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { selectRules } from "../engine/profiles.js";
import { planReads } from "../snapshot/reads.js";
import { snapshotSchema } from "../snapshot/schema.js";
import type { ChangedFile, FileContent, PullRequestSnapshot } from "../snapshot/types.js";
import { authorOf } from "./author.js";
import {
  type Blob,
  type CatEntry,
  type Commit,
  catFile,
  commitInfo,
  commitsBetween,
  configValue,
  type DiffEntry,
  diffTree,
  GitError,
  gitMaybe,
  listDirectories,
  mergeBase,
  readBlobs,
  workTreeAndNames,
} from "./git.js";
import { defaultBaseRef, type ResolvedRef, repoFromRemote, resolvedRef } from "./refs.js";

export { UsageError };

/** GitHub lists at most 3,000 files of a pull request; a local run stops at the same place. */
export const MAX_FILES = 3_000;

export interface LocalOptions {
  /** Any directory inside the work tree. */
  readonly cwd: string;
  /** The branch the PR would merge into; default origin/HEAD, else main, else master. */
  readonly base?: string;
  /** The PR's head; default `HEAD`. */
  readonly head?: string;
  /** A file holding the PR description; default the commit messages since the merge base. */
  readonly bodyFile?: string;
  /** A local config file to use instead of the base's `.github/guardrails.yml`. */
  readonly configFile?: string;
}

export interface LocalSnapshot {
  readonly snapshot: PullRequestSnapshot;
  /** The config in force (from the base, the --config file, or the defaults), or its errors. */
  readonly config: ConfigResult;
  /** Where the config came from, for the user: `origin/main:.github/guardrails.yml`, a file, or defaults. */
  readonly configSource: string;
  /** Things the user should know that do not change the verdict (e.g. `_extends` not followed). */
  readonly warnings: readonly string[];
}

/**
 * Builds the snapshot the app would build for a PR from `head` into `base`, from local git only:
 * the diff from the merge base to the head, and every file the rules read taken from the BASE
 * (config, CODEOWNERS, .gitattributes, decision records, intent briefs) — head versions only for
 * the decision records, intent briefs and config the PR itself adds or changes. Data only GitHub
 * has (reviews, teams, review requests and load, issues) is null, so those rules say so.
 * Bad input (not a repository, unknown ref, unreadable file) is a `UsageError`.
 */
export async function loadLocalSnapshot(options: LocalOptions): Promise<LocalSnapshot> {
  const { cwd } = options;
  await assertDirectory(cwd);
  const guard = <T>(p: Promise<T>) => p.catch((err: unknown) => rethrow(err, cwd));

  // 1. Both ends, the base's config, the work tree's top and the remote: three git processes.
  const baseInput = options.base ?? (await guard(defaultBaseRef(cwd)));
  const headInput = options.head ?? "HEAD";
  const specs = {
    base: `${baseInput}^{commit}`,
    head: `${headInput}^{commit}`,
    config: `${baseInput}^{commit}:${CONFIG_PATH}`,
  };
  const [objects, names, remote, bodyText, configText] = await Promise.all([
    guard(catFile(cwd, options.configFile ? [specs.base, specs.head] : Object.values(specs))),
    // Fails on an unknown ref too: reported after the refs are checked, so the message says which.
    settle(workTreeAndNames(cwd, [baseInput, headInput])),
    guard(configValue(cwd, "remote.origin.url")),
    options.bodyFile ? readText(cwd, options.bodyFile, "body file") : null,
    options.configFile ? readText(cwd, options.configFile, "config file") : null,
  ]);
  const baseSha = commitOf(objects.get(specs.base), baseInput, "--base");
  const headSha = commitOf(objects.get(specs.head), headInput, "--head");
  if (!names.ok) rethrow(names.error, cwd);
  const { top, names: fullNames } = names.value;
  const base = resolvedRef(baseInput, baseSha, fullNames[0] ?? "");
  const head = resolvedRef(headInput, headSha, fullNames[1] ?? "");
  const configRead = readConfig({
    base,
    configFile: options.configFile,
    text: options.configFile ? configText : (objects.get(specs.config)?.content ?? null),
  });

  // 2. The changed files, merge base → head (as the PR's "Files changed" shows them), and the
  //    commits, in parallel.
  const [diff, commits] = await Promise.all([
    guard(
      mergeBase(top, base.sha, head.sha).then(async (since) => {
        if (!since) throw new UsageError(await noMergeBase(top, base, head));
        return diffTree(top, since, head.sha);
      }),
    ),
    guard(commitsBetween(top, base.sha, head.sha)),
  ]);
  const headCommit = commits.at(-1) ?? (await guard(commitInfo(top, head.sha)));
  const files = diff.map(toChangedFile);

  const repo = repoFromRemote(remote) ?? { owner: "local", name: basename(top) };
  const core = coreSnapshot({ repo, base, head, files, commits, headCommit, bodyText });

  // 3. Plan the reads exactly as the app does, from the rules in force after profiles.
  const planConfig: Config = configRead.config.ok ? configRead.config.config : defaults();
  const { rules } = selectRules(planConfig, core);
  const plan = planReads({ body: core.body, repo, files: core.files, rules });

  // 4. Decision directories listed at the base, then every file in ONE cat-file batch.
  const entries = await guard(listDirectories(top, base.sha, plan.decisionDirectories));
  const decisionEntries = entries.filter(
    (e) => e.type === "blob" && e.mode !== "120000" && e.path.endsWith(".md"),
  );
  const added = new Set(core.files.filter((f) => f.status === "added").map((f) => f.path));
  const headIntent = plan.intentFiles.filter((p) => added.has(p));
  const at = (sha: string, path: string) => `${sha}:${path}`;
  const baseSpecs = [
    ...plan.codeowners,
    ...(plan.gitattributes ? [plan.gitattributes] : []),
    ...plan.intentFiles,
  ].map((p) => at(base.sha, p));
  const headSpecs = [
    ...plan.headDecisionFiles,
    ...headIntent,
    ...(plan.headConfig ? [plan.headConfig] : []),
  ].map((p) => at(head.sha, p));
  const blobs = await guard(
    readBlobs(top, [...baseSpecs, ...headSpecs, ...decisionEntries.map((e) => e.sha)]),
  );
  const fileAt = (sha: string, path: string): FileContent | null => {
    const blob = blobs.get(at(sha, path));
    return blob ? content(path, blob) : null;
  };
  const allAt = (sha: string, paths: readonly string[]) =>
    paths.flatMap((p) => fileAt(sha, p) ?? []);
  const firstCodeowners = plan.codeowners.find((p) => blobs.get(at(base.sha, p)));

  const { baseFiles, headFiles } = snapshotSchema.shape;
  const snapshot: PullRequestSnapshot = {
    ...core,
    baseFiles: baseFiles.parse({
      gitattributes: plan.gitattributes ? fileAt(base.sha, plan.gitattributes) : null,
      codeowners: firstCodeowners ? fileAt(base.sha, firstCodeowners) : null,
      codeownersProblems: [],
      decisions: decisionEntries.flatMap((e) => {
        const blob = blobs.get(e.sha);
        return blob ? [content(e.path, blob)] : [];
      }),
      intentFiles: allAt(base.sha, plan.intentFiles),
    }),
    headFiles: headFiles.parse({
      config: plan.headConfig ? fileAt(head.sha, plan.headConfig) : null,
      decisions: allAt(head.sha, plan.headDecisionFiles),
      intentFiles: allAt(head.sha, headIntent),
    }),
  };
  return {
    snapshot,
    config: configRead.config,
    configSource: configRead.source,
    warnings: configRead.warnings,
  };
}

/** The PR fields that come from the refs, commits and diff. */
function coreSnapshot(input: {
  repo: { owner: string; name: string };
  base: ResolvedRef;
  head: ResolvedRef;
  files: ChangedFile[];
  commits: readonly Commit[];
  headCommit: Commit;
  bodyText: string | null;
}): PullRequestSnapshot {
  const { repo, base, head, files, commits, headCommit, bodyText } = input;
  const messages = commits.map((c) => c.message);
  return snapshotSchema.parse({
    version: 1,
    source: "local",
    repo: { owner: repo.owner, name: repo.name, defaultBranch: base.branch },
    number: 0,
    title: commits[0]?.subject ?? "",
    body: bodyText ?? messages.join("\n\n"),
    author: authorOf(headCommit.authorName, headCommit.authorEmail),
    labels: [],
    draft: false,
    createdAt: null,
    base: { ref: base.branch, sha: base.sha },
    head: { ref: head.branch, sha: head.sha },
    files: files.slice(0, MAX_FILES),
    filesTruncated: files.length > MAX_FILES,
    changedFilesCount: files.length,
    reviews: null,
    teams: null,
    requestedReviewers: null,
    removedReviewers: [],
    reviewLoad: null,
    issues: null,
    commitMessages: messages,
  } satisfies z.input<typeof snapshotSchema>);
}

const STATUS: Record<DiffEntry["status"], ChangedFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
  U: "modified",
  X: "modified",
};

function toChangedFile(e: DiffEntry): ChangedFile {
  return {
    path: e.path,
    status: e.modeOnly ? "changed" : STATUS[e.status],
    additions: e.additions,
    deletions: e.deletions,
    ...(e.previousPath !== undefined ? { previousPath: e.previousPath } : {}),
  };
}

function content(path: string, blob: Blob): FileContent {
  return { path, content: blob.content, sha: blob.sha };
}

function defaults(): Config {
  const result = parseConfigText("", "(defaults)");
  if (!result.ok) throw new Error("the built-in default config does not validate");
  return result.config;
}

/** The config: a --config file, else `.github/guardrails.yml` at the base, else the defaults. */
function readConfig(input: {
  base: ResolvedRef;
  configFile: string | undefined;
  text: string | null;
}): { config: ConfigResult; source: string; warnings: string[] } {
  const { base, configFile, text } = input;
  if (text === null) {
    return {
      config: { ok: true, config: defaults() },
      source: `built-in defaults (no ${CONFIG_PATH} on ${base.label})`,
      warnings: [],
    };
  }
  const source = configFile ?? `${base.label}:${CONFIG_PATH}`;
  const warnings: string[] = [];
  const extendsLine = /^_extends\s*:\s*(.*)$/m.exec(text);
  if (extendsLine) {
    warnings.push(
      `${source} extends ${extendsLine[1]!.trim() || "another config"}; a local check does not read it, so only this file's settings apply`,
    );
  }
  return { config: parseConfigText(text, source), source, warnings };
}

/** The commit a cat-file answer names; an unknown ref is a usage error. */
function commitOf(entry: CatEntry | null | undefined, ref: string, flag: string): string {
  if (!entry) throw new UsageError(`unknown ref "${ref}" (${flag}): no such branch, tag or commit`);
  return entry.sha;
}

async function readText(cwd: string, file: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), "utf8");
  } catch (err) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(err as Error).message}`);
  }
}

/** Why there is no merge base: a shallow clone (fetch more history) or unrelated branches. */
async function noMergeBase(top: string, base: ResolvedRef, head: ResolvedRef): Promise<string> {
  const shallow = (await gitMaybe(top, ["rev-parse", "--is-shallow-repository"]))?.trim();
  return shallow === "true"
    ? `${head.label} and ${base.label} have no common history in this shallow clone; fetch more (git fetch --unshallow, or fetch-depth: 0 in CI)`
    : `${head.label} and ${base.label} have no common history (no merge base); is --base right?`;
}

function settle<T>(p: Promise<T>) {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function assertDirectory(cwd: string): Promise<void> {
  const isDir = await stat(cwd).then(
    (st) => st.isDirectory(),
    () => false,
  );
  if (!isDir) throw new UsageError(`${cwd} is not a directory`);
}

/** git's own failures become usage errors that carry git's message. */
function rethrow(err: unknown, cwd: string): never {
  if (err instanceof UsageError) throw err;
  if (err instanceof GitError) {
    if (err.notInstalled) throw new UsageError("git is not installed or not on PATH");
    if (err.notARepository) throw new UsageError(`${cwd} is not inside a git repository`);
    throw new UsageError(`git ${err.args[0] ?? ""} failed: ${err.message}`);
  }
  throw err;
}
