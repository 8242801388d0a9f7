import { MAX_CODEOWNERS_BYTES, utf8Length } from "./locations.js";
import { ownerKind } from "./owners.js";
import { type CompiledPattern, compilePattern } from "./pattern.js";
import type { CodeownersProblem, CodeownersRule, ParsedCodeowners } from "./types.js";

/** A rule with its compiled pattern, for matchers. */
export interface CompiledRule extends CodeownersRule {
  readonly compiled: CompiledPattern;
}

export interface CompiledCodeowners {
  readonly rules: readonly CompiledRule[];
  readonly problems: readonly CodeownersProblem[];
}

/**
 * Splits a line into whitespace-separated fields. A backslash escapes the next character (kept
 * in the field, so `\ ` stays part of the pattern); a `#` that starts a field starts a comment.
 */
function fields(line: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === "\\" && i + 1 < line.length) {
      current += ch + line[i + 1];
      i++;
    } else if (ch === " " || ch === "\t") {
      if (current) out.push(current);
      current = "";
    } else if (ch === "#" && current === "") {
      break;
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Owners in the order written, without repeats (logins compare case-insensitively). */
function distinct(owners: readonly string[]): string[] {
  const seen = new Set<string>();
  return owners.filter((o) => {
    const key = o.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Parses and compiles every line; lines with problems are reported and left out. */
export function compileRules(text: string): CompiledCodeowners {
  const bytes = text.length * 3 > MAX_CODEOWNERS_BYTES ? utf8Length(text) : text.length;
  if (bytes > MAX_CODEOWNERS_BYTES) {
    return {
      rules: [],
      problems: [
        {
          line: 0,
          message: `CODEOWNERS is ${megabytes(bytes)}, over GitHub's 3 MB limit: GitHub does not load it, so no file has code owners.`,
        },
      ],
    };
  }
  const rules: CompiledRule[] = [];
  const problems: CodeownersProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  lines.forEach((content, i) => {
    const line = i + 1;
    const [pattern, ...owners] = fields(content);
    if (pattern === undefined) return;
    const result = compilePattern(pattern);
    if (!result.ok) {
      problems.push({ line, message: `\`${pattern}\`: ${result.error}; the line is ignored.` });
      return;
    }
    const invalid = owners.filter((o) => ownerKind(o) === null);
    if (invalid.length) {
      const list = invalid.map((o) => `\`${o}\``).join(", ");
      problems.push({
        line,
        message: `${list} ${invalid.length > 1 ? "are not valid owners" : "is not a valid owner"} (expected @user, @org/team or an email address); the line is ignored.`,
      });
      return;
    }
    rules.push({ line, pattern, owners: distinct(owners), compiled: result.pattern });
  });
  return { rules, problems };
}

/**
 * Parses a CODEOWNERS file with GitHub's rules. Never throws: unsupported syntax and invalid
 * owners are reported with their line and that line is skipped; the rest of the file works.
 */
export function parseCodeowners(text: string): ParsedCodeowners {
  const { rules, problems } = compileRules(text);
  return {
    rules: rules.map(({ line, pattern, owners }) => ({ line, pattern, owners })),
    problems,
  };
}
