import type { Probot } from "probot";
import { ISSUE_EVENTS, onIssue } from "./handlers/issues.js";
import { onMergeGroup } from "./handlers/merge-group.js";
import {
  onPullRequest,
  onReview,
  PULL_REQUEST_EVENTS,
  REVIEW_EVENTS,
} from "./handlers/pull-request.js";
import { onPush } from "./handlers/push.js";
import { onCheckRunRerequested, onCheckSuiteRerequested } from "./handlers/rerun.js";

/** Wiring only: which handler answers which webhook event. */
export default (app: Probot): void => {
  app.on([...PULL_REQUEST_EVENTS], onPullRequest);
  app.on([...REVIEW_EVENTS], onReview);
  app.on("check_run.rerequested", onCheckRunRerequested);
  app.on("check_suite.rerequested", onCheckSuiteRerequested);
  app.on("merge_group.checks_requested", onMergeGroup);
  app.on([...ISSUE_EVENTS], onIssue);
  app.on("push", onPush);
};
