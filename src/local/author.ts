/** What a local commit author stands for on GitHub, as far as git can tell. */
export interface LocalAuthor {
  readonly login: string;
  readonly type: "User" | "Bot";
}

const NOREPLY = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i;

/**
 * The login of a commit author: the login in a GitHub noreply address, a `…[bot]` name as is,
 * else the email's local part, else the name. A name or login ending in `[bot]` is a Bot.
 */
export function authorOf(name: string, email: string): LocalAuthor {
  const trimmedName = name.trim();
  const trimmedEmail = email.trim();
  const noreply = NOREPLY.exec(trimmedEmail)?.[1];
  const at = trimmedEmail.indexOf("@");
  const local = at > 0 ? trimmedEmail.slice(0, at) : trimmedEmail;
  const isBotName = /\[bot\]$/i.test(trimmedName);
  const login = noreply ?? (isBotName ? trimmedName : local || trimmedName || "unknown");
  const type = isBotName || /\[bot\]$/i.test(login) ? "Bot" : "User";
  return { login, type };
}
