import { readFileSync } from "node:fs";
import openapi from "@octokit/openapi/generated/api.github.com.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const text = readFileSync(new URL("../app.yml", import.meta.url), "utf8");
const manifest = parse(text) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};

describe("app.yml", () => {
  it("subscribes to every event the app handles", () => {
    expect(manifest.default_events).toEqual(
      expect.arrayContaining([
        "pull_request",
        "pull_request_review",
        "check_run",
        "check_suite",
        "merge_group",
        "issue_comment",
        "issues",
        "push",
      ]),
    );
  });

  it("asks for the required permissions, each a real GitHub App permission", () => {
    const known = Object.keys(
      (
        openapi as unknown as {
          components: { schemas: Record<string, { properties: Record<string, unknown> }> };
        }
      ).components.schemas["app-permissions"]!.properties,
    );
    expect(manifest.default_permissions).toMatchObject({
      checks: "write",
      pull_requests: "write",
      contents: "read",
      metadata: "read",
    });
    for (const name of Object.keys(manifest.default_permissions)) expect(known).toContain(name);
    expect(
      Object.values(manifest.default_permissions).every((v) => v === "read" || v === "write"),
    ).toBe(true);
  });

  it("gives every permission a one-line reason", () => {
    for (const name of Object.keys(manifest.default_permissions)) {
      const line = text.split("\n").find((l) => l.trimStart().startsWith(`${name}:`));
      expect(line, name).toMatch(/#\s*\S.{10,}/);
    }
  });
});
