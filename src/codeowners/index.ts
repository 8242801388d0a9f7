export { CODEOWNERS_LOCATIONS, chooseCodeownersPath, MAX_CODEOWNERS_BYTES } from "./locations.js";
export { compileCodeowners, naiveMatcher, normalisePath } from "./matcher.js";
export { type OwnerKind, ownerKind, teamKey, userLogin } from "./owners.js";
export { parseCodeowners } from "./parse.js";
export type {
  CodeownersMatch,
  CodeownersMatcher,
  CodeownersProblem,
  CodeownersRule,
  ParsedCodeowners,
} from "./types.js";
