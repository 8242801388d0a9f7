import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** git without the user's global or system config, so tests behave the same everywhere. */
const ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_DATE: "2026-12-01T10:00:00Z",
  GIT_COMMITTER_DATE: "2026-12-01T10:00:00Z",
  LC_ALL: "C",
};

/** A throwaway git repository in the OS temp directory. */
export class TempRepo {
  readonly dir: string;

  constructor(options: { branch?: string; init?: boolean } = {}) {
    this.dir = mkdtempSync(join(tmpdir(), "guardrails-local-"));
    if (options.init === false) return;
    this.git("init", "-q", "-b", options.branch ?? "main");
    this.git("config", "user.name", "Jane Doe");
    this.git("config", "user.email", "jane@example.com");
    this.git("config", "commit.gpgsign", "false");
  }

  git(...args: string[]): string {
    return execFileSync("git", args, { cwd: this.dir, env: ENV, encoding: "utf8" });
  }

  /** Writes (string or bytes), deletes (null) files, then commits everything. */
  commit(
    message: string,
    files: Record<string, string | Buffer | null> = {},
    options: { author?: string; executable?: string[] } = {},
  ): string {
    for (const [path, text] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (text === null) unlinkSync(full);
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
    for (const path of options.executable ?? []) chmodSync(join(this.dir, path), 0o755);
    this.git("add", "-A");
    const author = options.author ? ["--author", options.author] : [];
    this.git("commit", "-q", "--allow-empty", "-m", message, ...author);
    return this.git("rev-parse", "HEAD").trim();
  }

  /**
   * Commits many files with the same content without writing them to the work tree: one blob,
   * one `update-index --index-info`, one commit (fast enough for thousands of files).
   */
  commitMany(message: string, paths: readonly string[], content: string): string {
    const blob = execFileSync("git", ["hash-object", "-w", "--stdin"], {
      cwd: this.dir,
      env: ENV,
      input: content,
      encoding: "utf8",
    }).trim();
    const info = paths.map((p) => `100644 ${blob}\t${p}\n`).join("");
    execFileSync("git", ["update-index", "--add", "--index-info"], {
      cwd: this.dir,
      env: ENV,
      input: info,
    });
    this.git("commit", "-q", "-m", message);
    return this.sha();
  }

  sha(ref = "HEAD"): string {
    return this.git("rev-parse", ref).trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Lines "1\n2\n...n\n". */
export function lines(n: number, prefix = "line"): string {
  return Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join("");
}
