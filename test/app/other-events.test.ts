import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearContentCaches } from "../../src/github/contents.js";
import { forgetConfigs } from "../../src/github/load-config.js";
import { clearSnapshotCaches } from "../../src/github/load-snapshot.js";
import { clearPublishCaches } from "../../src/github/publish.js";
import { githubMock } from "../helpers/github-mock.js";
import { payload } from "../helpers/payloads.js";
import { testProbot as probot } from "../helpers/probot.js";

describe("other events through probot.receive()", () => {
  beforeEach(() => {
    for (const clear of [clearContentCaches, clearSnapshotCaches, clearPublishCaches]) clear();
    forgetConfigs("Codertocat");
  });
  afterEach(() => nock.cleanAll());

  it("merge_group.checks_requested reports a passing guardrails check on the group head", async () => {
    const event = payload<{
      merge_group: { head_sha: string };
      repository: { full_name: string };
    }>("merge_group", "checks_requested");
    const mock = githubMock("https://api.github.com", { repo: event.repository.full_name });
    mock.listCheckRunsForRef(event.merge_group.head_sha, []);
    const checks: unknown[] = [];
    mock.createCheckRun({ id: 1 }, checks);
    await probot().receive({ id: "m", name: "merge_group", payload: event as never });
    mock.done();
    expect(checks[0]).toMatchObject({
      name: "guardrails",
      head_sha: event.merge_group.head_sha,
      conclusion: "success",
    });
  });

  it("ignores a check_run.rerequested for another app's check", async () => {
    const event = payload<{ check_run: { name: string } }>("check_run", "rerequested", (p) => {
      p.check_run.name = "some-other-check";
    });
    const mock = githubMock("https://api.github.com", { repo: "Codertocat/Hello-World" });
    await probot().receive({ id: "c", name: "check_run", payload: event as never });
    mock.done();
    expect(mock.requests).toEqual([]);
  });

  it("does no work for a review when no rule reads approvals", async () => {
    const event = payload<{ repository: { full_name: string } }>(
      "pull_request_review",
      "submitted",
    );
    const mock = githubMock("https://api.github.com", { repo: event.repository.full_name });
    mock.noConfig();
    await probot().receive({ id: "r", name: "pull_request_review", payload: event as never });
    mock.done();
    expect(mock.requests).toHaveLength(2);
  });
});
