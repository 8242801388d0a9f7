/**
 * Checks the requests the app sends (and the fake answers tests serve) against GitHub's own REST
 * description from `@octokit/openapi`, so a wrong field name, a bad enum value or an endpoint
 * that does not exist fails a test instead of passing against a hand-written mock.
 *
 * The description is read once, on first use, from the non-dereferenced file (about 0.1 s to
 * parse, against about 0.6 s for the dereferenced one); `$ref`s are resolved by Ajv from its
 * schema store. Each operation's schema is compiled once and cached.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formatsModule, { type FormatsPlugin } from "ajv-formats";

type Json = Record<string, unknown>;

/** One documented endpoint: a method on a path template. */
export interface Operation {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/check-runs/{check_run_id}`. */
  readonly template: string;
  /** Octokit's operation id, e.g. `checks/update`. */
  readonly id: string;
  readonly spec: Json;
}

interface Route {
  readonly template: string;
  /** Literal segments as strings, parameters as null. */
  readonly segments: readonly (string | null)[];
  /** The last parameter may hold slashes (`{path}`, `{ref}`, `{dir}`). */
  readonly tail: boolean;
  readonly methods: Readonly<Record<string, Json>>;
}

interface Loaded {
  readonly ajv: Ajv;
  readonly routes: readonly Route[];
  readonly components: Json;
  readonly validators: Map<string, ValidateFunction | string>;
  readonly loadMs: number;
}

const SPEC_ID = "github-rest";
const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];
const MAX_ERRORS = 12;

let loaded: Loaded | undefined;

/** Milliseconds the first use spent reading and preparing the description (for the ADR's claim). */
export function loadTimeMs(): number {
  return load().loadMs;
}

function load(): Loaded {
  if (loaded) return loaded;
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const spec = JSON.parse(readFileSync(file, "utf8")) as {
    paths: Record<string, Record<string, Json>>;
    components: Json;
  };
  toJsonSchema(spec.paths);
  toJsonSchema(spec.components);
  const ajv = new Ajv({
    strict: false, // OpenAPI adds keywords (example, discriminator, x-*) that JSON Schema lacks
    allErrors: true,
    logger: false,
    validateSchema: false,
    unicodeRegExp: false,
  });
  // ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
  const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ??
    formatsModule) as unknown as FormatsPlugin;
  addFormats(ajv);
  ajv.addFormat("repo.nwo", /^[^/\s]+\/[^/\s]+$/);
  ajv.addSchema({ components: spec.components }, SPEC_ID);
  const routes = Object.entries(spec.paths).map(([template, item]) => ({
    template,
    segments: template
      .split("/")
      .slice(1)
      .map((s) => (/^\{[^}]+\}$/.test(s) ? null : s)),
    tail: /\{(path|ref|dir)\}$/.test(template),
    methods: Object.fromEntries(
      Object.entries(item)
        .filter(([m]) => METHODS.includes(m))
        .map(([m, op]) => [m.toUpperCase(), op]),
    ),
  }));
  loaded = {
    ajv,
    routes,
    components: spec.components,
    validators: new Map(),
    loadMs: performance.now() - started,
  };
  return loaded;
}

/**
 * Rewrites OpenAPI 3.0 schema dialect into JSON Schema, in place: `nullable: true` becomes a
 * `null` type (or an `anyOf` with null when there is no `type`), enums of nullable values admit
 * null, and local `$ref`s point into Ajv's store. Example values are data, not schemas: skipped.
 */
function toJsonSchema(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) toJsonSchema(item);
    return;
  }
  if (!node || typeof node !== "object") return;
  const o = node as Json;
  if (o.nullable === true) {
    delete o.nullable;
    if (typeof o.type === "string" || Array.isArray(o.type)) {
      o.type = [...new Set([...[o.type].flat(), "null"])];
      if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
    } else {
      const rest = { ...o };
      for (const k of Object.keys(o)) delete o[k];
      o.anyOf = [{ type: "null" }, rest];
    }
  }
  if (typeof o.$ref === "string" && o.$ref.startsWith("#/")) o.$ref = `${SPEC_ID}${o.$ref}`;
  for (const [key, value] of Object.entries(o)) {
    if (key === "example" || key === "examples" || key.startsWith("x-")) continue;
    toJsonSchema(value);
  }
}

/** The path part of a URL or path, without query, fragment, trailing slash or `/api/v3`. */
function pathOf(url: string): string {
  const path = /^[a-z]+:\/\//i.test(url) ? new URL(url).pathname : (url.split(/[?#]/)[0] ?? "");
  const bare = path.replace(/^\/api\/v3(?=\/|$)/, "").replace(/(.)\/+$/, "$1");
  return bare.startsWith("/") ? bare : `/${bare}`;
}

/**
 * Finds the path template for a concrete path. A literal segment beats a parameter at the first
 * place two templates differ (`/pulls/comments` over `/pulls/{pull_number}`). A template ending
 * in `{path}`, `{ref}` or `{dir}` also takes a path with unencoded slashes in that last part
 * (`contents/docs/a.md`) when nothing matches segment for segment.
 */
function findRoute(path: string): Route | undefined {
  const parts = path.split("/").slice(1);
  const fits = (r: Route, tail: boolean) => {
    const n = r.segments.length;
    if (tail ? !r.tail || n >= parts.length : n !== parts.length) return false;
    return r.segments.every((s, i) => s === null || s === parts[i]);
  };
  const rank = (a: Route, b: Route) => {
    for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
      const la = a.segments[i] !== null;
      const lb = b.segments[i] !== null;
      if (la !== lb) return la ? -1 : 1;
    }
    return b.segments.length - a.segments.length;
  };
  const { routes } = load();
  const exact = routes.filter((r) => fits(r, false)).sort(rank);
  return exact[0] ?? routes.filter((r) => fits(r, true)).sort(rank)[0];
}

/**
 * The documented operation for a method and URL (absolute, or a path; a GitHub Enterprise
 * `/api/v3` prefix and any query string are ignored), or an error saying what is unknown.
 */
export function findOperation(method: string, url: string): Operation | string {
  const path = pathOf(url);
  const m = method.toUpperCase();
  const route = findRoute(path);
  if (!route) return `${m} ${path}: no such endpoint in GitHub's REST API description`;
  const spec = route.methods[m];
  if (!spec) {
    const allowed = Object.keys(route.methods).join(", ");
    return `${m} ${route.template}: GitHub documents only ${allowed} for this path`;
  }
  return { method: m, template: route.template, id: String(spec.operationId), spec };
}

