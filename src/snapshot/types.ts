/**
 * The pull request snapshot: the contract between the GitHub (or local git) layer and the pure
 * engine. Plain JSON, immutable by convention, serialisable — it can be saved and replayed by
 * the CLI and tests. The types come from the schema in ./schema.ts, the single definition.
 */
import type { z } from "zod";
import type {
  changedFileSchema,
  fileContentSchema,
  fileStatusSchema,
  issueInfoSchema,
  reviewSchema,
  snapshotSchema,
} from "./schema.js";

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type FileStatus = z.output<typeof fileStatusSchema>;
export type ChangedFile = DeepReadonly<z.output<typeof changedFileSchema>>;
export type FileContent = DeepReadonly<z.output<typeof fileContentSchema>>;
export type Review = DeepReadonly<z.output<typeof reviewSchema>>;
export type IssueInfo = DeepReadonly<z.output<typeof issueInfoSchema>>;
export type PullRequestSnapshot = DeepReadonly<z.output<typeof snapshotSchema>>;
