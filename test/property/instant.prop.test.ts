/**
 * Writing instants (issue 9.11, docs/time-rules.md "Writing instants"): over every IANA zone Intl
 * knows and the whole supported range 1900–2199, what `formatInstant` writes reads back as the
 * same instant, and it says what Intl says: the zone's local time with its offset, or UTC (`Z`)
 * where the offset is not a whole number of minutes. The oracle is Intl's own reading of the
 * local time (to the second), not luxon, which truncates such offsets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "../../runtime/instant.js";
import { propertyRuns } from "./budget.js";

const ZONES = Intl.supportedValuesOf("timeZone");
const FROM = Date.UTC(1900, 0, 1);
const TO = Date.UTC(2200, 0, 1) - 1;

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl's offset of `zone` at `t`, in ms, read from its local wall clock to the second. */
function intlOffset(zone: string, t: number): number {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(t)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p["year"]!, p["month"]! - 1, p["day"]!, p["hour"]!, p["minute"]!, p["second"]!);
  return wall - Math.floor(t / 1000) * 1000;
}

/** What an exact writer writes: `YYYY-MM-DDTHH:MM:SS[.mmm]` of `t + offset`, then the suffix. */
function expected(zone: string, t: number): string {
  const offset = intlOffset(zone, t);
  const whole = offset % 60_000 === 0;
  const local = new Date(t + (whole ? offset : 0)).toISOString();
  const text = local.endsWith(".000Z") ? local.slice(0, 19) : local.slice(0, 23);
  // luxon's universal zones (`UTC`, `GMT`) write Z; IANA zones such as Etc/UTC write +00:00.
  if (!whole || (offset === 0 && /^(utc|gmt)$/i.test(zone))) return `${text}Z`;
  const abs = Math.abs(offset) / 60_000;
  return `${text}${offset < 0 ? "-" : "+"}${String(Math.trunc(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

describe("formatInstant over every zone and 1900–2199", () => {
  it("reads back as the same instant and writes Intl's local time and offset, or UTC", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), fc.boolean(), (zone, t, whole) => {
        const ms = whole ? t - (t % 1000) : t;
        const text = formatInstant(ms, zone);
        expect(parseInstant(text)).toBe(ms);
        expect(text).toBe(expected(zone, ms));
      }),
    );
  });

  it("is exact on both sides of each transition of a zone-year", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 1900, max: 2199 }), (zone, year) => {
        // Transitions found by stepping Intl a day at a time and bisecting, independently of the
        // runtime's tables; each is checked at its first millisecond and the one before.
        let at = Date.UTC(year, 0, 1);
        const end = Date.UTC(year + 1, 0, 1);
        for (let prev = intlOffset(zone, at); at < end; at += 86_400_000) {
          const next = intlOffset(zone, at + 86_400_000);
          if (next === prev) continue;
          let lo = at / 1000;
          let hi = (at + 86_400_000) / 1000;
          while (hi - lo > 1) {
            const mid = Math.floor((lo + hi) / 2);
            if (intlOffset(zone, mid * 1000) === prev) lo = mid;
            else hi = mid;
          }
          for (const ms of [hi * 1000 - 1, hi * 1000]) {
            expect(formatInstant(ms, zone)).toBe(expected(zone, ms));
            expect(parseInstant(formatInstant(ms, zone))).toBe(ms);
          }
          prev = next;
        }
      }),
      { numRuns: 20 },
    );
  });

  it("writes sub-minute local mean times in UTC", () => {
    // Africa/Monrovia kept −00:44:30 until 7 January 1972.
    expect(formatInstant(Date.UTC(1950, 5, 1, 12), "Africa/Monrovia")).toBe("1950-06-01T12:00:00Z");
    expect(formatInstant(Date.UTC(1972, 0, 7, 0, 44, 29, 999), "Africa/Monrovia")).toBe("1972-01-07T00:44:29.999Z");
    expect(formatInstant(Date.UTC(1972, 0, 7, 0, 44, 30), "Africa/Monrovia")).toBe("1972-01-07T00:44:30+00:00");
    expect(formatInstant(Date.UTC(1975, 5, 1, 12), "Africa/Monrovia")).toBe("1975-06-01T12:00:00+00:00");
    // America/St_Johns: −03:30:52 until 1935, −03:30 after.
    expect(formatInstant(Date.UTC(1935, 2, 30, 3, 30, 51, 999), "America/St_Johns")).toBe("1935-03-30T03:30:51.999Z");
    expect(formatInstant(Date.UTC(1935, 2, 30, 3, 30, 52), "America/St_Johns")).toBe("1935-03-30T00:00:52-03:30");
  });
});

/**
 * The reading of an instant's text, written plainly: a regular expression, then range checks, then
 * Date.UTC (years 0–99 moved back from 19xx). The hand-written parser must agree with it on
 * every text, accepted or refused.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;
function referenceInstant(text: string): number | null {
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const milli = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  const oh = m[9] === undefined ? 0 : Number(m[9]);
  const om = m[10] === undefined ? 0 : Number(m[10]);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || oh > 23 || om > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (day < 1 || date.getUTCMonth() !== month - 1) return null; // 2026-02-30 rolls into March
  date.setUTCHours(hour, minute, second, milli);
  const offset = (m[8]!.startsWith("-") ? -1 : 1) * (oh * 60 + om);
  return date.getTime() - offset * 60_000;
}

describe("parseInstant", () => {
  it("agrees with a plain regular-expression reading on instants and on near misses", () => {
    const valid = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.option(fc.stringMatching(/^\d{1,11}$/)))),
        fc.constantFrom("Z", "z", "+", "-", ""),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
      )
      .map(([y, mo, d, h, mi, sec, sign, oh, om]) => {
        const two = (n: number) => String(n).padStart(2, "0");
        const secs = sec === null ? "" : `:${two(sec[0])}${sec[1] === null ? "" : `.${sec[1]}`}`;
        const zone = sign === "+" || sign === "-" ? `${sign}${two(oh)}:${two(om)}` : sign;
        return `${String(y).padStart(4, "0")}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}${secs}${zone}`;
      });
    // Near misses: a character replaced, dropped or added anywhere.
    const mutated = fc.tuple(valid, fc.nat(), fc.constantFrom("", "0", "9", ":", "-", "T", ".", "Z", "+", " ", "a", "٣")).map(([text, at, c]) => {
      const i = at % (text.length + 1);
      return at % 3 === 0 ? text.slice(0, i) + c + text.slice(i + 1) : at % 3 === 1 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + c + text.slice(i);
    });
    fc.assert(
      fc.property(fc.oneof(valid, mutated), (text) => {
        expect(parseInstant(text), text).toBe(referenceInstant(text));
      }),
      { numRuns: propertyRuns(10) },
    );
  });
});
