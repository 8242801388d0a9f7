import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Verdict } from "../../src/engine/types.js";
import { clearPublishCaches, publishCheck, upsertComment } from "../../src/github/publish.js";
import { renderCheck } from "../../src/render/check.js";
import { COMMENT_MARKER } from "../../src/render/comment.js";
import { githubMock } from "../helpers/github-mock.js";

const gh = () =>
  new ProbotOctokit({
    auth: { token: "t" },
    retry: { enabled: false },
    throttle: { enabled: false },
  });
const repo = { owner: "acme", repo: "app" };

function verdict(findings: number): Verdict {
  return {
    conclusion: findings ? "failure" : "success",
    profile: null,
    counts: { errors: findings, warnings: 0, notices: 0 },
    rules: [
      {
        ruleId: "size",
        title: "Size",
        status: findings ? "failed" : "passed",
        summary: "x",
        findings: Array.from({ length: findings }, (_, i) => ({
          ruleId: "size",
          severity: "error" as const,
          message: `problem ${i}`,
          path: `src/f${i}.ts`,
          line: 1,
        })),
      },
    ],
  };
}

describe("publishing", () => {
  beforeEach(() => clearPublishCaches());
  afterEach(() => nock.cleanAll());

  it("sends 120 annotations in batches of 50 and reuses the run for the same SHA", async () => {
    const mock = githubMock();
    const created: { output: { annotations: unknown[] } }[] = [];
    const updated: { output: { annotations?: unknown[] } }[] = [];
    mock.listCheckRunsForRef("abc", []);
    mock.createCheckRun({ id: 7 }, created as unknown[]);
    mock.updateCheckRun(7, { id: 7 }, { capture: updated as unknown[], times: 3 });
    const output = renderCheck(verdict(120));
    await publishCheck(gh(), repo, "abc", output);
    expect(created[0]?.output.annotations).toHaveLength(50);
    expect(updated.map((u) => u.output.annotations?.length)).toEqual([50, 20]);
    // Same SHA again: no lookup, no new run — the existing one is updated.
    await publishCheck(gh(), repo, "abc", renderCheck(verdict(0)));
    mock.done();
    expect(updated).toHaveLength(3);
    expect(mock.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("edits the one sticky comment in place and turns it into a pass note when clean", async () => {
    const mock = githubMock();
    const edits: { body: string }[] = [];
    mock.listComments(7, [{ id: 5, body: `${COMMENT_MARKER}\nold` }]);
    mock.updateComment(5, { id: 5 }, { capture: edits as unknown[], times: 2 });
    expect(await upsertComment(gh(), repo, 7, verdict(1), { whenClean: "update" })).toBe("updated");
    expect(await upsertComment(gh(), repo, 7, verdict(0), { whenClean: "update" })).toBe("updated");
    mock.done();
    expect(edits[0]?.body).toContain("problem 0");
    expect(edits[1]?.body).toContain("all guardrails pass");
    expect(mock.requests.filter((r) => r.method === "POST")).toHaveLength(0);
  });

  it("deletes the comment when clean if configured", async () => {
    const mock = githubMock();
    mock.listComments(7, [{ id: 5, body: `${COMMENT_MARKER}\nold` }]);
    mock.deleteComment(5);
    expect(await upsertComment(gh(), repo, 7, verdict(0), { whenClean: "delete" })).toBe("deleted");
    mock.done();
  });
});
