/** What a decision record says about itself; see parse.ts for the formats read. */
export const DECISION_STATUSES = [
  "proposed",
  "accepted",
  "rejected",
  "deprecated",
  "superseded",
  "unknown",
] as const;

export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface DecisionRecord {
  /** The path the record was read from, as given. */
  readonly file: string;
  /** From the front matter, the file name (`0007-x.md`, `adr-017-x.md`) or a `# N.` title. */
  readonly number: number | null;
  /** The title without its number prefix (`# 2. Use X` → `Use X`). */
  readonly title: string | null;
  readonly status: DecisionStatus;
  /** YYYY-MM-DD */
  readonly date: string | null;
  /** Records this one supersedes: link targets or reference text as written, deduplicated. */
  readonly supersedes: readonly string[];
  /** Records that supersede this one (or replaced it, for a rejected one), as written. */
  readonly supersededBy: readonly string[];
  /** Path globs from the front matter `governs:` list. */
  readonly governs: readonly string[];
  /** What could not be read, or was read with a guess; never fatal. */
  readonly problems: readonly string[];
}
