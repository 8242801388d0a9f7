import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { blobSha, githubMock } from "./helpers/github-mock.js";
import { loadTimeMs, operationId, validateRequest, validateResponse } from "./helpers/openapi.js";

const CHECK_RUNS = "/repos/acme/app/check-runs";

const goodCheckRun = {
  name: "guardrails",
  head_sha: "a".repeat(40),
  status: "completed" as const,
  conclusion: "failure" as const,
  completed_at: "2026-12-04T10:00:00.000Z",
  output: {
    title: "1 guardrail failed",
    summary: "size: 720 lines changed",
    annotations: [
      {
        path: "src/a.ts",
        start_line: 1,
        end_line: 1,
        annotation_level: "failure" as const,
        message: "too big",
      },
    ],
  },
};

function octokit(baseUrl = "https://api.github.com") {
  return new ProbotOctokit({
    auth: { token: "ghs_test" },
    baseUrl,
    retry: { enabled: false },
    throttle: { enabled: false },
  });
}

describe("validateRequest", () => {
  it("accepts a correct check-run body", () => {
    expect(validateRequest("POST", CHECK_RUNS, goodCheckRun)).toEqual([]);
  });

  it.each([
    ["an enum violation", { status: "done" }, 'body.status is "done", not one of "queued"'],
    ["a bad conclusion", { conclusion: "passed" }, 'body.conclusion is "passed", not one of'],
    ["a missing required field", { name: undefined }, "body.name is required but missing"],
    [
      "a misspelt nested field",
      { output: { titel: "x", summary: "y" } },
      "body.output.titel is not a documented field (known: title, summary",
    ],
    [
      "a misspelt nested field's missing twin",
      { output: { titel: "x", summary: "y" } },
      "body.output.title is required but missing",
    ],
    ["a wrong type", { head_sha: 42 }, "body.head_sha must be of type string, got 42"],
    ["a bad date", { completed_at: "yesterday" }, "body.completed_at must be a date-time string"],
    [
      "a bad array item",
      { output: { title: "t", summary: "s", annotations: [{ path: "a", annotation_level: "x" }] } },
      "body.output.annotations[0].start_line is required but missing",
    ],
    ["an unknown top-level field", { colour: "red" }, "body.colour is not a documented field"],
  ])("reports %s, naming the field", (_, change, expected) => {
    const body = JSON.parse(JSON.stringify({ ...goodCheckRun, ...change }));
    const errors = validateRequest("POST", CHECK_RUNS, body);
    expect(
      errors.some((e) => e.includes(expected)),
      errors.join("\n"),
    ).toBe(true);
    const label = "checks/create (POST /repos/{owner}/{repo}/check-runs): ";
    expect(errors.every((e) => e.startsWith(label))).toBe(true);
  });

  it("reports an unknown path and an undocumented method", () => {
    expect(validateRequest("GET", "/repos/acme/app/nothing-here", undefined)).toEqual([
      "GET /repos/acme/app/nothing-here: no such endpoint in GitHub's REST API description",
    ]);
    expect(validateRequest("PUT", CHECK_RUNS, goodCheckRun)).toEqual([
      "PUT /repos/{owner}/{repo}/check-runs: GitHub documents only POST for this path",
    ]);
  });

  it("ignores a GHES /api/v3 prefix, an origin and a query string", () => {
    const bad = { ...goodCheckRun, status: "done" };
    const plain = validateRequest("POST", CHECK_RUNS, bad);
    expect(plain).toHaveLength(1);
    for (const url of [
      `/api/v3${CHECK_RUNS}`,
      `https://ghe.example.com/api/v3${CHECK_RUNS}?x=1`,
      `https://api.github.com${CHECK_RUNS}/`,
    ]) {
      expect(validateRequest("post", url, bad)).toEqual(plain);
      expect(validateRequest("POST", url, goodCheckRun)).toEqual([]);
    }
  });

  it("requires a body where GitHub does and refuses one where it takes none", () => {
    expect(validateRequest("POST", CHECK_RUNS, undefined)).toEqual([
      "checks/create (POST /repos/{owner}/{repo}/check-runs): a request body is required",
    ]);
    expect(validateRequest("DELETE", "/repos/acme/app/issues/comments/5", undefined)).toEqual([]);
    expect(validateRequest("GET", "/repos/acme/app/pulls/7", { page: 1 })).toEqual([
      'pulls/get (GET /repos/{owner}/{repo}/pulls/{pull_number}): this endpoint takes no request body, got {"page":1}',
    ]);
  });

  it("treats OpenAPI's nullable as admitting null, and only null", () => {
    const url = "/repos/acme/app/issues/7";
    expect(validateRequest("PATCH", url, { state: "closed", state_reason: null })).toEqual([]);
    expect(validateRequest("PATCH", url, { milestone: null })).toEqual([]);
    const errors = validateRequest("PATCH", url, { state_reason: "bored" });
    expect(errors.join("\n")).toContain('body.state_reason is "bored", not one of');
  });

  it("checks the bodies the app sends for labels and reviewers", () => {
    const labels = "/repos/acme/app/issues/7/labels";
    expect(validateRequest("POST", labels, { labels: ["size/L"] })).toEqual([]);
    expect(validateRequest("POST", labels, { label: ["size/L"] }).join("\n")).toContain(
      "body.label is not a documented field (known: labels)",
    );
    const reviewers = "/repos/acme/app/pulls/7/requested_reviewers";
    expect(validateRequest("POST", reviewers, { reviewers: ["a"], team_reviewers: [] })).toEqual(
      [],
    );
    expect(validateRequest("POST", reviewers, { reviewers: "a" }).join("\n")).toContain(
      "body.reviewers must be of type array",
    );
  });

  it("loads the description once, in well under the test timeout", () => {
    const first = loadTimeMs();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(5_000);
    expect(loadTimeMs()).toBe(first);
  });
});

