import { z } from "zod";
import { ruleResult, skipped } from "../engine/result.js";
import type { Finding, Rule } from "../engine/types.js";
import { parseLinguistGenerated } from "../size/gitattributes.js";
import type { ChangedFile } from "../snapshot/types.js";
import { matchesAny } from "../util/glob.js";

/** Files that rarely need a line-by-line review: lockfiles, snapshots, minified and vendored code. */
export const DEFAULT_SIZE_IGNORES = [
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/yarn.lock",
  "**/pnpm-lock.yaml",
  "**/*.lock",
  "**/go.sum",
  "**/__snapshots__/**",
  "**/*.snap",
  "**/*.min.js",
  "**/*.min.css",
  "**/*.min.mjs",
  "**/vendor/**",
  "**/vendored/**",
  "**/third_party/**",
] as const;

const limit = z.number().int().positive().nullable();

export const sizeConfigSchema = z.strictObject({
  /** Whether the size guardrail runs. */
  enabled: z.boolean().default(true).describe("Whether the size guardrail runs."),
  /** Changed lines (additions + deletions, ignored files excluded) above which the check fails; null for no limit. */
  max_changed_lines: limit
    .default(500)
    .describe(
      "Changed lines (additions + deletions, ignored files excluded) above which the check fails; null for no limit.",
    ),
  /** Changed lines above which a warning is shown; null for none. */
  warn_changed_lines: limit
    .default(300)
    .describe("Changed lines above which a warning is shown; null for none."),
  /** Changed files (ignored files excluded) above which the check fails; null for no limit. */
  max_files: limit
    .default(50)
    .describe(
      "Changed files (ignored files excluded) above which the check fails; null for no limit.",
    ),
  /** Changed files above which a warning is shown; null for none. */
  warn_files: limit
    .default(30)
    .describe("Changed files above which a warning is shown; null for none."),
  /** Extra globs of files that do not count towards the size. */
  ignore: z
    .array(z.string().min(1))
    .default([])
    .describe("Extra globs of files that do not count towards the size."),
  /** Also ignore the built-in list: lockfiles, snapshots, minified and vendored files. */
  default_ignores: z
    .boolean()
    .default(true)
    .describe("Also ignore the built-in list: lockfiles, snapshots, minified and vendored files."),
  /** Ignore files marked `linguist-generated` in the base branch's .gitattributes. */
  ignore_generated: z
    .boolean()
    .default(true)
    .describe("Ignore files marked `linguist-generated` in the base branch's .gitattributes."),
  /** Size labels on the PR, reconciled on every evaluation. */
  labels: z
    .strictObject({
      /** Whether to add a size label. */
      enabled: z.boolean().default(true).describe("Whether to add a size label."),
      /** Prefix of the size labels; labels with this prefix and a known size are managed. */
      prefix: z
        .string()
        .default("size/")
        .describe(
          "Prefix of the size labels; labels with this prefix and a known size are managed.",
        ),
      /** Upper bounds (exclusive) of changed lines for XS, S, M and L; anything larger is XL. */
      thresholds: z
        .strictObject({
          /** Below this many changed lines: XS. */
          XS: z
            .number()
            .int()
            .positive()
            .default(10)
            .describe("Below this many changed lines: XS."),
          /** Below this many changed lines: S. */
          S: z.number().int().positive().default(100).describe("Below this many changed lines: S."),
          /** Below this many changed lines: M. */
          M: z.number().int().positive().default(300).describe("Below this many changed lines: M."),
          /** Below this many changed lines: L; at or above it: XL. */
          L: z
            .number()
            .int()
            .positive()
            .default(1000)
            .describe("Below this many changed lines: L; at or above it: XL."),
        })
        .prefault({})
        .refine((t) => t.XS < t.S && t.S < t.M && t.M < t.L, {
          message: "thresholds must increase: XS < S < M < L",
        })
        .describe(
          "Upper bounds (exclusive) of changed lines for XS, S, M and L; anything larger is XL.",
        ),
    })
    .prefault({})
    .describe("Size labels on the PR, reconciled on every evaluation."),
});
export type SizeConfig = z.infer<typeof sizeConfigSchema>;

export const SIZE_NAMES = ["XS", "S", "M", "L", "XL"] as const;

export interface SizeMeasure {
  readonly lines: number;
  readonly files: number;
  readonly ignored: readonly ChangedFile[];
  readonly counted: readonly ChangedFile[];
}

/** Splits the changed files into counted and ignored, and sums the counted ones. */
export function measure(
  files: readonly ChangedFile[],
  config: SizeConfig,
  gitattributes: string | null,
): SizeMeasure {
  const globs = [...(config.default_ignores ? DEFAULT_SIZE_IGNORES : []), ...config.ignore];
  const generated =
    config.ignore_generated && gitattributes ? parseLinguistGenerated(gitattributes) : () => false;
  const counted: ChangedFile[] = [];
  const ignored: ChangedFile[] = [];
  for (const f of files) {
    (matchesAny(f.path, globs) || generated(f.path) ? ignored : counted).push(f);
  }
  const lines = counted.reduce((n, f) => n + f.additions + f.deletions, 0);
  return { lines, files: counted.length, ignored, counted };
}

export function sizeName(lines: number, t: SizeConfig["labels"]["thresholds"]): string {
  if (lines < t.XS) return "XS";
  if (lines < t.S) return "S";
  if (lines < t.M) return "M";
  if (lines < t.L) return "L";
  return "XL";
}

function overLimit(
  what: string,
  value: number,
  max: number | null,
  warn: number | null,
  fix: string,
): Finding | null {
  if (max !== null && value > max)
    return { ruleId: "size", severity: "error", message: `${value} ${what}, limit ${max}.`, fix };
  if (warn !== null && value > warn)
    return {
      ruleId: "size",
      severity: "warning",
      message: `${value} ${what}, above the warning threshold of ${warn}.`,
      fix,
    };
  return null;
}

export const sizeRule: Rule<SizeConfig> = {
  id: "size",
  title: "Size",
  triggers: ["pull_request.opened", "pull_request.synchronize", "rerun"],
  evaluate(snapshot, config) {
    if (!config.enabled) return skipped(this, "disabled in config");
    const m = measure(snapshot.files, config, snapshot.baseFiles.gitattributes?.content ?? null);
    const split =
      "Split the change into smaller pull requests, or ignore generated files in `rules.size.ignore`.";
    const findings = [
      overLimit(
        "changed lines",
        m.lines,
        config.max_changed_lines,
        config.warn_changed_lines,
        split,
      ),
      overLimit("changed files", m.files, config.max_files, config.warn_files, split),
    ].filter((f): f is Finding => f !== null);
    if (snapshot.filesTruncated) {
      findings.push({
        ruleId: "size",
        severity: "error",
        message: `${snapshot.changedFilesCount} changed files: GitHub lists only the first ${snapshot.files.length}, so the size cannot be fully measured.`,
        fix: "Split the change into smaller pull requests.",
      });
    }
    const name = sizeName(m.lines, config.labels.thresholds);
    const summary =
      `${m.lines} changed lines in ${m.files} files (size ${name})` +
      (m.ignored.length ? `; ${m.ignored.length} ignored` : "");
    const prefix = config.labels.prefix;
    return ruleResult(this, summary, findings, {
      actions: config.labels.enabled
        ? {
            labels: {
              desired: [`${prefix}${name}`],
              managed: SIZE_NAMES.map((n) => `${prefix}${n}`),
            },
          }
        : undefined,
    });
  },
};
