/**
 * The whole sweep behind runtime/holidays.ts reading date-holidays without a time zone: every
 * country (1995–2045, or FROM/TO/STEP) and with STATES=1 every state, entries compared with and
 * without the package's default zone. Run it when date-holidays is upgraded:
 *   TZ=Europe/Berlin node scripts/check-holiday-zones.mjs
 *   STATES=1 STEP=7 TZ=America/Sao_Paulo node scripts/check-holiday-zones.mjs
 * Last run (date-holidays 3.37.0, 2026-11-29): 207 countries × 51 years and 571 specs × 8 years, none differ.
 */
import Holidays from "date-holidays";
const DAY = 86400000;
const probe = new Holidays();
const countries = Object.keys(probe.getCountries());
const specs = [];
for (const c of countries) { specs.push([c]); if (process.env.STATES) for (const s of Object.keys(probe.getStates(c) ?? {})) specs.push([c, s]); }
const years = []; for (let y = Number(process.env.FROM ?? 1995); y <= Number(process.env.TO ?? 2045); y += Number(process.env.STEP ?? 1)) years.push(y);
const reduce = (hs) => hs.filter((h) => h.type === "public").map((h) => `${h.date.slice(0, 10)}x${Math.max(1, Math.round((h.end - h.start) / DAY))}`).join(",");
let bad = 0, n = 0, tA = 0, tB = 0;
for (const spec of specs) {
  const a = new Holidays(...spec); const b = new Holidays(...spec); b.setTimezone(undefined);
  for (const y of years) {
    let t = performance.now(); const ra = reduce(a.getHolidays(y)); tA += performance.now() - t;
    t = performance.now(); const rb = reduce(b.getHolidays(y)); tB += performance.now() - t;
    n++;
    if (ra !== rb) { bad++; if (bad < 20) console.log("DIFF", spec.join("/"), y, "\n  ", ra, "\n  ", rb); }
  }
}
console.log(`${specs.length} specs, ${n} spec-years, ${bad} differ; with zone ${tA.toFixed(0)} ms, without ${tB.toFixed(0)} ms`);
process.exitCode = bad > 0 ? 1 : 0;
