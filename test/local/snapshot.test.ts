import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorOf } from "../../src/local/author.js";
import { loadLocalSnapshot, MAX_FILES, UsageError } from "../../src/local/snapshot.js";
import { lines, TempRepo } from "./repo.js";

const CONFIG = ".github/guardrails.yml";
/** Turns on every read the plan can ask for, so the test sees each one. */
const READ_ALL = `rules:
  ownership: { enabled: true }
  intent: { enabled: true }
  decisions: { enabled: true, directories: [docs/adr] }
  size: { ignore_generated: true }
`;

const repos: TempRepo[] = [];
const track = (r: TempRepo) => {
  repos.push(r);
  return r;
};
afterAll(() => {
  for (const r of repos) r.remove();
});

describe("loadLocalSnapshot on a feature branch", () => {
  const repo = track(new TempRepo());
  let baseTip = "";
  let headTip = "";

  beforeAll(() => {
    repo.git("remote", "add", "origin", "git@github.com:acme/widgets.git");
    repo.commit("Initial", {
      [CONFIG]: READ_ALL,
      ".github/CODEOWNERS": "* @acme/base-owners\n",
      ".gitattributes": "gen/** linguist-generated\n",
      "src/app.ts": lines(20),
      "src/old-name.ts": lines(30),
      "docs/gone.md": "old\n",
      "docs/adr/0001-use-git.md": "# 1. Use git\n\n## Status\n\nAccepted\n",
      "docs/adr/notes.txt": "not a record\n",
      "docs/adr/drafts/0009-nested.md": "# 9. Nested\n",
      "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
    });
    repo.git("checkout", "-q", "-b", "feature");
    repo.commit("Add the feature\n\nIntent: docs/intent.md", {
      "src/app.ts": `${lines(18)}changed a\nchanged b\nnew 1\nnew 2\nnew 3\n`,
      "src/old-name.ts": null,
      "src/new-name.ts": `${lines(30)}one more\n`,
      "docs/gone.md": null,
      "docs/intent.md": "# Intent\n",
      "docs/adr/0001-use-git.md": "# 1. Use git\n\n## Status\n\nSuperseded\n",
      "docs/adr/0002-use-zod.md": "# 2. Use zod\n",
      "logo.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 2]),
      ".github/CODEOWNERS": "* @someone-else\n",
      [CONFIG]: "rules:\n  size: { max_files: 1000 }\n",
    });
    headTip = repo.commit("Second step", { "src/new.ts": "export const x = 1;\n" });
    // The base moves on after the branch: its changes are not part of the PR.
    repo.git("checkout", "-q", "main");
    baseTip = repo.commit("Later on main", { "later.txt": "later\n", "src/app.ts": lines(21) });
    repo.git("checkout", "-q", "feature");
  });

  it("lists the files the PR changes since the merge base, like GitHub's Files tab", async () => {
    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(snapshot.files).toEqual([
      { path: ".github/CODEOWNERS", status: "modified", additions: 1, deletions: 1 },
      { path: CONFIG, status: "modified", additions: 1, deletions: 4 },
      { path: "docs/adr/0001-use-git.md", status: "modified", additions: 1, deletions: 1 },
      { path: "docs/adr/0002-use-zod.md", status: "added", additions: 1, deletions: 0 },
      { path: "docs/gone.md", status: "removed", additions: 0, deletions: 1 },
      { path: "docs/intent.md", status: "added", additions: 1, deletions: 0 },
      { path: "logo.png", status: "modified", additions: 0, deletions: 0 },
      { path: "src/app.ts", status: "modified", additions: 5, deletions: 2 },
      {
        path: "src/new-name.ts",
        status: "renamed",
        additions: 1,
        deletions: 0,
        previousPath: "src/old-name.ts",
      },
      { path: "src/new.ts", status: "added", additions: 1, deletions: 0 },
    ]);
    expect(snapshot.changedFilesCount).toBe(10);
    expect(snapshot.filesTruncated).toBe(false);
  });

  it("describes the PR from the refs and commits; GitHub-only data is null", async () => {
    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(snapshot).toMatchObject({
      version: 1,
      source: "local",
      repo: { owner: "acme", name: "widgets", defaultBranch: "main" },
      number: 0,
      title: "Add the feature",
      body: "Add the feature\n\nIntent: docs/intent.md\n\nSecond step",
      author: { login: "jane", type: "User" },
      labels: [],
      draft: false,
      createdAt: null,
      base: { ref: "main", sha: baseTip },
      head: { ref: "feature", sha: headTip },
      reviews: null,
      teams: null,
      requestedReviewers: null,
      removedReviewers: [],
      reviewLoad: null,
      issues: null,
      commitMessages: ["Add the feature\n\nIntent: docs/intent.md", "Second step"],
    });
  });

  it("reads config, CODEOWNERS, .gitattributes and decisions from the base, not the head", async () => {
    const { snapshot, config, configSource } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(configSource).toBe(`main:${CONFIG}`);
    expect(config.ok).toBe(true);
    const { baseFiles, headFiles } = snapshot;
    expect(baseFiles.codeowners).toMatchObject({
      path: ".github/CODEOWNERS",
      content: "* @acme/base-owners\n",
    });
    expect(baseFiles.codeowners?.sha).toBe(repo.git("rev-parse", "main:.github/CODEOWNERS").trim());
    expect(baseFiles.gitattributes?.content).toBe("gen/** linguist-generated\n");
    // Only *.md files directly in the directory, as the contents API lists them.
    expect(baseFiles.decisions.map((d) => [d.path, d.content])).toEqual([
      ["docs/adr/0001-use-git.md", "# 1. Use git\n\n## Status\n\nAccepted\n"],
    ]);
    expect(headFiles.decisions.map((d) => [d.path, d.content])).toEqual([
      ["docs/adr/0001-use-git.md", "# 1. Use git\n\n## Status\n\nSuperseded\n"],
      ["docs/adr/0002-use-zod.md", "# 2. Use zod\n"],
    ]);
    // The brief is added by the PR: absent on the base, read at the head.
    expect(baseFiles.intentFiles).toEqual([]);
    expect(headFiles.intentFiles.map((f) => f.path)).toEqual(["docs/intent.md"]);
    // The config the PR changes is carried for the preview, never applied.
    expect(headFiles.config?.content).toBe("rules:\n  size: { max_files: 1000 }\n");
  });

  it("takes the body from --body-file and keeps the first commit's subject as the title", async () => {
    const body = join(repo.dir, "body.md");
    writeFileSync(body, "Intent: #12\n\nWhy: because.\n");
    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir, bodyFile: body });
    expect(snapshot.body).toBe("Intent: #12\n\nWhy: because.\n");
    expect(snapshot.title).toBe("Add the feature");
    expect(snapshot.baseFiles.intentFiles).toEqual([]);
  });

  it("works from a subdirectory and with explicit refs", async () => {
    const { snapshot } = await loadLocalSnapshot({
      cwd: join(repo.dir, "src"),
      base: "main",
      head: "feature~1",
    });
    expect(snapshot.head.sha).toBe(repo.sha("feature~1"));
    expect(snapshot.files.map((f) => f.path)).not.toContain("src/new.ts");
    expect(snapshot.commitMessages).toEqual(["Add the feature\n\nIntent: docs/intent.md"]);
  });

  it.each([
    [{ base: "no-such-branch" }, 'unknown ref "no-such-branch" (--base)'],
    [{ head: "deadbeef" }, 'unknown ref "deadbeef" (--head)'],
    [{ bodyFile: "/no/such/body.md" }, "cannot read the body file /no/such/body.md"],
    [{ configFile: "missing.yml" }, "cannot read the config file missing.yml"],
  ])("rejects bad input %j with a usage error", async (options, message) => {
    const err = await loadLocalSnapshot({ cwd: repo.dir, ...options }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain(message);
  });
});

