/**
 * The playground in a real headless Chromium (Debian's `chromium`, driven by playwright-core),
 * served by a real `sla serve` on a free port: the seed policy checks clean, the known ticket
 * T-1042's timeline shows its due instant, hovering its target marks the goal clause in the
 * editor, and a broken edit brings the checker's error marks. Screenshots are kept in
 * `test-artifacts/` (gitignored). Needs `npm run build` (the playground's bundle) and the browser
 * (`npm run setup:browser`); without either the test fails saying so, never skips.
 */
import { existsSync, mkdirSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Running, serve } from "../server/harness.js";

const CHROMIUM = process.env["SLA_CHROMIUM"] ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const ARTIFACTS = "test-artifacts";
/** Only a guard against a browser that never answers: the waits end as soon as the page is ready. */
const HANG = 240_000;

async function launch(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: HANG });
  } catch (e) {
    throw new Error(
      `cannot start Chromium at ${CHROMIUM} (${(e as Error).message.split("\n")[0]}); install Debian's chromium with \`npm run setup:browser\` (apt-get install -y chromium), or point SLA_CHROMIUM at a Chromium binary`,
    );
  }
}

describe("playground in headless Chromium", () => {
  let s: Running;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync("dist/playground/app.js")) throw new Error("the playground is not built: run `npm run build` first");
    s = await serve(["policies/imagicle.sla"], { playgroundDir: "dist/playground" });
    browser = await launch();
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
    await page.goto(`${s.base}/`);

    // The first seed policy and its first example ticket: imagicle, T-1042.
    await page.locator('#diagnostics[data-errors="0"]').waitFor();
    const due = page.locator('#timeline svg g.due[data-due="2026-03-30T10:20:00+02:00"]');
    await due.waitFor();
    expect(await due.locator("text").textContent()).toBe("due Mon 30 Mar 10:20");
    expect(await page.locator("#result tr.target td").allTextContents()).toEqual(["response", "2 business hours", "met", "2026-03-30T10:20:00+02:00"]);
    await page.screenshot({ path: `${ARTIFACTS}/playground-timeline.png`, fullPage: true });

    await page.locator("#result tr.target").hover();
    await page.locator(".cm-clause").waitFor();
    expect(await page.locator(".cm-clause").textContent()).toBe("    | P2       | 2 business days   | 2 business hours    | 2 business hours |");

    // A broken edit: a calendar in a zone that does not exist, at the end of the file.
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type('\ncalendar broken {\n  zone "Nowhere/Atlantis"\n  Mon-Fri 09:00-17:00\n}\n');
    await page.locator(".cm-lintRange-error").first().waitFor();
    await page.locator(".cm-lint-marker-error").first().waitFor();
    await page.locator('#diagnostics:not([data-errors="0"])').waitFor();
    expect(await page.locator("#diagnostics").textContent()).toMatch(/^[1-9]\d* errors?$/);
    await page.screenshot({ path: `${ARTIFACTS}/playground-broken-edit.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
