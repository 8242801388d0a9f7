import { execFile } from "node:child_process";

/**
 * Thin wrappers over the `git` executable: no shell, one process per batch, output parsed from
 * NUL-separated formats so any file name survives. Every failure is a `GitError` carrying git's
 * own message; callers decide what it means for the user.
 */

/** Enough for the raw diff of a very large branch; git output beyond this is an error. */
const MAX_BUFFER = 1024 * 1024 * 1024;

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly stderr: string,
    /** git's exit code, or null when git could not be started. */
    readonly exitCode: number | null,
    /** True when the `git` executable was not found. */
    readonly notInstalled = false,
  ) {
    super(message);
    this.name = "GitError";
  }

  /** git's "not a git repository" message. */
  get notARepository(): boolean {
    return /not a git repository/i.test(this.stderr);
  }
}

/** Runs git in `cwd` and returns its standard output as bytes; `input` is written to stdin. */
export function gitBytes(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      {
        cwd,
        encoding: "buffer",
        maxBuffer: MAX_BUFFER,
        windowsHide: true,
        // Stable, English, prompt-free output; no optional index refresh (no lock taken).
        env: {
          ...process.env,
          LC_ALL: "C",
          GIT_TERMINAL_PROMPT: "0",
          GIT_OPTIONAL_LOCKS: "0",
          GIT_PAGER: "cat",
        },
      },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const text = stderr.toString("utf8").trim();
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "ENOENT") {
          return reject(new GitError("git is not installed or not on PATH", args, "", null, true));
        }
        const exitCode = typeof code === "number" ? code : null;
        const first = text.split("\n").find((l) => l.trim()) ?? err.message;
        reject(new GitError(first.replace(/^(fatal|error): /, ""), args, text, exitCode));
      },
    );
    // A process that exits before reading all input must not crash us with EPIPE.
    child.stdin?.on("error", () => {});
    child.stdin?.end(input ?? "");
  });
}

/** Runs git and returns standard output as text. */
export async function git(cwd: string, args: readonly string[], input?: string): Promise<string> {
  return (await gitBytes(cwd, args, input)).toString("utf8");
}

/** Like `git`, but a non-zero exit (e.g. "not found") yields null instead of an error. */
export async function gitMaybe(cwd: string, args: readonly string[]): Promise<string | null> {
  try {
    return await git(cwd, args);
  } catch (err) {
    if (err instanceof GitError && err.exitCode !== null && !err.notARepository) return null;
    throw err;
  }
}

/**
 * The top of the work tree and the full names of refs (`refs/heads/x`, `refs/remotes/origin/x`;
 * "" for a SHA, "HEAD" for a detached HEAD), in one process. Fails when any ref is unknown, so
 * resolve them first (`catFile`). Refs that look like options are never passed to git.
 */
export async function workTreeAndNames(
  cwd: string,
  refs: readonly string[],
): Promise<{ top: string; names: string[] }> {
  const safe = refs.filter((r) => !r.startsWith("-") && !r.includes("\n"));
  const out = await git(cwd, [
    "rev-parse",
    "--show-toplevel",
    "--symbolic-full-name",
    ...safe,
    "--",
  ]);
  const [top = "", ...rest] = out.split("\n");
  let names = rest.filter((l) => l !== "--" && l !== "");
  if (names.length !== safe.length) {
    // A ref without a symbolic name (a SHA, `HEAD~1`) prints nothing: ask one by one to align.
    names = await Promise.all(
      safe.map(async (r) => {
        const one = await git(cwd, ["rev-parse", "--symbolic-full-name", r, "--"]);
        return one.split("\n").find((l) => l !== "--" && l !== "") ?? "";
      }),
    );
  }
  const byRef = new Map(safe.map((r, k) => [r, names[k] ?? ""]));
  return { top, names: refs.map((r) => byRef.get(r) ?? "") };
}

/**
 * Which of the candidate refs exist, and where `refs/remotes/origin/HEAD` points when it points
 * at an existing ref — one `for-each-ref` (a dangling symbolic ref is not listed).
 */
