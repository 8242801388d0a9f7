/**
 * Finds the intent brief a pull request names in its description:
 *
 *   Intent: #123                       an issue in the same repository
 *   Intent: owner/repo#123             an issue in another repository
 *   Intent: https://host/o/r/issues/1  an issue URL (any host: github.com or GitHub Enterprise)
 *   Intent: docs/intents/billing.md    a brief file in the repository (`./` is dropped)
 *
 * The key is case-insensitive, may be bold or italic (`**Intent:**`), may sit in a list item or
 * a blockquote. GitHub's closing keywords (`Closes #12`, `fixes o/r#3`, `Resolved: #4`) are found
 * too, as `via: "closing"`. Fenced code blocks, inline code (for closing keywords) and HTML
 * comments are ignored. Pure and linear-time: each line is matched by anchored patterns with
 * bounded repetition only.
 */
import { blankCodeSpans, scanMarkdownLines, trimChars } from "./markdown.js";

export type IntentReference =
  | {
      readonly kind: "issue";
      readonly owner: string;
      readonly repo: string;
      readonly number: number;
      /** `owner/repo#n`, as written (GitHub treats it case-insensitively). */
      readonly key: string;
      /** `intent`: an `Intent:` line; `closing`: a closing keyword such as `Closes #12`. */
      readonly via: "intent" | "closing";
    }
  | { readonly kind: "file"; readonly path: string };

export interface RepoName {
  readonly owner: string;
  readonly name: string;
}

/** An `Intent:` line that named nothing recognisable. */
export interface UnparsedIntentLine {
  readonly line: number;
  readonly text: string;
}

export interface IntentScan {
  readonly references: readonly IntentReference[];
  readonly unparsed: readonly UnparsedIntentLine[];
}

const INTENT_KEY =
  /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\*{1,2}|_{1,2})?intent(?:[ \t]+brief)?(?:\*{1,2}|_{1,2})?[ \t]*:/i;

