/**
 * The playground in a real headless Chromium (Debian's `chromium`, driven by playwright-core),
 * served by a real `sla serve` on a free port: the seed policy checks clean, the known ticket
 * T-1042's timeline shows its due instant, hovering its target marks the goal clause in the
 * editor, and a broken edit brings the checker's error marks. Screenshots are kept in
 * `test-artifacts/` (gitignored). Needs `npm run build` (the playground's bundle) and the browser
 * (`npm test` runs `scripts/setup-browser.sh` first); without either the test fails saying so,
 * never skips.
 *
 * Why the waits are on the server's answers: the page's state (error marks, the error count, the
 * timeline) follows from the `/v1/check` and `/v1/try` responses. Waiting for those responses and
 * asserting their content first means a wrong answer fails at once, naming what the server said,
 * instead of a selector waiting for a mark that will never come (it once waited four minutes for
 * a lint mark, then said only "timeout").
 */
import { existsSync, mkdirSync } from "node:fs";
import { type Browser, chromium, type Page, type Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, serve } from "../server/harness.js";
import type { Diagnostic, TryResult } from "../../playground/api.js";

const CHROMIUM = process.env["SLA_CHROMIUM"] ?? "/usr/bin/chromium";
const ARTIFACTS = "test-artifacts";
/** The broken edit: a calendar in a zone that does not exist, at the end of the file. */
const BROKEN = '\ncalendar broken {\n  zone "Nowhere/Atlantis"\n  Mon-Fri 09:00-17:00\n}\n';
/**
 * Only a guard against a page that hangs (each wait below ends when its condition holds, in a
 * few seconds even on a busy machine): Playwright's own default, 30 s, is near enough to trip
 * when the machine is loaded.
 */
const HANG = 120_000;

async function launch(): Promise<Browser> {
  try {
    // playwright-core already passes --headless, --no-sandbox and the quiet-start switches.
    return await chromium.launch({ executablePath: CHROMIUM, args: ["--disable-gpu"] });
  } catch (e) {
    throw new Error(
      `cannot start Chromium at ${CHROMIUM} (${(e as Error).message.split("\n")[0]}); run \`bash scripts/setup-browser.sh\` (as root it installs Debian's chromium with apt-get), or point SLA_CHROMIUM at a Chromium binary`,
    );
  }
}

/** The next answer of the server to `POST path` whose policy satisfies `test`. */
function answer(page: Page, path: "/v1/check" | "/v1/try", test: (policy: string) => boolean = () => true): Promise<Response> {
  return page.waitForResponse((r) => {
    if (new URL(r.url()).pathname !== path) return false;
    const body = r.request().postDataJSON() as { policy?: string } | null;
    return typeof body?.policy === "string" && test(body.policy);
  });
}

async function json<T>(r: Response): Promise<T> {
  expect(r.status(), `${r.url()} answered ${r.status()}: ${await r.text()}`).toBe(200);
  return (await r.json()) as T;
}

describe("playground in headless Chromium", () => {
  let s: Running;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync("dist/playground/app.js")) throw new Error("the playground is not built: run `npm run build` first");
    // Server and browser start side by side: both take a while on a busy machine.
    [s, browser] = await Promise.all([serve(["policies/imagicle.sla"], { playgroundDir: "dist/playground" }), launch()]);
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it("shows T-1042's timeline with its due, the goal clause on hover, and errors for a broken edit", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(HANG);
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    // A crashed page answers nothing more: fail now rather than wait for the hang guard.
    const crashed = new Promise<never>((_, reject) => page.on("crash", () => reject(new Error("the playground's page crashed"))));
    const orCrash = <T>(p: Promise<T>): Promise<T> => Promise.race([p, crashed]);

    // The first seed policy and its first example ticket: imagicle, T-1042.
    const firstCheck = answer(page, "/v1/check");
    const firstTry = answer(page, "/v1/try");
    await page.goto(`${s.base}/`);
    const checked = await json<{ diagnostics: Diagnostic[] }>(await orCrash(firstCheck));
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const tried = await json<TryResult>(await orCrash(firstTry));
    expect(tried.result?.id).toBe("T-1042");
    expect(tried.result?.targets.find((t) => t.name === "response")?.due).toBe("2026-03-30T10:20:00+02:00");

    // The page shows what the server said.
    await orCrash(page.locator('#diagnostics[data-errors="0"]').waitFor());
    const due = page.locator('#timeline svg g.due[data-due="2026-03-30T10:20:00+02:00"]');
    await orCrash(due.waitFor());
    expect(await due.locator("text").textContent()).toBe("due Mon 30 Mar 10:20");
    expect(await page.locator("#result tr.target td").allTextContents()).toEqual(["response", "2 business hours", "met", "2026-03-30T10:20:00+02:00"]);
    await page.screenshot({ path: `${ARTIFACTS}/playground-timeline.png`, fullPage: true });

    await page.locator("#result tr.target").hover();
    await orCrash(page.locator(".cm-clause").waitFor());
    expect(await page.locator(".cm-clause").textContent()).toBe("    | P2       | 2 business days   | 2 business hours    | 2 business hours |");

    // The broken edit, inserted as one input event: one change of the document, so one check of
    // exactly that text (typed key by key, a pause on a busy machine could check half of it, and
    // the editor's auto-indent would change what was typed).
    const brokenCheck = answer(page, "/v1/check", (policy) => policy.endsWith(BROKEN));
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText(BROKEN);
    const broken = await json<{ diagnostics: Diagnostic[] }>(await orCrash(brokenCheck));
    const errors = broken.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.message])).toEqual([["SLA201", "invalid time zone `Nowhere/Atlantis`"]]);

    await orCrash(page.locator(".cm-lintRange-error").first().waitFor());
    await orCrash(page.locator(".cm-lint-marker-error").first().waitFor());
    expect(await page.locator(".cm-lintRange-error").allTextContents()).toEqual(['"Nowhere/Atlantis"']);
    await orCrash(page.locator('#diagnostics[data-errors="1"]').waitFor());
    expect(await page.locator("#diagnostics").textContent()).toBe("1 error");
    await page.screenshot({ path: `${ARTIFACTS}/playground-broken-edit.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