export async function refsAndOriginHead(
  cwd: string,
  candidates: readonly string[],
): Promise<{ existing: string[]; originHead: string | null }> {
  const originHead = "refs/remotes/origin/HEAD";
  const out = await git(cwd, [
    "for-each-ref",
    "--format=%(refname)%00%(symref)",
    originHead,
    ...candidates,
  ]);
  const found = new Map<string, string>();
  for (const line of out.split("\n")) {
    const [name = "", target = ""] = line.split("\0");
    if (name) found.set(name, target);
  }
  return {
    existing: candidates.filter((c) => found.has(c)),
    originHead: found.get(originHead) || null,
  };
}

/** The best common ancestor of two commits, or null when the histories are unrelated. */
export async function mergeBase(cwd: string, a: string, b: string): Promise<string | null> {
  const out = await gitMaybe(cwd, ["merge-base", a, b]);
  return out?.trim() || null;
}

/** A config value, or null when unset. */
export async function configValue(cwd: string, key: string): Promise<string | null> {
  const out = await gitMaybe(cwd, ["config", "--get", key]);
  return out?.trim() || null;
}

export type RawStatus = "A" | "D" | "M" | "R" | "C" | "T" | "U" | "X";

/** One entry of `git diff --raw --numstat -z`: status, paths and line counts. */
export interface DiffEntry {
  readonly status: RawStatus;
  readonly path: string;
  /** The old path of a rename or copy. */
  readonly previousPath?: string;
  /** Lines added and deleted; 0/0 for binary files (numstat prints `-`). */
  readonly additions: number;
  readonly deletions: number;
  /** True when only the file mode changed (same blob). */
  readonly modeOnly: boolean;
}

/**
 * The changes between two commits with statuses, renames and line counts, from ONE git process:
 * `git diff-tree -r -z --raw --numstat -M` prints every raw record, then every numstat record,
 * both in the same order.
 */
export async function diffTree(cwd: string, from: string, to: string): Promise<DiffEntry[]> {
  const out = await git(cwd, diffTreeArgs(from, to));
  return parseRawNumstat(out);
}

/** The arguments of the one diff command (exported for the benchmark's "git alone" baseline). */
export function diffTreeArgs(from: string, to: string): string[] {
  return [
    "diff-tree",
    "-r",
    "-z",
    "--raw",
    "--numstat",
    "--find-renames",
    "--no-ext-diff",
    "--no-textconv",
    "--end-of-options",
    from,
    to,
  ];
}

/** Parses the output of `--raw --numstat -z` (raw records first, then numstat records). */
export function parseRawNumstat(out: string): DiffEntry[] {
  const tokens = out.split("\0");
  let i = 0;
  const raw: { status: RawStatus; path: string; previousPath?: string; modeOnly: boolean }[] = [];
  while (i < tokens.length && tokens[i]!.startsWith(":")) {
    // ":<old mode> <new mode> <old sha> <new sha> <status><score>"
    const [oldMode, newMode, oldSha, newSha, statusField = ""] = tokens[i]!.slice(1).split(" ");
    const status = (statusField[0] ?? "M") as RawStatus;
    i++;
    if (status === "R" || status === "C") {
      const previousPath = tokens[i++] ?? "";
      raw.push({ status, previousPath, path: tokens[i++] ?? "", modeOnly: false });
    } else {
      const modeOnly = status === "M" && oldSha === newSha && oldMode !== newMode;
      raw.push({ status, path: tokens[i++] ?? "", modeOnly });
    }
  }
  const counts: { path: string; additions: number; deletions: number }[] = [];
  while (i < tokens.length) {
    const token = tokens[i++]!;
    if (token === "") continue;
    const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(token);
    if (!m) continue;
    let path = m[3]!;
    if (path === "") {
      // A rename: "<a>\t<d>\t\0<old>\0<new>"
      i++;
      path = tokens[i++] ?? "";
    }
    const n = (s: string) => (s === "-" ? 0 : Number(s));
    counts.push({ path, additions: n(m[1]!), deletions: n(m[2]!) });
  }
  // Same order in both sections; fall back to a lookup by path if git ever disagrees.
  const byPath = new Map(counts.map((c) => [c.path, c]));
  return raw.map((r, k) => {
    const c = counts[k]?.path === r.path ? counts[k] : byPath.get(r.path);
    return { ...r, additions: c?.additions ?? 0, deletions: c?.deletions ?? 0 };
  });
}

export interface Commit {
  readonly sha: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly subject: string;
  /** The full message (subject, blank line, body), trailing newlines trimmed. */
  readonly message: string;
}

const SEP = "\x1f";

