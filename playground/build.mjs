/**
 * The playground's static files, built by `npm run build` (scripts/build.mjs calls this) into
 * `dist/playground/`: `app.js` (esbuild bundle of main.ts with CodeMirror, so nothing is loaded
 * from a CDN at run time), `index.html`, `style.css`, and `examples.json` (each seed policy's
 * text with its example tickets).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

/** Tickets per policy in the examples (enough to pick from, small enough to ship). */
const TICKETS = 30;

/** Build into `<root>dist/playground`. */
export async function buildPlayground(root) {
  const out = join(root, "dist", "playground");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ["playground/main.ts"],
    outfile: join(out, "app.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
  for (const f of ["index.html", "style.css"]) copyFileSync(join(root, "playground", f), join(out, f));
  const policies = {};
  for (const name of readdirSync(join(root, "policies")).filter((n) => n.endsWith(".sla")).sort()) {
    const id = name.slice(0, -4);
    const ticketsFile = join(root, "examples", "tickets", `${id}.ndjson`);
    const tickets = existsSync(ticketsFile)
      ? readFileSync(ticketsFile, "utf8").split("\n").filter((l) => l.trim() !== "").slice(0, TICKETS).map((l) => JSON.parse(l))
      : [];
    policies[id] = { text: readFileSync(join(root, "policies", name), "utf8"), tickets };
  }
  writeFileSync(join(out, "examples.json"), JSON.stringify({ policies }));
}
