import { Probot, ProbotOctokit } from "probot";
import app from "../../src/index.js";

/** A Probot with the app loaded, a fixed token, and no retries or throttling (nock answers). */
export function testProbot(): Probot {
  const p = new Probot({
    appId: 1,
    privateKey: "test",
    githubToken: "test",
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
  p.load(app);
  return p;
}
