import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { isRecordFile } from "../decisions/file-name.js";
import { parseDecisionRecord } from "../decisions/parse.js";
import type { DecisionRecord } from "../decisions/types.js";
import { parseFlags } from "./args.js";
import type { CliIo, ExitCode } from "./io.js";

const USAGE = "usage: guardrails decisions [--json] <file|dir>...\n";

/** One record as `guardrails decisions --json` prints it. */
export interface DecisionSummary {
  readonly file: string;
  readonly number: number | null;
  readonly title: string | null;
  readonly status: DecisionRecord["status"];
  readonly date: string | null;
  readonly supersedes: readonly string[];
  readonly supersededBy: readonly string[];
}

export function decisionSummary(r: DecisionRecord): DecisionSummary {
  const { file, number, title, status, date, supersedes, supersededBy } = r;
  return { file, number, title, status, date, supersedes, supersededBy };
}

function textLine(r: DecisionRecord): string {
  const parts = [
    r.file,
    r.number !== null ? `#${r.number}` : "#-",
    r.status,
    r.date ?? "no date",
    r.title ?? "(no title)",
  ];
  let line = parts.join("  ");
  if (r.supersededBy.length > 0) line += `  (superseded by ${r.supersededBy.join(", ")})`;
  if (r.supersedes.length > 0) line += `  (supersedes ${r.supersedes.join(", ")})`;
  if (r.problems.length > 0) line += `  [problems: ${r.problems.join("; ")}]`;
  return line;
}

/** The files an argument names: itself, or the records directly inside a directory. */
async function filesOf(arg: string, cwd: string): Promise<string[]> {
  const info = await stat(resolve(cwd, arg));
  if (!info.isDirectory()) return [arg];
  const entries = await readdir(resolve(cwd, arg), { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isRecordFile(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => join(arg, name));
}

/**
 * `guardrails decisions [--json] <file|dir>...`: parses decision records and prints one line
 * (or one JSON object) per record. Directories are read one level deep; README.md, index.md and
 * templates are skipped. Exit 0 when every path was read (even with problems in the records), 2
 * on usage errors or a path that cannot be read.
 */
export async function runDecisions(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean" } });
  if (positionals.length === 0) {
    io.stderr(USAGE);
    return 2;
  }
  const files: string[] = [];
  const errors: string[] = [];
  for (const arg of positionals) {
    try {
      files.push(...(await filesOf(arg, io.cwd)));
    } catch (err) {
      errors.push(`guardrails decisions: cannot read ${arg}: ${(err as Error).message}`);
    }
  }
  const records: DecisionRecord[] = [];
  for (const file of files) {
    try {
      records.push(parseDecisionRecord(await readFile(resolve(io.cwd, file), "utf8"), file));
    } catch (err) {
      errors.push(`guardrails decisions: cannot read ${file}: ${(err as Error).message}`);
    }
  }
  if (errors.length > 0) {
    io.stderr(`${errors.join("\n")}\n`);
    return 2;
  }
  if (values.json) io.stdout(`${JSON.stringify(records.map(decisionSummary), null, 2)}\n`);
  else io.stdout(records.map((r) => `${textLine(r)}\n`).join(""));
  return 0;
}