/** Commits reachable from `head` and not from `base`, oldest first (one process). */
export async function commitsBetween(cwd: string, base: string, head: string): Promise<Commit[]> {
  const out = await git(cwd, [
    "log",
    "-z",
    "--reverse",
    "--no-show-signature",
    `--format=%H${SEP}%an${SEP}%ae${SEP}%s${SEP}%B`,
    "--end-of-options",
    `${base}..${head}`,
  ]);
  return out
    .split("\0")
    .filter((record) => record.trim() !== "")
    .map(parseCommit);
}

/** The author and message of one commit. */
export async function commitInfo(cwd: string, ref: string): Promise<Commit> {
  const out = await git(cwd, [
    "log",
    "-1",
    "--no-show-signature",
    `--format=%H${SEP}%an${SEP}%ae${SEP}%s${SEP}%B`,
    "--end-of-options",
    ref,
  ]);
  return parseCommit(out);
}

function parseCommit(record: string): Commit {
  const parts = record.replace(/^\n/, "").split(SEP);
  const [sha = "", authorName = "", authorEmail = "", subject = ""] = parts;
  const message = parts.slice(4).join(SEP).replace(/\s+$/, "");
  return { sha, authorName, authorEmail, subject, message };
}

export interface TreeEntry {
  readonly path: string;
  readonly sha: string;
  /** `blob`, `tree` or `commit` (a submodule). */
  readonly type: string;
  readonly mode: string;
}

/** The entries directly inside the given directories at a commit (one process, not recursive). */
export async function listDirectories(
  cwd: string,
  ref: string,
  dirs: readonly string[],
): Promise<TreeEntry[]> {
  if (dirs.length === 0) return [];
  const out = await git(cwd, [
    "ls-tree",
    "-z",
    "--full-name",
    "--end-of-options",
    ref,
    "--",
    ...dirs.map((d) => `${d.replace(/\/+$/, "")}/`),
  ]);
  return out
    .split("\0")
    .filter(Boolean)
    .flatMap((line) => {
      const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
      return m ? [{ mode: m[1]!, type: m[2]!, sha: m[3]!, path: m[4]! }] : [];
    });
}

export interface Blob {
  readonly sha: string;
  readonly content: string;
}

/** One answer of `git cat-file --batch`: the object's SHA and type; text content for blobs. */
export interface CatEntry {
  readonly sha: string;
  readonly type: string;
  /** The blob's text; null for other object types (commits, trees). */
  readonly content: string | null;
}

/**
 * Looks up many object names (`<ref>^{commit}`, `<commit>:<path>`, a SHA) with ONE
 * `git cat-file --batch` process; a name that names nothing maps to null.
 */
export async function catFile(
  cwd: string,
  specs: readonly string[],
): Promise<Map<string, CatEntry | null>> {
  const result = new Map<string, CatEntry | null>();
  const unique = [...new Set(specs)];
  // A name with a newline cannot be asked for on a batch line: it reads as missing.
  const asked = unique.filter((s) => !s.includes("\n"));
  for (const s of unique) result.set(s, null);
  if (asked.length === 0) return result;
  const out = await gitBytes(cwd, ["cat-file", "--batch"], `${asked.join("\n")}\n`);
  let pos = 0;
  for (const spec of asked) {
    const eol = out.indexOf(0x0a, pos);
    if (eol < 0) break;
    const header = out.toString("utf8", pos, eol);
    pos = eol + 1;
    // "<sha> <type> <size>" then the content and a newline; or "<spec> missing" / "ambiguous"
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!m) continue;
    const size = Number(m[3]);
    const type = m[2]!;
    const content = type === "blob" ? out.toString("utf8", pos, pos + size) : null;
    result.set(spec, { sha: m[1]!, type, content });
    pos += size + 1;
  }
  return result;
}

/**
 * Reads many `<commit>:<path>` blobs in one process. Missing paths, directories and submodules
 * read as null (as the contents API answers 404 or "not a file").
 */
export async function readBlobs(
  cwd: string,
  specs: readonly string[],
): Promise<Map<string, Blob | null>> {
  const entries = await catFile(cwd, specs);
  const result = new Map<string, Blob | null>();
  for (const [spec, e] of entries) {
    result.set(spec, e && e.content !== null ? { sha: e.sha, content: e.content } : null);
  }
  return result;
}