/** Octokit's operation id (`pulls/get`) for a method and URL; undefined when not documented. */
export function operationId(method: string, url: string): string | undefined {
  const op = findOperation(method, url);
  return typeof op === "string" ? undefined : op.id;
}

/** Follows a `$ref` to a component (request bodies and responses may be shared). */
function deref(value: unknown): Json | undefined {
  const o = value as Json | undefined;
  if (!o || typeof o.$ref !== "string") return o;
  let target: unknown = { components: load().components };
  for (const part of o.$ref.replace(/^[^#]*#\//, "").split("/")) {
    target = (target as Json | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return deref(target);
}

function jsonSchemaOf(content: unknown): Json | undefined {
  const media = content as Record<string, { schema?: Json }> | undefined;
  return media?.["application/json"]?.schema;
}

/** Compiles a schema once per key; a schema Ajv cannot compile comes back as an error text. */
function validatorFor(key: string, schema: Json): ValidateFunction | string {
  const { ajv, validators } = load();
  let v = validators.get(key);
  if (v === undefined) {
    try {
      v = ajv.compile(schema);
    } catch (err) {
      v = `the documented schema could not be compiled (${(err as Error).message})`;
    }
    validators.set(key, v);
  }
  return v;
}

/**
 * Validates a JSON request body against the endpoint's documented schema. Returns readable
 * errors naming the operation and the field (`body.output.title`); empty when valid. Beyond the
 * schema, a field the endpoint does not document is an error even where the description allows
 * extra properties: GitHub ignores such fields, so a misspelt one would be a silent bug.
 */
export function validateRequest(method: string, url: string, body: unknown): string[] {
  const op = findOperation(method, url);
  if (typeof op === "string") return [op];
  const label = `${op.id} (${op.method} ${op.template})`;
  const requestBody = deref(op.spec.requestBody);
  const empty =
    body === undefined ||
    body === null ||
    body === "" ||
    (typeof body === "object" && !Array.isArray(body) && Object.keys(body).length === 0);
  if (!requestBody) {
    return empty ? [] : [`${label}: this endpoint takes no request body, got ${show(body)}`];
  }
  if (body === undefined || body === null || body === "") {
    return requestBody.required === true ? [`${label}: a request body is required`] : [];
  }
  const schema = jsonSchemaOf(requestBody.content);
  if (!schema) return []; // a non-JSON body (raw markdown, binary uploads) is not checked here
  const validate = validatorFor(`request ${op.method} ${op.template}`, schema);
  if (typeof validate === "string") return [`${label}: ${validate}`];
  const errors = validate(body) ? [] : formatErrors(validate.errors ?? [], body);
  errors.push(...unknownFields(schema, body, "body"));
  return [...new Set(errors)].slice(0, MAX_ERRORS).map((e) => `${label}: ${e}`);
}

/**
 * Validates a response body a test serves against the documented response for that status
 * (`default` when the status has no entry of its own). A status the endpoint never answers, or
 * a body for a status documented without one, is an error. Non-JSON bodies are not checked.
 */
export function validateResponse(
  method: string,
  url: string,
  status: number,
  body: unknown,
): string[] {
  const op = findOperation(method, url);
  if (typeof op === "string") return [op];
  const label = `${op.id} (${op.method} ${op.template}) ${status} response`;
  const responses = (op.spec.responses ?? {}) as Json;
  const response = deref(responses[String(status)] ?? responses.default);
  if (!response) {
    return [`${label}: not a documented status (documented: ${Object.keys(responses).join(", ")})`];
  }
  const schema = jsonSchemaOf(response.content);
  if (!schema) {
    const media = Object.keys((response.content as Json | undefined) ?? {});
    if (body === undefined || body === "" || typeof body === "string") return [];
    return media.length ? [] : [`${label}: documented without a body, got ${show(body)}`];
  }
  const validate = validatorFor(`response ${op.method} ${op.template} ${status}`, schema);
  if (typeof validate === "string") return [`${label}: ${validate}`];
  if (validate(body)) return [];
  return formatErrors(validate.errors ?? [], body)
    .slice(0, MAX_ERRORS)
    .map((e) => `${label}: ${e}`);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `/output/annotations/0/path` → `body.output.annotations[0].path`. */
function fieldName(pointer: string): string {
  const parts = pointer.split("/").slice(1);
  return parts.reduce((acc, p) => {
    const key = p.replace(/~1/g, "/").replace(/~0/g, "~");
    return /^\d+$/.test(key) ? `${acc}[${key}]` : `${acc}.${key}`;
  }, "body");
}

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const p of pointer.split("/").slice(1)) {
    v = (v as Json | undefined)?.[p.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return v;
}

function formatErrors(errors: readonly ErrorObject[], body: unknown): string[] {
  return errors.map((e) => {
    const field = fieldName(e.instancePath);
    const got = show(valueAt(body, e.instancePath));
    const params = e.params as Json;
    switch (e.keyword) {
      case "required":
        return `${fieldName(`${e.instancePath}/${params.missingProperty}`)} is required but missing`;
      case "enum":
        return `${field} is ${got}, not one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
      case "type":
        return `${field} must be of type ${[params.type].flat().join(" or ")}, got ${got}`;
      case "additionalProperties":
        return `${fieldName(`${e.instancePath}/${params.additionalProperty}`)} is not a documented field`;
      case "format":
        return `${field} must be a ${params.format} string, got ${got}`;
      default:
        return `${field} ${e.message ?? "is invalid"} (got ${got})`;
    }
  });
}

/**
 * Fields of a request body that its schema does not name. An object schema that names no
 * properties, or allows additional ones explicitly, accepts anything; `allOf`/`anyOf`/`oneOf`
 * branches pool their property names.
 */
function unknownFields(schema: Json | undefined, value: unknown, field: string): string[] {
  const s = resolveSchema(schema);
  if (!s || value === null || typeof value !== "object") return [];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => unknownFields(s.items as Json, v, `${field}[${i}]`));
  }
  const props: Record<string, Json> = {};
  let open = false;
  for (const b of [s, ...branchesOf(s)]) {
    if (b.additionalProperties !== undefined && b.additionalProperties !== false) open = true;
    Object.assign(props, (b.properties as Record<string, Json> | undefined) ?? {});
    const patterns = b.patternProperties as Json | undefined;
    if (patterns && Object.keys(patterns).length) open = true;
  }
  const known = Object.keys(props);
  if (!known.length) return [];
  return Object.entries(value as Json).flatMap(([k, v]) => {
    if (k in props) return unknownFields(props[k], v, `${field}.${k}`);
    return open ? [] : [`${field}.${k} is not a documented field (known: ${known.join(", ")})`];
  });
}

function branchesOf(s: Json): Json[] {
  return (["allOf", "anyOf", "oneOf"] as const).flatMap((k) =>
    ((s[k] as Json[] | undefined) ?? []).flatMap((b) => {
      const r = resolveSchema(b);
      return r ? [r, ...branchesOf(r)] : [];
    }),
  );
}

function resolveSchema(schema: Json | undefined): Json | undefined {
  return schema && typeof schema.$ref === "string" ? resolveSchema(deref(schema)) : schema;
}
