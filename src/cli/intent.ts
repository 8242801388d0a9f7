import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type IntentBrief, parseIntentBrief } from "../intent/brief.js";
import { SECTION_HEADINGS, SECTION_IDS, type SectionId } from "../intent/sections.js";
import { parseFlags } from "./args.js";
import type { CliIo, ExitCode } from "./io.js";

const USAGE = "usage: guardrails intent [--json] <file>\n";

/** The JSON printed by `guardrails intent --json`. */
export interface IntentReport {
  /** Per section: present and non-empty. */
  readonly sections: Record<SectionId, boolean>;
  readonly scope: readonly string[];
  readonly problems: readonly string[];
}

export function intentReport(brief: IntentBrief): IntentReport {
  const sections = Object.fromEntries(
    SECTION_IDS.map((id) => [id, brief.sections[id].filled]),
  ) as Record<SectionId, boolean>;
  return { sections, scope: brief.scope, problems: brief.problems };
}

function renderText(file: string, brief: IntentBrief): string {
  const lines = [`${file}${brief.title ? `: ${brief.title}` : ""}`];
  for (const id of SECTION_IDS) {
    const s = brief.sections[id];
    const state = s.filled ? "ok" : s.present ? "empty" : "missing";
    lines.push(`  ${state.padEnd(8)}${SECTION_HEADINGS[id]}`);
  }
  lines.push(`  scope: ${brief.scope.length ? brief.scope.join(", ") : "(no globs)"}`);
  if (brief.problems.length) {
    lines.push(`${brief.problems.length} problem${brief.problems.length > 1 ? "s" : ""}:`);
    for (const p of brief.problems) lines.push(`  - ${p}`);
  } else {
    lines.push("no problems");
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `guardrails intent [--json] <file>`: parses an intent brief and prints its sections, scope
 * globs and problems. Exit 0 when the file was parsed (even with problems), 2 on usage errors
 * or an unreadable file.
 */
export async function runIntent(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean" } });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.stderr(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), "utf8");
  } catch (err) {
    io.stderr(`guardrails: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const brief = parseIntentBrief(text);
  if (values.json) io.stdout(`${JSON.stringify(intentReport(brief), null, 2)}\n`);
  else io.stdout(renderText(file, brief));
  return 0;
}
