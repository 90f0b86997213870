/**
 * Policies reload when their files change; a broken edit keeps the last good version serving
 * and shows its diagnostics in `GET /v1/policies`; fixing the file serves the new version.
 * Waits on the registry's reload event, never on a clock.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, type Running, serve } from "./harness.js";

interface Listed {
  id: string;
  status: string;
  serving: boolean;
  hash: string;
  diagnostics: Array<{ code: string; severity: string; start: { line: number } }>;
}

const ticket = readFileSync("examples/tickets/imagicle.ndjson", "utf8").split("\n")[0]!;
const original = readFileSync("policies/imagicle.sla", "utf8");

describe("policy reload", () => {
  let s: Running;
  beforeAll(async () => {
    s = await serve(["policies/imagicle.sla"]);
  });
  afterAll(async () => s.close());

  /** Write the file and wait until the registry has read the folder with it. */
  const edit = async (text: string | null): Promise<void> => {
    const reloaded = new Promise<void>((resolve) => s.server.registry.onReload(resolve));
    const file = join(s.dir, "imagicle.sla");
    if (text === null) rmSync(file);
    else writeFileSync(file, text);
    await reloaded;
  };
  const listed = async (): Promise<Listed[]> => ((await (await fetch(`${s.base}/v1/policies`)).json()) as { policies: Listed[] }).policies;
  const due = async (): Promise<string> => (JSON.parse((await post(`${s.base}/v1/policies/imagicle/evaluate`, ticket)).text) as { targets: Array<{ due: string }> }).targets[0]!.due;

  it("keeps the last good version serving through a broken edit, then serves the fix", async () => {
    const [before] = await listed();
    expect(await due()).toBe("2026-03-30T10:20:00+02:00");

    // Line 105 of the seed is the P2 row of the response goals; `hours` misspelled breaks it.
    await edit(original.replace("| P2       | 2 business days   | 2 business hours    |", "| P2       | 2 business days   | 2 business horus    |"));
    const [broken] = await listed();
    expect(broken).toMatchObject({ id: "imagicle", status: "errors", serving: true, hash: before!.hash });
    expect(broken!.diagnostics.filter((d) => d.severity === "error").length).toBeGreaterThan(0);
    expect(broken!.diagnostics[0]!.start.line).toBe(original.split("\n").findIndex((l) => l.includes("| P2       | 2 business days")) + 1);
    expect(await due()).toBe("2026-03-30T10:20:00+02:00"); // the last good version still answers

    // Gold P2 becomes 3 business hours: the same ticket is now due an hour later.
    await edit(original.replace("| P2       | 2 business days   | 2 business hours    |", "| P2       | 2 business days   | 3 business hours    |"));
    const [fixed] = await listed();
    expect(fixed).toMatchObject({ id: "imagicle", status: "ok", serving: true, diagnostics: [] });
    expect(fixed!.hash).not.toBe(before!.hash);
    expect(await due()).toBe("2026-03-30T11:20:00+02:00");
  });

  it("drops a deleted policy", async () => {
    await edit(null);
    expect(await listed()).toEqual([]);
    expect((await post(`${s.base}/v1/policies/imagicle/evaluate`, ticket)).status).toBe(404);
  });
});
