/** A problem found in a CODEOWNERS file. `line` is 1-based; 0 means the whole file. */
export interface CodeownersProblem {
  readonly line: number;
  readonly message: string;
}

/** One usable CODEOWNERS line: a pattern and its owners (none means "unowned"). */
export interface CodeownersRule {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The pattern as written (escapes kept). */
  readonly pattern: string;
  /** Owners in the order written: `@user`, `@org/team` or an email address. */
  readonly owners: readonly string[];
}

export interface ParsedCodeowners {
  readonly rules: readonly CodeownersRule[];
  readonly problems: readonly CodeownersProblem[];
}

/** Who owns a path: the owners of the last matching line, and that line (null when none matched). */
export interface CodeownersMatch {
  owners: string[];
  line: number | null;
}

export interface CodeownersMatcher {
  readonly rules: readonly CodeownersRule[];
  readonly problems: readonly CodeownersProblem[];
  /** Owners of a repository-relative path (`src/a.ts`), by GitHub's "last matching line wins". */
  match(path: string): CodeownersMatch;
}
