/**
 * A fake GitHub for app tests, over nock: named helpers register one answer per endpoint the app
 * uses, every request body is checked against GitHub's REST description (see openapi.ts), every
 * request is recorded, and `done()` fails the test on an invalid body, an unexpected request or
 * an answer that was never asked for.
 *
 * ```ts
 * const mock = githubMock().accessToken().getPull(7, pr);
 * const created: unknown[] = [];
 * mock.createCheckRun({ id: 1 }, created);
 * await app.receive(event);
 * mock.done();
 * expect(created[0]).toMatchObject({ conclusion: "failure" });
 * expect(mock.requests).toHaveLength(3);
 * ```
 *
 * Interceptors are global to the test process: call `nock.cleanAll()` in `afterEach`.
 */
import { createHash } from "node:crypto";
import nock from "nock";
import { CONFIG_PATH } from "../../src/config/load.js";
import { validateRequest, validateResponse } from "./openapi.js";

/** One request the app sent, as the mock saw it. */
export interface RecordedRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Percent-decoded path without the base URL's path (`/api/v3`) or query string. */
  readonly path: string;
  /** The raw query string without `?` (`per_page=100&page=2`), empty when none. */
  readonly query: string;
  /** The parsed JSON body; a string for a non-JSON body; undefined for none. */
  readonly body: unknown;
}

/** An answer, or a function that computes it from the request. */
export type Reply<T = unknown> = T | ((req: RecordedRequest) => T);

/** How an interceptor answers; a bare array is shorthand for `{ capture }`. */
export interface ReplyOptions {
  /** Each request's parsed body is pushed here, so a test can assert the exact body. */
  readonly capture?: unknown[];
  /** How many requests this answer serves (default 1). */
  readonly times?: number;
  /** Answer with this status instead of the helper's success status (e.g. 404, 422). */
  readonly status?: number;
  /** Do not report this answer as unused in `done()`. */
  readonly optional?: boolean;
}

/** Options of the list helpers: pages of `perPage` items (default 100) with Link headers. */
export interface PageOptions extends Omit<ReplyOptions, "status"> {
  readonly perPage?: number;
}

/** Options of `githubMock()`. */
export interface GitHubMockOptions {
  /** The repository the helpers address, `owner/name` (default `acme/app`, as makeSnapshot). */
  readonly repo?: string;
  /** Also check every JSON answer against the documented response schema (default false). */
  readonly validateResponses?: boolean;
}

type Opts = ReplyOptions | unknown[] | undefined;

interface Registered {
  readonly label: string;
  remaining: number;
  readonly optional: boolean;
}

interface Shared {
  readonly scope: nock.Scope;
  readonly origin: string;
  readonly prefix: string;
  readonly hostname: string;
  readonly requests: RecordedRequest[];
  readonly errors: string[];
  readonly registered: Registered[];
  readonly validateResponses: boolean;
  readonly onNoMatch: (...args: unknown[]) => void;
}

interface Definition {
  readonly method: string;
  /** A decoded path to equal, or a RegExp to test against the decoded path. */
  readonly path: string | RegExp;
  readonly status: number;
  readonly reply: Reply;
  readonly options: ReplyOptions;
  /** Query parameters that must have these values (`page` "1" also matches a missing page). */
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: (req: RecordedRequest, rawPath: string) => Record<string, string>;
  /** The answer is raw text (GitHub's `raw` media type), not JSON. */
  readonly raw?: boolean;
}

const NOT_FOUND = {
  message: "Not Found",
  documentation_url: "https://docs.github.com/rest",
  status: "404",
};

/**
 * Creates a fake GitHub at `baseUrl` (`http://127.0.0.1:PORT/api/v3` for GHES-style servers).
 * Real network access is disabled except to 127.0.0.1, so servers a test starts stay reachable.
 */
export function githubMock(
  baseUrl = "https://api.github.com",
  options: GitHubMockOptions = {},
): GitHubMock {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host));
  const url = new URL(baseUrl);
  const errors: string[] = [];
  const onNoMatch = (...args: unknown[]) => {
    const req = args.find((a): a is Record<string, unknown> => {
      const o = a as Record<string, unknown> | null;
      return !!o && typeof o.method === "string" && typeof o.path === "string";
    });
    if (!req) return;
    const host = String(req.hostname ?? req.host ?? "").replace(/:\d+$/, "");
    if (host && host !== url.hostname) return;
    errors.push(`no answer registered for ${req.method} ${req.path}`);
  };
  nock.emitter.on("no match", onNoMatch);
  const shared: Shared = {
    scope: nock(url.origin),
    origin: url.origin,
    prefix: url.pathname.replace(/\/+$/, ""),
    hostname: url.hostname,
    requests: [],
    errors,
    registered: [],
    validateResponses: options.validateResponses ?? false,
    onNoMatch,
  };
  return new GitHubMock(shared, options.repo ?? "acme/app");
}

