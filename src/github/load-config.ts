import { CONFIG_PATH, type ConfigResult, deepMerge, parseConfig } from "../config/load.js";
import { Cache } from "../util/cache.js";
import { type GitHub, httpStatus, type RepoRef } from "./types.js";

/**
 * Configs are cached briefly per repository, so events that cannot change the verdict cost no
 * request; a push that touches a config file clears the owner's entries (see handlers/push.ts).
 */
const configs = new Cache<ConfigResult>(1_000, 5 * 60_000);

export function forgetConfigs(owner: string): void {
  configs.deletePrefix(`${owner}/`);
}

/**
 * Reads `.github/guardrails.yml` from the repository's default branch through Probot's config
 * loader (so `_extends` and the org's `.github` repository work) — never from the PR head —
 * and validates it. Arrays in an extending file replace those it extends.
 */
export async function loadConfig(gh: GitHub, repo: RepoRef): Promise<ConfigResult> {
  return configs.getOrLoad(`${repo.owner}/${repo.repo}`, async () => {
    let files: { owner: string; repo: string; path: string; config: unknown }[];
    let merged: unknown;
    try {
      const result = await gh.config.get({
        ...repo,
        path: CONFIG_PATH,
        defaults: (found) =>
          found.reduce<Record<string, unknown>>(
            (acc, c) => deepMerge(acc, c) as Record<string, unknown>,
            {},
          ),
      });
      files = result.files as typeof files;
      merged = result.config;
    } catch (err) {
      if (httpStatus(err) !== undefined) throw err; // a GitHub error: the evaluation fails visibly
      return { ok: false, errors: [yamlError(err)] };
    }
    const source = files.find((f) => f.config !== null);
    const file = source ? `${source.owner}/${source.repo}:${source.path}` : CONFIG_PATH;
    return parseConfig(merged ?? {}, file);
  });
}

function yamlError(err: unknown) {
  const message = err instanceof Error ? err.message : String(err);
  const cause = (err as { cause?: { linePos?: { line: number }[]; message?: string } }).cause;
  const url = /from (\S+)/.exec(message)?.[1] ?? CONFIG_PATH;
  return {
    file: decodeURIComponent(url.replace(/^.*\/repos\/([^/]+\/[^/]+)\/contents\//, "$1:")),
    path: "",
    line: cause?.linePos?.[0]?.line ?? null,
    found: `unreadable config (${(cause?.message ?? message).split("\n")[0]})`,
    allowed: "a YAML mapping of settings",
  };
}