describe("operationId", () => {
  it.each([
    ["GET", "/repos/acme/app/pulls/7", "pulls/get"],
    ["GET", "/repos/acme/app/pulls/comments", "pulls/list-review-comments-for-repo"],
    ["GET", "/repos/acme/app/contents/.github%2Fguardrails.yml", "repos/get-content"],
    ["GET", "/repos/acme/app/contents/docs/adr/0001.md", "repos/get-content"],
    ["PATCH", "/api/v3/repos/acme/app/check-runs/77", "checks/update"],
    ["GET", "/repos/acme/app/commits/abc/check-runs?check_name=x", "checks/list-for-ref"],
    ["POST", "/app/installations/2/access_tokens", "apps/create-installation-access-token"],
    ["GET", "/orgs/acme/teams/core/members", "teams/list-members-in-org"],
    ["GET", "/nope", undefined],
    ["DELETE", "/repos/acme/app/pulls", undefined],
  ])("%s %s → %s", (method, url, id) => {
    expect(operationId(method, url)).toBe(id);
  });
});

describe("validateResponse", () => {
  it("accepts a documented answer and names what a dishonest one gets wrong", () => {
    const url = "/repos/acme/app/commits/abc/check-runs";
    expect(validateResponse("GET", url, 200, { total_count: 0, check_runs: [] })).toEqual([]);
    expect(validateResponse("GET", url, 200, { total_count: "0", check_runs: [] })).toEqual([
      'checks/list-for-ref (GET /repos/{owner}/{repo}/commits/{ref}/check-runs) 200 response: body.total_count must be of type integer, got "0"',
    ]);
    expect(validateResponse("GET", url, 200, { total_count: 0 }).join("\n")).toContain(
      "body.check_runs is required but missing",
    );
  });

  it("knows which statuses an endpoint answers", () => {
    expect(validateResponse("GET", "/repos/acme/app/pulls/7", 418, {})).toEqual([
      "pulls/get (GET /repos/{owner}/{repo}/pulls/{pull_number}) 418 response: not a documented status (documented: 200, 304, 404, 406, 500, 503)",
    ]);
    expect(validateResponse("DELETE", "/repos/acme/app/issues/comments/5", 204, undefined)).toEqual(
      [],
    );
    expect(
      validateResponse("GET", "/repos/acme/app/pulls/7", 404, { message: "Not Found" }),
    ).toEqual([]);
  });
});

