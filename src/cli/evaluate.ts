import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseConfigText } from "../config/load.js";
import { configErrorVerdict } from "../engine/config-verdict.js";
import { evaluate } from "../engine/evaluate.js";
import type { Verdict } from "../engine/types.js";
import { renderText, useColour } from "../render/text.js";
import { snapshotSchema } from "../snapshot/schema.js";
import { parseFlags } from "./args.js";
import type { CliIo, ExitCode } from "./io.js";

/**
 * `guardrails evaluate --snapshot <file.json> [--config <file>] [--json]`: replays a snapshot
 * through the engine and prints the verdict; exit 1 when the conclusion is failure.
 */
export async function runEvaluate(args: string[], io: CliIo): Promise<ExitCode> {
  const { values } = parseFlags(args, {
    snapshot: { type: "string" },
    config: { type: "string" },
    json: { type: "boolean" },
  });
  if (!values.snapshot) {
    io.stderr("usage: guardrails evaluate --snapshot <file.json> [--config <file>] [--json]\n");
    return 2;
  }
  const read = async (file: string) => readFile(resolve(io.cwd, file), "utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(await read(values.snapshot));
  } catch (err) {
    io.stderr(
      `guardrails: cannot read the snapshot ${values.snapshot}: ${(err as Error).message}\n`,
    );
    return 2;
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      io.stderr(`${values.snapshot}: ${issue.path.join(".") || "(root)"}: ${issue.message}\n`);
    return 2;
  }
  let configText = "";
  if (values.config) {
    try {
      configText = await read(values.config);
    } catch (err) {
      io.stderr(`guardrails: cannot read the config ${values.config}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  const config = parseConfigText(configText, values.config ?? "(defaults)");
  const verdict: Verdict = config.ok
    ? evaluate(parsed.data, config.config)
    : configErrorVerdict(config.errors);
  printVerdict(verdict, Boolean(values.json), io);
  return verdict.conclusion === "success" ? 0 : 1;
}

/** Prints a verdict as JSON or as text for a person; shared by `evaluate` and `check`. */
export function printVerdict(verdict: Verdict, json: boolean, io: CliIo): void {
  if (json) io.stdout(`${JSON.stringify(verdict, null, 2)}\n`);
  else io.stdout(renderText(verdict, { colour: useColour(io) }));
}