/** See githubMock(). Every helper returns the mock, so calls chain. */
export class GitHubMock {
  readonly #shared: Shared;
  /** The repository (`owner/name`) the helpers of this view address. */
  readonly repo: string;

  /** @internal use githubMock() */
  constructor(shared: Shared, repo: string) {
    this.#shared = shared;
    this.repo = repo;
  }

  /** Every request answered so far, in order (shared by all views of one mock). */
  get requests(): readonly RecordedRequest[] {
    return this.#shared.requests;
  }

  /** Problems found so far: invalid bodies, unmatched requests, dishonest answers. */
  get errors(): readonly string[] {
    return this.#shared.errors;
  }

  /** The underlying nock scope, for anything the helpers do not cover. */
  get scope(): nock.Scope {
    return this.#shared.scope;
  }

  /** The same mock addressing another repository (`owner/name`): an org's `.github`, a fork. */
  forRepo(repo: string): GitHubMock {
    return new GitHubMock(this.#shared, repo);
  }

  /**
   * Throws one error listing every invalid request body, request without an answer, answer
   * never asked for (unless optional) and, with validateResponses, answer that breaks GitHub's
   * documented schema. Also stops listening for unmatched requests.
   */
  done(): void {
    nock.emitter.removeListener("no match", this.#shared.onNoMatch);
    const unused = this.#shared.registered
      .filter((r) => r.remaining > 0 && !r.optional)
      .map((r) => `never requested: ${r.label}`);
    const problems = [...this.#shared.errors, ...unused];
    if (problems.length) throw new Error(`fake GitHub:\n- ${problems.join("\n- ")}`);
  }

  /**
   * Registers an answer for any endpoint. `path` is the decoded path without query string
   * (`/repos/acme/app/contents/.github/guardrails.yml`) or a RegExp tested against it. The
   * request body is validated all the same; an undocumented endpoint is reported by done().
   */
  intercept(
    method: string,
    path: string | RegExp,
    status: number,
    reply?: Reply,
    options?: ReplyOptions | unknown[],
  ): this {
    return this.#add({ method, path, status, reply, options: opts(options) });
  }

  /** `POST /app/installations/{id}/access_tokens`: the installation token Probot asks for first. */
  accessToken(installationId = 2, options?: Opts): this {
    const reply = {
      token: "ghs_test",
      expires_at: "2099-01-01T00:00:00Z",
      permissions: {},
      repository_selection: "all",
    };
    const path = `/app/installations/${installationId}/access_tokens`;
    return this.#add({ method: "POST", path, status: 201, reply, options: opts(options) });
  }

  /** `GET /repos/{owner}/{repo}/pulls/{number}`. */
  getPull(number: number, pull: Reply, options?: Opts): this {
    return this.#get(`/pulls/${number}`, pull, options);
  }

  /** `GET /repos/{owner}/{repo}/pulls/{number}/files`, paginated. */
  listFiles(number: number, files: readonly unknown[], options?: PageOptions): this {
    return this.#paged(`${this.#repoPath}/pulls/${number}/files`, files, options);
  }

  /**
   * `GET /repos/{owner}/{repo}/contents/{path}` for a file: `content` is served base64-encoded
   * with its git blob SHA; null answers 404. `ref` must match the request's `ref` when given.
   */
  getContent(path: string, ref: string | undefined, content: string | null, options?: Opts): this {
    const o = opts(options);
    const reply =
      content === null ? NOT_FOUND : this.#contentEntry(path, "file", blobSha(content), content);
    return this.#add({
      method: "GET",
      path: `${this.#repoPath}/contents/${path}`,
      status: o.status ?? (content === null ? 404 : 200),
      reply,
      options: o,
      ...(ref === undefined ? {} : { query: { ref } }),
    });
  }

  /**
   * `GET /repos/{owner}/{repo}/contents/{dir}` for a directory of files, given as full path →
   * content. Entries carry each content's blob SHA, so the blob reads that follow can be
   * answered with `getBlob(blobSha(content), content)`. An empty record is an empty directory.
   */
  getDir(
    dir: string,
    ref: string | undefined,
    files: Readonly<Record<string, string>>,
    options?: Opts,
  ): this {
    const o = opts(options);
    const reply = Object.entries(files).map(([p, content]) => ({
      ...this.#contentEntry(p, "file", blobSha(content)),
      size: Buffer.byteLength(content),
    }));
    return this.#add({
      method: "GET",
      path: `${this.#repoPath}/contents/${dir}`,
      status: o.status ?? 200,
      reply,
      options: o,
      ...(ref === undefined ? {} : { query: { ref } }),
    });
  }

  /** `GET /repos/{owner}/{repo}/git/blobs/{sha}`; the SHA need not be the content's own. */
  getBlob(sha: string, content: string, options?: Opts): this {
    const [owner, name] = this.repo.split("/");
    const reply = {
      sha,
      node_id: `B_${sha.slice(0, 12)}`,
      size: Buffer.byteLength(content),
      url: `https://api.github.com/repos/${owner}/${name}/git/blobs/${sha}`,
      content: Buffer.from(content).toString("base64"),
      encoding: "base64",
    };
    return this.#get(`/git/blobs/${sha}`, reply, options);
  }

  /**
   * The config file as Probot's config loader reads it: `GET /repos/{owner}/{repo}/contents/`
   * `.github%2Fguardrails.yml` with the raw media type, answered with the YAML text; null
   * answers 404. After a 404 the loader asks `{owner}/.github` for the same path (register it
   * with `forRepo("owner/.github").getConfig(...)` or use `noConfig()`); a file with `_extends:
   * other` makes it read `{owner}/other` next, `_extends: org/repo:path.yml` that file.
   */
  getConfig(yaml: string | null, options: ReplyOptions & { readonly path?: string } = {}): this {
    const o = options;
    const path = options.path ?? CONFIG_PATH;
    return this.#add({
      method: "GET",
      path: `${this.#repoPath}/contents/${path}`,
      status: o.status ?? (yaml === null ? 404 : 200),
      reply: yaml ?? NOT_FOUND,
      options: o,
      raw: yaml !== null,
    });
  }

  /** No config anywhere: 404 from the repository and from its owner's `.github` repository. */
  noConfig(): this {
    this.getConfig(null);
    this.forRepo(`${this.repo.split("/")[0]}/.github`).getConfig(null);
    return this;
  }

  /** `POST /repos/{owner}/{repo}/check-runs` (201). */
  createCheckRun(reply: Reply = { id: 1 }, options?: Opts): this {
    return this.#write("POST", "/check-runs", 201, reply, options);
  }

  /** `PATCH /repos/{owner}/{repo}/check-runs/{id}`. */
  updateCheckRun(id: number, reply: Reply = { id }, options?: Opts): this {
    return this.#write("PATCH", `/check-runs/${id}`, 200, reply, options);
  }

  /** `GET /repos/{owner}/{repo}/commits/{ref}/check-runs`: `{ total_count, check_runs }`. */
  listCheckRunsForRef(ref: string, checkRuns: readonly unknown[] = [], options?: Opts): this {
    const reply = { total_count: checkRuns.length, check_runs: checkRuns };
    return this.#get(`/commits/${ref}/check-runs`, reply, options);
  }

  /** `GET /repos/{owner}/{repo}/issues/{number}/comments`, paginated. */
  listComments(issue: number, comments: readonly unknown[] = [], options?: PageOptions): this {
    return this.#paged(`${this.#repoPath}/issues/${issue}/comments`, comments, options);
  }

  /** `POST /repos/{owner}/{repo}/issues/{number}/comments` (201). */
  createComment(issue: number, reply: Reply = { id: 1 }, options?: Opts): this {
    return this.#write("POST", `/issues/${issue}/comments`, 201, reply, options);
  }

  /** `PATCH /repos/{owner}/{repo}/issues/comments/{id}`. */
  updateComment(id: number, reply: Reply = { id }, options?: Opts): this {
    return this.#write("PATCH", `/issues/comments/${id}`, 200, reply, options);
  }

  /** `DELETE /repos/{owner}/{repo}/issues/comments/{id}` (204). */
  deleteComment(id: number, options?: Opts): this {
    return this.#write("DELETE", `/issues/comments/${id}`, 204, undefined, options);
  }

  /** `POST /repos/{owner}/{repo}/issues/{number}/labels`; answers the issue's labels. */
  addLabels(issue: number, reply: Reply = [], options?: Opts): this {
    return this.#write("POST", `/issues/${issue}/labels`, 200, reply, options);
  }

  /** `DELETE /repos/{owner}/{repo}/issues/{number}/labels/{name}`. */
  removeLabel(issue: number, name: string, reply: Reply = [], options?: Opts): this {
    return this.#write("DELETE", `/issues/${issue}/labels/${name}`, 200, reply, options);
  }

  /** `POST /repos/{owner}/{repo}/pulls/{number}/requested_reviewers` (201). */
  requestReviewers(pull: number, reply: Reply = { number: pull }, options?: Opts): this {
    return this.#write("POST", `/pulls/${pull}/requested_reviewers`, 201, reply, options);
  }

  /** `GET /repos/{owner}/{repo}/pulls/{number}/requested_reviewers`: `{ users, teams }`. */
  listRequestedReviewers(pull: number, reply: Reply, options?: Opts): this {
    return this.#get(`/pulls/${pull}/requested_reviewers`, reply, options);
  }

  /** `GET /repos/{owner}/{repo}/pulls/{number}/reviews`, paginated. */
  listReviews(pull: number, reviews: readonly unknown[] = [], options?: PageOptions): this {
    return this.#paged(`${this.#repoPath}/pulls/${pull}/reviews`, reviews, options);
  }

  /** `GET /orgs/{org}/teams/{slug}/members`, paginated. */
  listTeamMembers(
    org: string,
    slug: string,
    members: readonly unknown[],
    options?: PageOptions,
  ): this {
    return this.#paged(`/orgs/${org}/teams/${slug}/members`, members, options);
  }

  /** `GET /repos/{owner}/{repo}/issues/{number}`. */
  getIssue(number: number, issue: Reply, options?: Opts): this {
    return this.#get(`/issues/${number}`, issue, options);
  }

  /** `GET /repos/{owner}/{repo}/pulls` (any state filter), paginated. */
  listPulls(pulls: readonly unknown[] = [], options?: PageOptions): this {
    return this.#paged(`${this.#repoPath}/pulls`, pulls, options);
  }

  /** `GET /repos/{owner}/{repo}/commits/{sha}/pulls`: pull requests containing a commit. */
  listPullsForCommit(sha: string, pulls: readonly unknown[] = [], options?: Opts): this {
    return this.#get(`/commits/${sha}/pulls`, pulls, options);
  }

  /** `GET /repos/{owner}/{repo}/issues/{number}/events`, paginated. */
  listIssueEvents(issue: number, events: readonly unknown[] = [], options?: PageOptions): this {
    return this.#paged(`${this.#repoPath}/issues/${issue}/events`, events, options);
  }

  /** `GET /repos/{owner}/{repo}/issues/{number}/timeline`, paginated. */
  listTimeline(issue: number, events: readonly unknown[] = [], options?: PageOptions): this {
    return this.#paged(`${this.#repoPath}/issues/${issue}/timeline`, events, options);
  }

  get #repoPath(): string {
    return `/repos/${this.repo}`;
  }

  #get(suffix: string, reply: Reply, options: Opts): this {
    return this.#write("GET", suffix, 200, reply, options);
  }

  #write(method: string, suffix: string, status: number, reply: Reply, options: Opts): this {
    const o = opts(options);
    const path = `${this.#repoPath}${suffix}`;
    return this.#add({ method, path, status: o.status ?? status, reply, options: o });
  }

  /** One interceptor per page; page 1 also answers a request without `page`. */
  #paged(path: string, items: readonly unknown[], options: PageOptions = {}): this {
    const perPage = options.perPage ?? 100;
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    for (let page = 1; page <= pages; page++) {
      this.#add({
        method: "GET",
        path,
        status: 200,
        reply: items.slice((page - 1) * perPage, page * perPage),
        options,
        query: { page: String(page) },
        headers: (req, rawPath) => linkHeader(this.#shared, rawPath, req.query, page, pages),
      });
    }
    return this;
  }

  #contentEntry(path: string, type: string, sha: string, content?: string) {
    const [owner, name] = this.repo.split("/");
    const api = `https://api.github.com/repos/${owner}/${name}`;
    const html = `https://github.com/${owner}/${name}/blob/main/${path}`;
    const entry = {
      type,
      size: content === undefined ? 0 : Buffer.byteLength(content),
      name: path.split("/").pop() ?? path,
      path,
      sha,
      url: `${api}/contents/${path}`,
      git_url: `${api}/git/blobs/${sha}`,
      html_url: html,
      download_url: `https://raw.githubusercontent.com/${owner}/${name}/main/${path}`,
      _links: { self: `${api}/contents/${path}`, git: `${api}/git/blobs/${sha}`, html },
    };
    return content === undefined
      ? entry
      : { ...entry, encoding: "base64", content: Buffer.from(content).toString("base64") };
  }

  #add(def: Omit<Definition, "options"> & { options: ReplyOptions }): this {
    const shared = this.#shared;
    const method = def.method.toUpperCase();
    const times = def.options.times ?? 1;
    const label = `${method} ${def.path}${def.query ? `?${new URLSearchParams(def.query)}` : ""}`;
    const entry: Registered = { label, remaining: times, optional: def.options.optional ?? false };
    shared.registered.push(entry);
    const matches = (uri: string) => {
      const { rawPath, path, query } = split(shared.prefix, uri);
      if (rawPath === undefined) return false;
      const pathOk = typeof def.path === "string" ? path === def.path : def.path.test(path);
      const params = new URLSearchParams(query);
      const queryOk = Object.entries(def.query ?? {}).every(
        ([k, v]) => (params.get(k) ?? (k === "page" ? "1" : undefined)) === v,
      );
      return pathOk && queryOk;
    };
    shared.scope
      .intercept(matches, method)
      .times(times)
      .reply((uri, requestBody) => {
        entry.remaining--;
        const { rawPath = "", path, query } = split(shared.prefix, uri);
        const rec: RecordedRequest = { method, path, query, body: parseBody(requestBody) };
        shared.requests.push(rec);
        def.options.capture?.push(rec.body);
        const invalid = validateRequest(method, rawPath, rec.body);
        if (invalid.length) {
          shared.errors.push(...invalid);
          return [422, { message: "Validation Failed (fake GitHub)", errors: invalid }];
        }
        const value = typeof def.reply === "function" ? def.reply(rec) : def.reply;
        if (shared.validateResponses && !def.raw) {
          shared.errors.push(...validateResponse(method, rawPath, def.status, value));
        }
        const headers = {
          ...(def.raw ? { "content-type": "text/plain; charset=utf-8" } : {}),
          ...def.headers?.(rec, rawPath),
        };
        if (value === undefined) return [def.status, "", headers];
        return [def.status, value as nock.Body, headers];
      });
    return this;
  }
}

