import { configErrorVerdict } from "../engine/config-verdict.js";
import { evaluate } from "../engine/evaluate.js";
import type { RuleContext, Verdict } from "../engine/types.js";
import { type LocalOptions, type LocalSnapshot, loadLocalSnapshot } from "./snapshot.js";

export interface LocalCheck extends LocalSnapshot {
  readonly verdict: Verdict;
}

/**
 * The verdict the app would give, from a local checkout: the local snapshot through the same
 * engine. An invalid config on the base is a failing "Configuration" verdict, as in the app.
 */
export async function checkLocal(
  options: LocalOptions,
  ctx: RuleContext = { now: new Date() },
): Promise<LocalCheck> {
  const local = await loadLocalSnapshot(options);
  const verdict = local.config.ok
    ? evaluate(local.snapshot, local.config.config, ctx)
    : configErrorVerdict(local.config.errors);
  return { ...local, verdict };
}
