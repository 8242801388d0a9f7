import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payload } from "../helpers/payloads.js";
import { type Recorded, startFakeGitHub } from "./fake-github.js";

const SECRET = "e2e-secret";
const root = new URL("../../", import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const files = [
  { filename: "src/a.ts", status: "modified", additions: 700, deletions: 20, changes: 720 },
];

function answer(req: Recorded) {
  const { method, path } = req;
  if (method === "POST" && /^\/app\/installations\/2\/access_tokens$/.test(path))
    return { status: 201, body: { token: "ghs_e2e", expires_at: "2099-01-01T00:00:00Z" } };
  if (method === "GET" && path.endsWith("/pulls/2/files")) return { status: 200, body: files };
  if (method === "GET" && path.includes("/check-runs"))
    return { status: 200, body: { total_count: 0, check_runs: [] } };
  if (method === "POST" && path.endsWith("/check-runs"))
    return { status: 201, body: { id: 77, name: "guardrails" } };
  if (method === "GET" && path.endsWith("/issues/2/comments")) return { status: 200, body: [] };
  if (method === "POST" && path.endsWith("/issues/2/comments"))
    return { status: 201, body: { id: 5, body: "" } };
  if (method === "POST" && path.endsWith("/issues/2/labels")) return { status: 200, body: [] };
  return undefined;
}

describe("the real server process against a fake GitHub", () => {
  let app: ChildProcess;
  let port: number;
  let github: Awaited<ReturnType<typeof startFakeGitHub>>;
  let logs = "";

  beforeAll(async () => {
    github = await startFakeGitHub(answer);
    port = await freePort();
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    // `npm start` runs exactly this: probot run ./lib/index.js
    app = spawn(process.execPath, ["node_modules/probot/bin/probot.js", "run", "./lib/index.js"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: SECRET,
        GHE_HOST: github.host,
        GHE_PROTOCOL: "http",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
      },
    });
    app.stdout?.on("data", (d) => {
      logs += d;
    });
    app.stderr?.on("data", (d) => {
      logs += d;
    });
    for (let i = 0; i < 100; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/ping`);
        if (res.ok) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server did not start:\n${logs}`);
  }, 30_000);

  afterAll(async () => {
    app?.kill();
    await github?.close();
  });

  const send = (body: string, signature: string) =>
    fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "pull_request",
        "x-github-delivery": `e2e-${Math.random()}`,
        "x-hub-signature-256": signature,
      },
      body,
    });

  it("rejects a forged webhook without calling GitHub", async () => {
    const body = JSON.stringify(payload("pull_request", "opened"));
    const res = await send(body, `sha256=${"0".repeat(64)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(github.requests).toEqual([]);
  });

  it("evaluates an opened PR and posts one failing guardrails check", async () => {
    const body = JSON.stringify(payload("pull_request", "opened"));
    const sig = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    const res = await send(body, sig);
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && !github.requests.some((r) => r.path.endsWith("/labels")); i++)
      await new Promise((r) => setTimeout(r, 50));
    const created = github.requests.filter(
      (r) => r.method === "POST" && r.path.endsWith("/check-runs"),
    );
    expect(created, logs).toHaveLength(1);
    expect(created[0]?.body).toMatchObject({
      name: "guardrails",
      head_sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821",
      status: "completed",
      conclusion: "failure",
    });
    expect(github.requests.find((r) => r.path.endsWith("/labels"))?.body).toEqual({
      labels: ["size/L"],
    });
  });
});
