import type { Config } from "../config/schema.js";

/**
 * Whether a label change can change the verdict: only labels that a profile matches on are read
 * by the engine (the size labels are the app's own output).
 */
export function labelMatters(config: Config, label: string): boolean {
  return config.profiles.some((p) => p.when.labels.includes(label));
}

/** Whether an edit can change the verdict: the body (intent, decisions) or the base branch. */
export function editMatters(changes: Record<string, unknown> | undefined): boolean {
  if (!changes) return true;
  return "body" in changes || "base" in changes;
}

/** Whether reviews can change the verdict: only owner approvals read them. */
export function reviewsMatter(config: Config): boolean {
  const rules = [config.rules, ...config.profiles.map((p) => p.rules)];
  return rules.some((r) => r.ownership.enabled && r.ownership.require_owner_approval);
}

/** Whether intent issues can change the verdict. */
export function intentMatters(config: Config): boolean {
  return [config.rules, ...config.profiles.map((p) => p.rules)].some((r) => r.intent.enabled);
}
