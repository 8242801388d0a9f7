/** What kind of owner a CODEOWNERS token names. */
export type OwnerKind = "user" | "team" | "email";

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})\/[A-Za-z0-9_](?:[A-Za-z0-9._-]*)$/;
const EMAIL = /^[^@\s\\]+@[^@\s\\]+\.[^@\s\\]+$/;

/** The kind of a valid owner token (`@user`, `@org/team`, `name@example.com`), else null. */
export function ownerKind(token: string): OwnerKind | null {
  if (USER.test(token)) return "user";
  if (TEAM.test(token)) return "team";
  if (EMAIL.test(token)) return "email";
  return null;
}

/** `@org/team` → `org/team` (lower case, the key of `snapshot.teams`); null for other owners. */
export function teamKey(owner: string): string | null {
  return ownerKind(owner) === "team" ? owner.slice(1).toLowerCase() : null;
}

/** `@login` → `login` (lower case); null for teams and emails. */
export function userLogin(owner: string): string | null {
  return ownerKind(owner) === "user" ? owner.slice(1).toLowerCase() : null;
}
