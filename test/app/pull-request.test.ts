import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearContentCaches } from "../../src/github/contents.js";
import { forgetConfigs } from "../../src/github/load-config.js";
import { clearSnapshotCaches } from "../../src/github/load-snapshot.js";
import { clearPublishCaches } from "../../src/github/publish.js";
import { githubMock } from "../helpers/github-mock.js";
import { payload } from "../helpers/payloads.js";
import { testProbot as probot } from "../helpers/probot.js";

const REPO = "Codertocat/Hello-World";
type PR = {
  pull_request: { base: { sha: string }; head: { sha: string }; changed_files: number };
};

const opened = payload<PR>("pull_request", "opened");
const base = opened.pull_request.base.sha;
const head = opened.pull_request.head.sha;

/** Every read a typical opened-PR evaluation makes with the default config. */
function baseReads(files: unknown[], config: string | null = null) {
  const mock = githubMock("https://api.github.com", { repo: REPO });
  if (config === null) mock.noConfig();
  else mock.getConfig(config);
  mock.listFiles(2, files);
  for (const p of [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitattributes"])
    mock.getContent(p, base, null);
  mock.intercept(
    "GET",
    /\/contents\/docs\/(adr|decisions)$/,
    404,
    { message: "Not Found" },
    {
      times: 2,
    },
  );
  mock.listCheckRunsForRef(head, []);
  return mock;
}

const file = (filename: string, additions: number) => ({
  sha: "a".repeat(40),
  filename,
  status: "modified",
  additions,
  deletions: 0,
  changes: additions,
  blob_url: "",
  raw_url: "",
  contents_url: "",
});

describe("pull_request.opened through probot.receive()", () => {
  beforeEach(() => {
    for (const clear of [clearContentCaches, clearSnapshotCaches, clearPublishCaches]) clear();
    forgetConfigs("Codertocat");
  });
  afterEach(() => nock.cleanAll());

  it("posts one failing check, a sticky comment and the size label for an over-limit PR", async () => {
    const mock = baseReads([file("src/a.ts", 700)]);
    const checks: unknown[] = [];
    const comments: unknown[] = [];
    const labels: unknown[] = [];
    mock
      .createCheckRun({ id: 9 }, checks)
      .listComments(2, [])
      .createComment(2, { id: 5 }, comments);
    mock.addLabels(2, [], labels);
    await probot().receive({ id: "1", name: "pull_request", payload: opened as never });
    mock.done();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      name: "guardrails",
      head_sha: head,
      status: "completed",
      conclusion: "failure",
    });
    expect(JSON.stringify(comments[0])).toContain("700 changed lines, limit 500.");
    expect(labels[0]).toEqual({ labels: ["size/L"] });
    // The cost of one opened-PR evaluation with the default config.
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toHaveLength(14);
  });

  it("passes an under-limit PR and posts no comment when there is nothing to act on", async () => {
    const mock = baseReads([file("src/a.ts", 5)], "rules:\n  ownership: { unowned_files: off }\n");
    const checks: unknown[] = [];
    mock.createCheckRun({ id: 9 }, checks).listComments(2, []).addLabels(2, []);
    await probot().receive({ id: "2", name: "pull_request", payload: opened as never });
    mock.done();
    expect(checks[0]).toMatchObject({ conclusion: "success" });
  });

  it("reports an invalid config as a located config error", async () => {
    const mock = githubMock("https://api.github.com", { repo: REPO });
    mock.getConfig("rules:\n  size:\n    max_files: many\n");
    mock.listCheckRunsForRef(head, []);
    const checks: { output: { title: string; text?: string; summary: string } }[] = [];
    mock.createCheckRun({ id: 3 }, checks as unknown[]);
    await probot().receive({ id: "3", name: "pull_request", payload: opened as never });
    mock.done();
    expect(checks[0]).toMatchObject({ conclusion: "failure" });
    expect(checks[0]?.output.title).toMatch(/^Configuration error/);
    expect(checks[0]?.output.text).toContain(
      'Codertocat/Hello-World:.github/guardrails.yml rules.size.max_files: found "many" (string); allowed: a value of type number',
    );
  });

  it("fails the check, never silently, when GitHub answers 500 for the files", async () => {
    const mock = githubMock("https://api.github.com", { repo: REPO });
    mock.noConfig();
    mock.intercept("GET", /\/pulls\/2\/files$/, 500, { message: "boom" });
    mock.listCheckRunsForRef(head, []);
    const checks: { conclusion: string; output: { summary: string } }[] = [];
    mock.createCheckRun({ id: 4 }, checks as unknown[]);
    await probot().receive({ id: "4", name: "pull_request", payload: opened as never });
    mock.done();
    expect(checks[0]?.conclusion).toBe("failure");
    expect(checks[0]?.output.summary).toContain("GitHub answered 500");
  });

  it("does no GitHub work for a label no rule reads (config cached)", async () => {
    const mock = githubMock("https://api.github.com", { repo: REPO });
    mock.noConfig();
    const labeled = payload("pull_request", "labeled");
    const p = probot();
    await p.receive({ id: "5", name: "pull_request", payload: labeled as never });
    const afterFirst = mock.requests.length;
    await p.receive({ id: "6", name: "pull_request", payload: labeled as never });
    mock.done();
    expect(afterFirst).toBe(2);
    expect(mock.requests).toHaveLength(2);
  });
});
