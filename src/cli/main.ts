import { UsageError } from "./args.js";
import { runEvaluate } from "./evaluate.js";
import type { CliIo, ExitCode } from "./io.js";
import { runValidate } from "./validate.js";

type Command = (args: string[], io: CliIo) => Promise<ExitCode>;

const lazy =
  (load: () => Promise<Command>): Command =>
  async (args, io) =>
    (await load())(args, io);

const COMMANDS: Record<string, { run: Command; help: string }> = {
  check: {
    run: lazy(async () => (await import("./check.js")).runCheck),
    help: "check [--base <ref>] [--head <ref>] [--body-file <f>] [--config <f>] [--json]   evaluate the local branch",
  },
  validate: {
    run: runValidate,
    help: "validate <config-file>                      validate a config file",
  },
  evaluate: {
    run: runEvaluate,
    help: "evaluate --snapshot <file.json> [--config <f>] [--json]   replay a snapshot",
  },
  owners: {
    run: lazy(async () => (await import("./owners.js")).runOwners),
    help: "owners [--repo <dir> | --codeowners <f>] [--json] [--errors] [<path>...]   code owners of paths",
  },
  decisions: {
    run: lazy(async () => (await import("./decisions.js")).runDecisions),
    help: "decisions [--json] <file|dir>...             parse decision records",
  },
  intent: {
    run: lazy(async () => (await import("./intent.js")).runIntent),
    help: "intent [--json] <file>                      parse an intent brief",
  },
};

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  guardrails ${c.help}`);
  return `usage:\n${lines.join("\n")}\n`;
}

/** Dispatches `guardrails <command> ...`; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`guardrails: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`guardrails ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