const SHORT_REF = /^#(\d{1,10})$/;
const REPO_REF = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})#(\d{1,10})$/;
const ISSUE_URL =
  /^https?:\/\/[^/\s]+\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})\/issues\/(\d{1,10})(?:[/?#].*)?$/i;

const CLOSING =
  /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?:\*\*)?:?(?:\*\*)?[ \t]+(#\d{1,10}|[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}#\d{1,10}|https?:\/\/[^/\s]+\/[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}\/issues\/\d{1,10})(?!\w)/gi;

/** Brief files are markdown (or plain text); `v2.0` after an issue number is not a file. */
const FILE_EXTENSION = /\.(?:md|markdown|mdx|mdown|mkd|txt)$/i;

type IssueRef = Extract<IntentReference, { kind: "issue" }>;

function issue(owner: string, repo: string, num: string, via: IssueRef["via"]): IssueRef | null {
  const number = Number(num);
  if (!Number.isSafeInteger(number) || number < 1) return null;
  return { kind: "issue", owner, repo, number, key: `${owner}/${repo}#${number}`, via };
}

/** Parses one issue token (`#1`, `o/r#1`, an issue URL); null when it is not one. */
function parseIssueToken(token: string, repo: RepoName, via: IssueRef["via"]): IssueRef | null {
  const short = SHORT_REF.exec(token);
  if (short) return issue(repo.owner, repo.name, short[1]!, via);
  const cross = REPO_REF.exec(token);
  if (cross) return issue(cross[1]!, cross[2]!, cross[3]!, via);
  const url = ISSUE_URL.exec(token);
  if (url) return issue(url[1]!, url[2]!, url[3]!, via);
  return null;
}

/** A repository-relative path to a brief file, or null. `./` and a leading `/` are dropped. */
export function normaliseBriefPath(token: string): string | null {
  let path = token.trim();
  if (path.includes("://") || path.startsWith("#")) return null;
  while (path.startsWith("./")) path = path.slice(2);
  while (path.startsWith("/")) path = path.slice(1);
  if (path === "" || /[\s#?*<>|"\\:[\]{}]/.test(path)) return null;
  const segments = path.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return null;
  if (!FILE_EXTENSION.test(segments[segments.length - 1]!)) return null;
  return path;
}

const EDGE_PUNCTUATION = new Set(["*", "`", "<", ">", '"', "'", "(", ")", ",", ";", "!", "?"]);

/**
 * Strips emphasis, code ticks, angle brackets, quotes and sentence punctuation around a token;
 * a trailing full stop or colon ends a sentence and is never part of a reference.
 */
function cleanToken(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && EDGE_PUNCTUATION.has(raw[start]!)) start++;
  while (end > start && (EDGE_PUNCTUATION.has(raw[end - 1]!) || ".:".includes(raw[end - 1]!)))
    end--;
  let token = raw.slice(start, end);
  if (token.length > 2 && token.startsWith("_") && token.endsWith("_"))
    token = trimChars(token, (ch) => ch === "_");
  return token;
}

/** Replaces markdown links `[text](target "title")` by their target. Linear. */
function unlink(text: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const mid = text.indexOf("](", at);
    if (mid < 0) break;
    let open = -1;
    for (let k = mid - 1; k >= at; k--) {
      if (text[k] === "[") {
        open = k;
        break;
      }
    }
    const close = text.indexOf(")", mid + 2);
    if (close < 0) break;
    if (open < 0) {
      out += text.slice(at, close + 1);
    } else {
      const target =
        text
          .slice(mid + 2, close)
          .trim()
          .split(/[ \t]+/)[0] ?? "";
      out += `${text.slice(at, open)} ${target} `;
    }
    at = close + 1;
  }
  return out + text.slice(at);
}

/** References on the value side of an `Intent:` line. */
function parseIntentValue(value: string, repo: RepoName): IntentReference[] {
  const refs: IntentReference[] = [];
  for (const raw of unlink(value).split(/[\s,]+/)) {
    if (!raw) continue;
    const token = cleanToken(raw);
    if (!token) continue;
    const ref = parseIssueToken(token, repo, "intent");
    if (ref) {
      refs.push(ref);
      continue;
    }
    const path = normaliseBriefPath(token);
    if (path) refs.push({ kind: "file", path });
  }
  return refs;
}

/**
 * Scans a PR description for intent references and for `Intent:` lines that named nothing
 * recognisable (so a rule can say what was wrong with them).
 */
export function scanIntentReferences(body: string, repo: RepoName): IntentScan {
  const found: IntentReference[] = [];
  const unparsed: UnparsedIntentLine[] = [];
  for (const line of scanMarkdownLines(typeof body === "string" ? body : "")) {
    if (line.kind !== "text" || line.commented) continue;
    const key = INTENT_KEY.exec(line.text);
    if (key) {
      const value = line.text.slice(key[0].length);
      const refs = parseIntentValue(value, repo);
      if (refs.length > 0) found.push(...refs);
      else {
        const text = value.trim();
        unparsed.push({
          line: line.number,
          text: text.length > 120 ? `${text.slice(0, 117)}...` : text,
        });
      }
    }
    const prose = blankCodeSpans(line.text);
    if (!/(?:clos|fix|resolv)/i.test(prose)) continue;
    CLOSING.lastIndex = 0;
    for (let m = CLOSING.exec(prose); m; m = CLOSING.exec(prose)) {
      const ref = parseIssueToken(m[1]!, repo, "closing");
      if (ref) found.push(ref);
    }
  }
  return { references: dedupe(found), unparsed };
}

/** One entry per issue (case-insensitive key) and per file; an `Intent:` line beats a closing keyword. */
function dedupe(refs: readonly IntentReference[]): IntentReference[] {
  const out: IntentReference[] = [];
  const index = new Map<string, number>();
  for (const ref of refs) {
    const id = ref.kind === "issue" ? `issue:${ref.key.toLowerCase()}` : `file:${ref.path}`;
    const at = index.get(id);
    if (at === undefined) {
      index.set(id, out.length);
      out.push(ref);
    } else if (ref.kind === "issue" && ref.via === "intent") {
      const prior = out[at]!;
      if (prior.kind === "issue" && prior.via === "closing") out[at] = { ...prior, via: "intent" };
    }
  }
  return out;
}

/** Intent references in a PR description (issues and brief files), first mention first. */
export function findIntentReferences(body: string, repo: RepoName): IntentReference[] {
  return [...scanIntentReferences(body, repo).references];
}