function opts(options: ReplyOptions | unknown[] | undefined): ReplyOptions {
  if (Array.isArray(options)) return { capture: options };
  return options ?? {};
}

/** Splits a request URI into the raw path under the base path, its decoded form and the query. */
function split(prefix: string, uri: string) {
  const [rawFull = "", query = ""] = uri.split("?");
  if (prefix && !(rawFull === prefix || rawFull.startsWith(`${prefix}/`))) {
    return { rawPath: undefined, path: "", query };
  }
  const rawPath = rawFull.slice(prefix.length) || "/";
  let path = rawPath;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    // a malformed escape stays as sent
  }
  return { rawPath, path, query };
}

function parseBody(body: unknown): unknown {
  if (body === "" || body === undefined) return undefined;
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** GitHub's Link header for page `page` of `pages`, pointing at the same path and query. */
function linkHeader(
  shared: Shared,
  rawPath: string,
  query: string,
  page: number,
  pages: number,
): Record<string, string> {
  const at = (n: number) => {
    const params = new URLSearchParams(query);
    params.set("page", String(n));
    return `<${shared.origin}${shared.prefix}${rawPath}?${params}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(page - 1)}; rel="prev"`);
  if (page < pages) links.push(`${at(page + 1)}; rel="next"`);
  if (pages > 1) links.push(`${at(pages)}; rel="last"`, `${at(1)}; rel="first"`);
  return links.length ? { link: links.join(", ") } : {};
}

/** The git blob SHA of a text, as GitHub reports it for a file. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
