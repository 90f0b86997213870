/**
 * `sla serve` from the bundled CLI (`dist/cli/main.js`, built by `npm run build`): it binds to
 * 127.0.0.1, and SIGTERM lets a request in flight finish before the process exits 0. The request
 * is an NDJSON batch still being uploaded when the signal arrives: its first result has come
 * back, its second line is sent after the signal, and both results arrive.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServe } from "../../bench/serve.bench.js";

const ticket = readFileSync("examples/tickets/imagicle.ndjson", "utf8").split("\n")[0]!;

describe("sla serve: graceful shutdown", () => {
  const dir = mkdtempSync(join(tmpdir(), "sla-serve-"));
  cpSync("policies/imagicle.sla", join(dir, "imagicle.sla"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("binds to 127.0.0.1 and drains a request in flight on SIGTERM, then exits 0", async () => {
    const { child, base, stderr } = await startServe(dir);
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const exited = once(child, "exit") as Promise<[number | null, string | null]>;

    const req = request(`${base}/v1/policies/imagicle/evaluate`, { method: "POST", headers: { "content-type": "application/x-ndjson" } });
    req.write(`${ticket}\n`);
    const [res] = (await once(req, "response")) as [import("node:http").IncomingMessage];
    let body = "";
    const firstLine = new Promise<void>((resolve) =>
      res.on("data", (d: Buffer) => {
        body += d.toString();
        if (body.includes("\n")) resolve();
      }),
    );
    const ended = once(res, "end");
    await firstLine; // the request is in flight: one result back, the upload still open

    child.kill("SIGTERM");
    req.end(`${ticket.replace('"T-1042"', '"T-1043"')}\n`);
    await ended;
    const ids = body.trimEnd().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(["T-1042", "T-1043"]);
    const [code, signal] = await exited;
    expect({ code, signal, stderr: stderr().replace(/sla serve: .*\n/, "") }).toEqual({ code: 0, signal: null, stderr: "" });
  });

  it("refuses a folder that does not exist, with exit code 1", async () => {
    const child = spawn(process.execPath, ["dist/cli/main.js", "serve", join(dir, "missing")], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(1);
    expect(err).toBe(`sla: cannot serve \`${join(dir, "missing")}\`: not a directory\n`);
  });
});
