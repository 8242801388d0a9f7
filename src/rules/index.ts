import type { RulesConfig } from "../config/schema.js";
import type { Rule } from "../engine/types.js";
import { decisionsRule } from "./decisions.js";
import { intentRule } from "./intent.js";
import { ownershipRule } from "./ownership.js";
import { sizeRule } from "./size.js";

/** Every guardrail, in the order the check lists them, keyed by its config section. */
export const RULES: readonly {
  [K in keyof RulesConfig]: Rule<RulesConfig[K]>;
}[keyof RulesConfig][] = [sizeRule, ownershipRule, decisionsRule, intentRule];

export type RuleId = keyof RulesConfig;
