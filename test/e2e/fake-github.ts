import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

type Handler = (req: Recorded) => { status: number; body?: unknown } | undefined;

/**
 * A fake GitHub REST API on 127.0.0.1 for end-to-end tests of the real server process: it
 * answers under `/api/v3` (as GitHub Enterprise Server does) and records every request.
 */
export async function startFakeGitHub(handler: Handler) {
  const requests: Recorded[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const rec = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v3/, "")),
      body,
    };
    requests.push(rec);
    const answer = handler(rec) ?? { status: 404, body: { message: "Not Found" } };
    res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8" });
    res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
