import type { FileContent } from "../snapshot/types.js";
import { Cache } from "../util/cache.js";
import { type GitHub, httpStatus, type RepoRef } from "./types.js";

/** Blobs are immutable: cached by SHA for the life of the process. */
const blobs = new Cache<string>(2_000);
/** Reads at a commit SHA are immutable too: cached by repo, SHA and path. */
const atSha = new Cache<FileContent | null | DirEntry[]>(5_000);

export interface DirEntry {
  readonly path: string;
  readonly sha: string;
  readonly type: string;
}

const isSha = (ref: string) => /^[0-9a-f]{40}$/.test(ref);

export function clearContentCaches(): void {
  for (const c of [blobs, atSha]) c.deletePrefix("");
}

async function cached<T extends FileContent | null | DirEntry[]>(
  key: string,
  ref: string,
  load: () => Promise<T>,
): Promise<T> {
  if (!isSha(ref)) return load();
  return atSha.getOrLoad(key, load) as Promise<T>;
}

/** Reads a file at a ref; null when it does not exist (404) or is not a file. */
export async function readFile(
  gh: GitHub,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<FileContent | null> {
  return cached(`${repo.owner}/${repo.repo}@${ref}:${path}`, ref, async () => {
    try {
      const { data } = await gh.rest.repos.getContent({ ...repo, path, ref });
      if (Array.isArray(data) || data.type !== "file") return null;
      let content: string;
      if ("content" in data && data.encoding === "base64" && data.content) {
        content = Buffer.from(data.content, "base64").toString("utf8");
        blobs.set(data.sha, content);
      } else {
        // Files over 1 MB come without content: read the blob by SHA.
        content = await readBlob(gh, repo, data.sha);
      }
      return { path, content, sha: data.sha };
    } catch (err) {
      if (httpStatus(err) === 404) return null;
      throw err;
    }
  });
}

/** Reads the first file that exists among the candidates, in order (one request per miss). */
export async function readFirst(
  gh: GitHub,
  repo: RepoRef,
  candidates: readonly string[],
  ref: string,
): Promise<FileContent | null> {
  for (const path of candidates) {
    const file = await readFile(gh, repo, path, ref);
    if (file) return file;
  }
  return null;
}

/** Lists a directory at a ref; empty when it does not exist. */
export async function readDir(
  gh: GitHub,
  repo: RepoRef,
  path: string,
  ref: string,
): Promise<DirEntry[]> {
  return cached(`${repo.owner}/${repo.repo}@${ref}:${path}/`, ref, async () => {
    try {
      const { data } = await gh.rest.repos.getContent({ ...repo, path, ref });
      if (!Array.isArray(data)) return [];
      return data.map((e) => ({ path: e.path, sha: e.sha, type: e.type }));
    } catch (err) {
      if (httpStatus(err) === 404) return [];
      throw err;
    }
  });
}

/** Reads a blob by SHA (immutable, cached). */
export async function readBlob(gh: GitHub, repo: RepoRef, sha: string): Promise<string> {
  return blobs.getOrLoad(sha, async () => {
    const { data } = await gh.rest.git.getBlob({ ...repo, file_sha: sha });
    return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8").toString(
      "utf8",
    );
  });
}
