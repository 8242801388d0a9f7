import type { ChangedFile } from "../snapshot/types.js";
import type { CodeownersMatcher } from "./types.js";

/** One path a PR touches, with its owners: a changed file, or the old path of a renamed file. */
export interface OwnedPath {
  /** The path matched against CODEOWNERS. */
  readonly path: string;
  /** The file in the PR (its current path carries annotations). */
  readonly file: ChangedFile;
  /** True for the old path of a renamed file. */
  readonly previous: boolean;
  readonly owners: readonly string[];
  /** CODEOWNERS line that decided, null when no line matched. */
  readonly line: number | null;
}

/** Files sharing one owner set: one approval from any of its owners covers them all. */
export interface OwnerArea {
  /** Lower-case, sorted owners joined by spaces: the identity of the set. */
  readonly key: string;
  /** Owners as written on the first line that produced this set. */
  readonly owners: readonly string[];
  readonly paths: readonly OwnedPath[];
}

/** Owners of every changed file and of the old path of every renamed file. */
export function ownedPaths(matcher: CodeownersMatcher, files: readonly ChangedFile[]): OwnedPath[] {
  const out: OwnedPath[] = [];
  for (const file of files) {
    const m = matcher.match(file.path);
    out.push({ path: file.path, file, previous: false, owners: m.owners, line: m.line });
    if (file.status === "renamed" && file.previousPath && file.previousPath !== file.path) {
      const old = matcher.match(file.previousPath);
      out.push({
        path: file.previousPath,
        file,
        previous: true,
        owners: old.owners,
        line: old.line,
      });
    }
  }
  return out;
}

export const ownerSetKey = (owners: readonly string[]) =>
  owners
    .map((o) => o.toLowerCase())
    .sort()
    .join(" ");

/** Groups owned paths by distinct owner set (unowned paths are left out), ordered by key. */
export function groupByOwners(paths: readonly OwnedPath[]): OwnerArea[] {
  const areas = new Map<string, { owners: readonly string[]; paths: OwnedPath[] }>();
  for (const p of paths) {
    if (!p.owners.length) continue;
    const key = ownerSetKey(p.owners);
    const area = areas.get(key);
    if (area) area.paths.push(p);
    else areas.set(key, { owners: p.owners, paths: [p] });
  }
  return [...areas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, area]) => ({ key, ...area }));
}

/** How a path reads in messages: `old` (renamed to `new`) for old paths. */
export function describePath(p: OwnedPath): string {
  return p.previous ? `\`${p.path}\` (renamed to \`${p.file.path}\`)` : `\`${p.path}\``;
}
