import { z } from "zod";
import { decisionsConfigSchema } from "../rules/decisions.js";
import { intentConfigSchema } from "../rules/intent.js";
import { ownershipConfigSchema } from "../rules/ownership.js";
import { sizeConfigSchema } from "../rules/size.js";

/** Settings of every guardrail, one key per guardrail. */
export const rulesSchema = z
  .strictObject({
    /** Limits on changed lines and files, with ignore globs and size labels. */
    size: sizeConfigSchema
      .prefault({})
      .describe("Limits on changed lines and files, with ignore globs and size labels."),
    /** CODEOWNERS: unowned files, owner approvals and balanced review requests. */
    ownership: ownershipConfigSchema
      .prefault({})
      .describe("CODEOWNERS: unowned files, owner approvals and balanced review requests."),
    /** Decision records: governed paths need an accepted decision; accepted ones are not rewritten. */
    decisions: decisionsConfigSchema
      .prefault({})
      .describe(
        "Decision records: governed paths need an accepted decision; accepted ones are not rewritten.",
      ),
    /** Intent briefs: every PR names the brief it serves, with its sections and scope. */
    intent: intentConfigSchema
      .prefault({})
      .describe("Intent briefs: every PR names the brief it serves, with its sections and scope."),
  })
  .prefault({})
  .describe("Settings of every guardrail, one key per guardrail.");

/** When a profile applies: any one listed condition that matches is enough. */
export const profileWhenSchema = z
  .strictObject({
    /** Author login globs (`*` and `?` only; brackets are literal), e.g. `*[bot]`. */
    authors: z
      .array(z.string().min(1))
      .default([])
      .describe("Author login globs (`*` and `?` only; brackets are literal), e.g. `*[bot]`."),
    /** Author account type: `Bot` matches GitHub App and bot accounts. */
    author_type: z
      .enum(["Bot", "User"])
      .nullable()
      .default(null)
      .describe("Author account type: `Bot` matches GitHub App and bot accounts."),
    /** Labels: a PR with any of them matches. */
    labels: z
      .array(z.string().min(1))
      .default([])
      .describe("Labels: a PR with any of them matches."),
    /** Head branch globs (`*` matches any characters), e.g. `agent/*`. */
    branches: z
      .array(z.string().min(1))
      .default([])
      .describe("Head branch globs (`*` matches any characters), e.g. `agent/*`."),
  })
  .prefault({})
  .describe("When a profile applies: any one listed condition that matches is enough.");

/** A profile: when it matches a PR, its rule settings are deep-merged over `rules`. */
export const profileSchema = z.strictObject({
  /** Conditions for the profile to apply. */
  when: profileWhenSchema,
  /** Rule settings that override `rules` for matching PRs (same keys as `rules`). */
  rules: z
    .record(z.string(), z.unknown())
    .default({})
    .describe("Rule settings that override `rules` for matching PRs (same keys as `rules`)."),
});

/** The whole `.github/guardrails.yml`. */
export const configSchema = z
  .strictObject({
    /** Settings of every guardrail. */
    rules: rulesSchema,
    /** Named profiles, checked in order; the first that matches a PR applies. */
    profiles: z
      .record(z.string(), profileSchema)
      .default({})
      .describe("Named profiles, checked in order; the first that matches a PR applies."),
    /** Another config this one extends (Probot's config loader reads it; e.g. `.github`). */
    _extends: z
      .string()
      .optional()
      .describe(
        "Another config this one extends (Probot's config loader reads it; e.g. `.github`).",
      ),
    /** The sticky PR comment that lists what needs action. */
    comment: z
      .strictObject({
        /** Whether to post the sticky comment at all. */
        enabled: z.boolean().default(true).describe("Whether to post the sticky comment at all."),
        /** What to do with the comment once every guardrail passes: `update` to a short note, or `delete`. */
        when_clean: z
          .enum(["update", "delete"])
          .default("update")
          .describe(
            "What to do with the comment once every guardrail passes: `update` to a short note, or `delete`.",
          ),
      })
      .prefault({})
      .describe("The sticky PR comment that lists what needs action."),
  })
  .describe("Guardrails configuration (.github/guardrails.yml), read from the default branch.");

export type RulesConfig = z.infer<typeof rulesSchema>;
export type ProfileWhen = z.infer<typeof profileWhenSchema>;
export type RawConfig = z.infer<typeof configSchema>;

export interface ResolvedProfile {
  readonly name: string;
  readonly when: ProfileWhen;
  readonly rules: RulesConfig;
}

/** A validated config with each profile's rules already merged and validated. */
export interface Config {
  readonly rules: RulesConfig;
  readonly profiles: readonly ResolvedProfile[];
  readonly comment: RawConfig["comment"];
}