describe("githubMock", () => {
  afterEach(() => nock.cleanAll());

  it("reports a bad request body through done(), naming the field", async () => {
    const mock = githubMock().createCheckRun({ id: 1 });
    const gh = octokit();
    await expect(
      gh.rest.checks.create({
        owner: "acme",
        repo: "app",
        name: "guardrails",
        head_sha: "a".repeat(40),
        status: "done" as "completed",
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(() => mock.done()).toThrow(/body\.status is "done", not one of "queued"/);
    expect(mock.requests).toEqual([
      { method: "POST", path: CHECK_RUNS, query: "", body: expect.any(Object) },
    ]);
  });

  it("captures exact bodies and answers valid requests", async () => {
    const created: unknown[] = [];
    const updated: unknown[] = [];
    const mock = githubMock()
      .createCheckRun({ id: 77 }, created)
      .updateCheckRun(77, { id: 77 }, { capture: updated });
    const gh = octokit();
    const { data } = await gh.rest.checks.create({ owner: "acme", repo: "app", ...goodCheckRun });
    await gh.rest.checks.update({
      owner: "acme",
      repo: "app",
      check_run_id: data.id,
      output: { title: "t", summary: "s" },
    });
    mock.done();
    expect(created).toEqual([goodCheckRun]);
    expect(updated).toEqual([{ output: { title: "t", summary: "s" } }]);
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST ${CHECK_RUNS}`,
      `PATCH ${CHECK_RUNS}/77`,
    ]);
  });

  it("serves pages with Link headers that octokit.paginate follows", async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({ filename: `f${i}.ts` }));
    const mock = githubMock().listFiles(7, files);
    const all = await octokit().paginate(octokit().rest.pulls.listFiles, {
      owner: "acme",
      repo: "app",
      pull_number: 7,
      per_page: 100,
    });
    mock.done();
    expect(all.map((f) => f.filename)).toEqual(files.map((f) => f.filename));
    expect(mock.requests.map((r) => r.query)).toEqual([
      "per_page=100",
      "per_page=100&page=2",
      "per_page=100&page=3",
    ]);
  });

  it("answers explicit page requests made in parallel", async () => {
    const files = Array.from({ length: 5 }, (_, i) => ({ filename: `f${i}.ts` }));
    const mock = githubMock().listFiles(7, files, { perPage: 2 });
    const gh = octokit();
    const pages = await Promise.all(
      [1, 2, 3].map((page) =>
        gh.rest.pulls.listFiles({ owner: "acme", repo: "app", pull_number: 7, per_page: 2, page }),
      ),
    );
    mock.done();
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 1]);
  });

  it("works under a GHES base URL", async () => {
    const base = "https://ghe.example.com/api/v3";
    const mock = githubMock(base).listComments(7, [{ id: 1, body: "hi" }]);
    const gh = octokit(base);
    const all = await gh.paginate(gh.rest.issues.listComments, {
      owner: "acme",
      repo: "app",
      issue_number: 7,
      per_page: 100,
    });
    mock.done();
    expect(all).toEqual([{ id: 1, body: "hi" }]);
    expect(mock.requests[0]?.path).toBe("/repos/acme/app/issues/7/comments");
  });

  it("serves files base64-encoded with their blob SHA, and 404 for missing ones", async () => {
    const mock = githubMock()
      .getContent("CODEOWNERS", "b".repeat(40), "* @acme/core\n")
      .getContent("docs/missing.md", undefined, null);
    const gh = octokit();
    const { data } = await gh.rest.repos.getContent({
      owner: "acme",
      repo: "app",
      path: "CODEOWNERS",
      ref: "b".repeat(40),
    });
    const file = data as { content: string; sha: string };
    expect(Buffer.from(file.content, "base64").toString()).toBe("* @acme/core\n");
    expect(file.sha).toBe(blobSha("* @acme/core\n"));
    await expect(
      gh.rest.repos.getContent({ owner: "acme", repo: "app", path: "docs/missing.md" }),
    ).rejects.toMatchObject({ status: 404 });
    mock.done();
  });

  it("lists a directory whose entries lead to their blobs", async () => {
    const adr = "# 1. Use Postgres\n";
    const mock = githubMock()
      .getDir("docs/adr", "main", { "docs/adr/0001-use-postgres.md": adr })
      .getBlob(blobSha(adr), adr);
    const gh = octokit();
    const { data } = await gh.rest.repos.getContent({
      owner: "acme",
      repo: "app",
      path: "docs/adr",
      ref: "main",
    });
    const [entry] = data as { path: string; sha: string }[];
    expect(entry?.path).toBe("docs/adr/0001-use-postgres.md");
    const blob = await gh.rest.git.getBlob({ owner: "acme", repo: "app", file_sha: entry!.sha });
    expect(Buffer.from(blob.data.content, "base64").toString()).toBe(adr);
    mock.done();
  });

  it("computes git's blob SHA", () => {
    expect(blobSha("hello\n")).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
  });

  it("serves the config the way Probot's loader reads it, with the org fallback", async () => {
    const gh = octokit();
    const mock = githubMock()
      .getConfig(null)
      .forRepo("acme/.github")
      .getConfig("_extends: policies\nsize:\n  enabled: false\n")
      .forRepo("acme/policies")
      .getConfig("profile: strict\n");
    const result = await gh.config.get({
      owner: "acme",
      repo: "app",
      path: ".github/guardrails.yml",
    });
    mock.done();
    expect(result.config).toEqual({ profile: "strict", size: { enabled: false } });
    expect(mock.requests.map((r) => r.path)).toEqual([
      "/repos/acme/app/contents/.github/guardrails.yml",
      "/repos/acme/.github/contents/.github/guardrails.yml",
      "/repos/acme/policies/contents/.github/guardrails.yml",
    ]);
  });

  it("noConfig() answers 404 from the repository and the org's .github", async () => {
    const mock = githubMock().noConfig();
    const result = await octokit().config.get({
      owner: "acme",
      repo: "app",
      path: ".github/guardrails.yml",
    });
    mock.done();
    expect(result.config).toEqual({});
    expect(mock.requests).toHaveLength(2);
  });

  it("reports a request without an answer and an answer never asked for", async () => {
    const mock = githubMock().getIssue(9, { number: 9 });
    await expect(
      octokit().rest.pulls.get({ owner: "acme", repo: "app", pull_number: 7 }),
    ).rejects.toThrow();
    expect(() => mock.done()).toThrow(
      /no answer registered for GET \/repos\/acme\/app\/pulls\/7[\s\S]*never requested: GET \/repos\/acme\/app\/issues\/9/,
    );
  });

  it("reports a request to an endpoint GitHub does not have", async () => {
    const mock = githubMock().intercept("GET", "/repos/acme/app/guardrails", 200, {});
    await expect(octokit().request("GET /repos/acme/app/guardrails")).rejects.toMatchObject({
      status: 422,
    });
    expect(() => mock.done()).toThrow(/no such endpoint in GitHub's REST API description/);
  });

  it("checks served answers too when asked", async () => {
    const mock = githubMock("https://api.github.com", { validateResponses: true })
      .listCheckRunsForRef("abc", [])
      .getContent("a.md", undefined, "text")
      .getDir("docs", undefined, { "docs/b.md": "b" })
      .getBlob(blobSha("b"), "b")
      .getIssue(9, { number: 9 });
    const gh = octokit();
    const repo = { owner: "acme", repo: "app" };
    await gh.rest.checks.listForRef({ ...repo, ref: "abc" });
    await gh.rest.repos.getContent({ ...repo, path: "a.md" });
    await gh.rest.repos.getContent({ ...repo, path: "docs" });
    await gh.rest.git.getBlob({ ...repo, file_sha: blobSha("b") });
    await gh.rest.issues.get({ ...repo, issue_number: 9 });
    expect(() => mock.done()).toThrow(/issues\/get .* 200 response: body\.\w+ is required/);
    // The answers the helpers build themselves are complete.
    expect(mock.errors.every((e) => e.startsWith("issues/get"))).toBe(true);
  });

  it("answers Probot's installation token request", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const mock = githubMock().accessToken(2).deleteComment(5).removeLabel(7, "size/L");
    const gh = new ProbotOctokit({
      auth: { appId: 1, privateKey, installationId: 2 },
      retry: { enabled: false },
      throttle: { enabled: false },
    });
    await gh.rest.issues.deleteComment({ owner: "acme", repo: "app", comment_id: 5 });
    await gh.rest.issues.removeLabel({
      owner: "acme",
      repo: "app",
      issue_number: 7,
      name: "size/L",
    });
    mock.done();
    expect(mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /app/installations/2/access_tokens",
      "DELETE /repos/acme/app/issues/comments/5",
      "DELETE /repos/acme/app/issues/7/labels/size/L",
    ]);
  });
});
