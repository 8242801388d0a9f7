import type { RulesConfig } from "../config/schema.js";
import type { Rule } from "../engine/types.js";
import { sizeRule } from "./size.js";

/** Every guardrail, in the order the check lists them, keyed by its config section. */
export const RULES: readonly {
  [K in keyof RulesConfig]: Rule<RulesConfig[K]>;
}[keyof RulesConfig][] = [sizeRule];

export type RuleId = keyof RulesConfig;