describe("choosing the base", () => {
  it("uses origin/HEAD when the remote names its default branch", async () => {
    const repo = track(new TempRepo());
    const first = repo.commit("one", { "a.txt": "a\n" });
    repo.git("update-ref", "refs/remotes/origin/trunk", first);
    repo.git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
    repo.commit("two", { "b.txt": "b\n" });
    const { snapshot, configSource } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(snapshot.base).toEqual({ ref: "trunk", sha: first });
    expect(snapshot.files.map((f) => f.path)).toEqual(["b.txt"]);
    expect(configSource).toBe(`built-in defaults (no ${CONFIG} on origin/trunk)`);
  });

  it("falls back to master", async () => {
    const repo = track(new TempRepo({ branch: "master" }));
    const first = repo.commit("one", { "a.txt": "a\n" });
    repo.git("checkout", "-q", "-b", "topic");
    repo.commit("two", { "a.txt": "b\n" });
    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(snapshot.base).toEqual({ ref: "master", sha: first });
    expect(snapshot.head.ref).toBe("topic");
  });

  it("asks for --base when there is no default branch to find", async () => {
    const repo = track(new TempRepo({ branch: "dev" }));
    repo.commit("one", { "a.txt": "a\n" });
    await expect(loadLocalSnapshot({ cwd: repo.dir })).rejects.toThrow(/pass --base <ref>/);
  });

  it("refuses unrelated histories", async () => {
    const repo = track(new TempRepo());
    repo.commit("one", { "a.txt": "a\n" });
    repo.git("checkout", "-q", "--orphan", "other");
    repo.commit("unrelated", { "b.txt": "b\n" });
    await expect(loadLocalSnapshot({ cwd: repo.dir })).rejects.toThrow(/no common history/);
  });

  it("asks for more history in a shallow clone", async () => {
    const origin = track(new TempRepo());
    origin.commit("one", { "a.txt": "a\n" });
    origin.git("checkout", "-q", "-b", "topic");
    origin.commit("three", { "b.txt": "b\n" });
    origin.git("checkout", "-q", "main");
    origin.commit("two", { "a.txt": "b\n" });
    const clone = track(new TempRepo({ init: false }));
    clone.git("clone", "-q", "--depth", "1", "--no-single-branch", `file://${origin.dir}`, ".");
    await expect(loadLocalSnapshot({ cwd: clone.dir, head: "origin/topic" })).rejects.toThrow(
      /no common history in this shallow clone; fetch more/,
    );
  });

  it("says when the directory is not a repository", async () => {
    const plain = track(new TempRepo({ init: false }));
    const err = await loadLocalSnapshot({ cwd: plain.dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe(`${plain.dir} is not inside a git repository`);
  });

  it("an empty branch is an empty PR", async () => {
    const repo = track(new TempRepo());
    repo.commit("one", { "a.txt": "a\n" });
    repo.git("checkout", "-q", "-b", "nothing-yet");
    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(snapshot).toMatchObject({ files: [], title: "", body: "", commitMessages: [] });
    expect(snapshot.author).toEqual({ login: "jane", type: "User" });
  });
});

describe("large and unusual changes", () => {
  it(`lists at most ${MAX_FILES} files and reports the full count`, async () => {
    const repo = track(new TempRepo());
    repo.commit("one", { "keep.txt": "a\n" });
    repo.git("checkout", "-q", "-b", "huge");
    const paths = Array.from(
      { length: MAX_FILES + 2 },
      (_, i) => `f/${String(i).padStart(5, "0")}.txt`,
    );
    repo.commitMany("huge", paths, "same\n");
    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(snapshot.files).toHaveLength(MAX_FILES);
    expect(snapshot.files.at(-1)?.path).toBe(`f/0${MAX_FILES - 1}.txt`);
    expect(snapshot.filesTruncated).toBe(true);
    expect(snapshot.changedFilesCount).toBe(MAX_FILES + 2);
  });

  it("marks a mode-only change as changed and takes a bot author from the head commit", async () => {
    const repo = track(new TempRepo());
    repo.commit("one", { "run.sh": "echo hi\n" });
    repo.git("checkout", "-q", "-b", "bot");
    repo.commit("chmod", {}, { executable: ["run.sh"] });
    repo.commit(
      "bump",
      { "x.txt": "x\n" },
      {
        author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
      },
    );
    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir });
    expect(snapshot.files).toEqual([
      { path: "run.sh", status: "changed", additions: 0, deletions: 0 },
      { path: "x.txt", status: "added", additions: 1, deletions: 0 },
    ]);
    expect(snapshot.author).toEqual({ login: "dependabot[bot]", type: "Bot" });
  });
});

describe("authorOf", () => {
  it.each([
    ["Jane Doe", "jane.doe@acme.com", { login: "jane.doe", type: "User" }],
    ["Jane Doe", "1234+janed@users.noreply.github.com", { login: "janed", type: "User" }],
    ["Jane Doe", "janed@users.noreply.github.com", { login: "janed", type: "User" }],
    [
      "renovate[bot]",
      "29139614+renovate[bot]@users.noreply.github.com",
      { login: "renovate[bot]", type: "Bot" },
    ],
    ["my-agent[bot]", "agent@acme.com", { login: "my-agent[bot]", type: "Bot" }],
    ["Only Name", "", { login: "Only Name", type: "User" }],
    ["", "", { login: "unknown", type: "User" }],
  ])("%s <%s>", (name, email, want) => {
    expect(authorOf(name, email)).toEqual(want);
  });
});
