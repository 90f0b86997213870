/**
 * The rest of IR 12 compared by meaning: a credits table graded by the time a breach took
 * (`| after | credit |`), plans needing no claim (`no claim for enterprise`), the credit on the
 * next invoice, and targets whose goals are all elapsed time (no calendar counts for them).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { countsOnCalendar, ticketCalendarCounted } from "../../diff/calendar-use.js";
import { type Grade, gradedEffect } from "../../diff/credit-graded.js";
import { horizonFrom } from "../../diff/horizon.js";
import { diffPolicies } from "../../diff/semantic.js";
import { parseInstant } from "../../runtime/instant.js";
import type { CalendarIR, CreditsIR, PolicyIR } from "../../runtime/ir.js";
import { AT, irOf } from "./helpers.js";

const H = horizonFrom(parseInstant(AT)!);
const changesOf = (a: PolicyIR, b: PolicyIR) => diffPolicies(a, b, H, { oldFile: "a", newFile: "b" }).changes.map((c) => [c.kind, c.subject, c.summary, c.effect]);
const MINUTE = 60_000;
const table = (...rows: Array<[number, number]>): Grade => rows.map(([minutes, percent]) => ({ afterMs: minutes * MINUTE, percent }));
const edit = (p: PolicyIR, f: (q: PolicyIR) => void) => {
  const q = structuredClone(p);
  f(q);
  return q;
};

describe("a table graded by time taken, at every time", () => {
  const blueArctic = table([45, 5], [60, 10], [120, 25], [240, 50], [360, 100]);

  it("more at some time and never less is stricter; the reverse looser; both mixed", () => {
    expect(gradedEffect(blueArctic, table([45, 5], [60, 15], [120, 25], [240, 50], [360, 100]))).toBe("stricter");
    expect(gradedEffect(blueArctic, table([45, 5], [60, 10], [120, 25], [240, 50]))).toBe("looser");
    expect(gradedEffect(blueArctic, table([45, 10], [60, 10], [120, 20], [240, 50], [360, 100]))).toBe("mixed");
    expect(gradedEffect(blueArctic, blueArctic)).toBe("neutral");
  });

  it("exact at a row's time and just past it: a row moved by one millisecond is seen", () => {
    const later: Grade = blueArctic.map((r, i) => (i === 1 ? { ...r, afterMs: r.afterMs + 1 } : r));
    // At exactly 60 minutes + 1 ms the old table gives 10 %, the new one still 5 %.
    expect(gradedEffect(blueArctic, later)).toBe("looser");
    expect(gradedEffect(later, blueArctic)).toBe("stricter");
  });

  it("against a priority row (the same whatever the time), and against no credit", () => {
    const row: Grade = [{ afterMs: -1, percent: 10 }];
    // A quick breach earned 10 % and now nothing; a slow one earns up to 100 %.
    expect(gradedEffect(row, blueArctic)).toBe("mixed");
    expect(gradedEffect([{ afterMs: -1, percent: 5 }], [{ afterMs: -1, percent: 5 }, ...table([60, 10], [120, 25])])).toBe("stricter");
    expect(gradedEffect([], blueArctic)).toBe("stricter");
    expect(gradedEffect(blueArctic, [])).toBe("looser");
  });

  const ba = irOf("examples/agreements/blue-arctic.sla");
  it("in the report: one change of the credit, citing the first row that differs", () => {
    const next = edit(ba, (p) => (p.credits!.afterBands![2]!.creditPercent = "20"));
    const r = diffPolicies(ba, next, H, { oldFile: "a", newFile: "b" });
    expect(r.changes.map((c) => [c.kind, c.subject, c.effect, c.old?.line, c.new?.line])).toEqual([["credits", "credit · hosting", "looser", 71, 71]]);
    expect(r.changes[0]!.summary).toBe(
      "credit by the time taken: after 45 minutes 5%, after 1 hour 10%, after 2 hours 25%, after 4 hours 50%, after 6 hours 100% → by the time taken: after 45 minutes 5%, after 1 hour 10%, after 2 hours 20%, after 4 hours 50%, after 6 hours 100%",
    );
  });

  it("a priority table replaced by a graded one: per plan, the row against the table", () => {
    const rows = edit(ba, (p) => {
      delete p.credits!.afterBands;
      p.credits!.rows = [{ priority: null, creditPercent: "10", origin: p.credits!.origin }];
    });
    expect(changesOf(rows, ba)).toEqual([
      ["credits", "credit · hosting", "credit 10% → by the time taken: after 45 minutes 5%, after 1 hour 10%, after 2 hours 25%, after 4 hours 50%, after 6 hours 100%", "mixed"],
    ]);
  });
});

describe("plans needing no claim, and the credit on the next invoice", () => {
  const journalify = irOf("examples/agreements/journalify.sla");
  const credits = (f: (c: CreditsIR) => void) => edit(journalify, (p) => f(p.credits!));

  it("a plan added needs no claim where one was asked: stricter; dropped looser; swapped mixed", () => {
    expect(changesOf(journalify, credits((c) => (c.noClaimPlans = ["enterprise", "professional"])))).toEqual([
      ["credits", "credits", "plans needing no claim: enterprise → enterprise, professional", "stricter"],
    ]);
    expect(changesOf(journalify, credits((c) => delete c.noClaimPlans))).toEqual([["credits", "credits", "plans needing no claim: enterprise → none", "looser"]]);
    expect(changesOf(journalify, credits((c) => (c.noClaimPlans = ["professional"])))).toEqual([["credits", "credits", "plans needing no claim: enterprise → professional", "mixed"]]);
  });

  it("where neither version asks for a claim, waiving it changes nothing owed: neutral", () => {
    const unclaimed = credits((c) => delete c.claimDaysAfter);
    const waived = edit(unclaimed, (p) => (p.credits!.noClaimPlans = ["enterprise", "professional"]));
    expect(changesOf(unclaimed, waived)).toEqual([["credits", "credits", "plans needing no claim: enterprise → enterprise, professional", "neutral"]]);
  });

  it("the next invoice named or no longer: neutral either way (the same credit for the same periods)", () => {
    const unnamed = credits((c) => delete c.onNextInvoice);
    expect(changesOf(unnamed, journalify)).toEqual([["credits", "credits", "credit deducted from: an invoice the policy does not name → the next period's invoice", "neutral"]]);
    expect(changesOf(journalify, unnamed)).toEqual([["credits", "credits", "credit deducted from: the next period's invoice → an invoice the policy does not name", "neutral"]]);
  });
});

describe("a calendar no goal counts on", () => {
  const jamaText = readFileSync("examples/agreements/jama-software.sla", "utf8");
  const jama = irOf("examples/agreements/jama-software.sla", jamaText);
  const office = 'calendar office "Office" {\n  zone "Europe/Berlin"\n  Mon-Fri 09:00-17:00\n}\n\n';
  /** Jama with an office-hours calendar declared (so the default) and, when `own`, named by its target. */
  const withOffice = (own: boolean, goal = "1 hour ") =>
    irOf(
      "jama.sla",
      jamaText
        .replace("target response", `${office}target response`)
        .replace("  start on open\n", own ? "  calendar office\n  start on open\n" : "  start on open\n")
        .replace("| Sev1     | 1 hour  |", `| Sev1     | ${goal} |`),
    );

  it("the predicates: an elapsed-only target counts on none, a business goal on its calendar", () => {
    expect(countsOnCalendar(jama.targets[0])).toBe(false);
    expect(ticketCalendarCounted(jama)).toBe(false);
    const business = withOffice(false, "8 business hours");
    expect(countsOnCalendar(business.targets[0])).toBe(true);
    expect(ticketCalendarCounted(business)).toBe(true);
  });

  it("added to or removed from an elapsed-only target, or as the default: no change in meaning", () => {
    for (const own of [false, true]) {
      expect(changesOf(jama, withOffice(own)), `own ${own}`).toEqual([]);
      expect(changesOf(withOffice(own), jama), `own ${own}`).toEqual([]);
    }
    // Jama's own edit (06f54c0): the 24x7 calendar it declared only for the checker, dropped.
    const aroundTheClock = 'calendar around_the_clock "Every hour" {\n  zone "America/Los_Angeles"\n  24x7\n}\n\n';
    expect(changesOf(irOf("jama.sla", jamaText.replace("target response", `${aroundTheClock}target response`)), jama)).toEqual([]);
  });

  it("once a goal counts on it, the office hours are compared like any calendar", () => {
    const business = (own: boolean) => withOffice(own, "8 business hours");
    const extended = 'calendar extended "Extended hours" {\n  zone "Europe/Berlin"\n  Mon-Fri 07:00-21:00\n}\n\n';
    const onExtended = irOf("jama.sla", jamaText.replace("| Sev1     | 1 hour  |", "| Sev1     | 8 business hours |").replace("target response", `${extended}target response`));
    const changes = changesOf(onExtended, business(true));
    expect(changes.map(([kind, , , effect]) => [kind, effect])).toEqual([["calendar", "looser"]]);
  });

  it("the billing zone a default calendar gives, when neither the fees nor the credits name one: neutral", () => {
    const credited = (zone: string) =>
      irOf("z.sla", `policy z\npriority P1 "Down"\ncalendar c "24x7" {\n  zone "${zone}"\n  24x7\n}\ntarget response {\n  stop on resolve\n  goals {\n    | priority | goal |\n    | P1 | 1 hour |\n  }\n}\ncredits {\n  {\n    | priority | credit |\n    | P1 | 10% |\n  }\n}\n`);
    expect(changesOf(credited("Europe/Berlin"), credited("America/New_York"))).toEqual([["credits", "billing zone", "billing zone, from the calendar: Europe/Berlin → America/New_York", "neutral"]]);
  });
});

describe("no edit of IR 12's credits or an elapsed-only target's calendar falls back to `other`", () => {
  const ba = irOf("examples/agreements/blue-arctic.sla");
  const journalify = irOf("examples/agreements/journalify.sla");
  const jama = irOf("examples/agreements/jama-software.sla");
  /** Each field moved: every row's time and credit, a row dropped or added, the plans needing no claim, the next invoice. */
  const edits: Array<[string, PolicyIR, PolicyIR]> = [];
  ba.credits!.afterBands!.forEach((b, i) => {
    const row = (p: PolicyIR) => p.credits!.afterBands![i]!;
    edits.push([`row ${i} time`, ba, edit(ba, (p) => (row(p).afterMs += MINUTE))]);
    edits.push([`row ${i} credit`, ba, edit(ba, (p) => (row(p).creditPercent = String(Number(b.creditPercent) - 1)))]);
    edits.push([`row ${i} dropped`, ba, edit(ba, (p) => p.credits!.afterBands!.splice(i, 1))]);
  });
  edits.push(["row added", ba, edit(ba, (p) => p.credits!.afterBands!.unshift({ afterMs: 30 * MINUTE, creditPercent: "1", origin: p.credits!.origin }))]);
  edits.push(["table for rows", ba, edit(ba, (p) => { delete p.credits!.afterBands; p.credits!.rows = [{ priority: null, creditPercent: "5", origin: p.credits!.origin }]; })]);
  edits.push(["no claim for hosting (none asked)", ba, edit(ba, (p) => (p.credits!.noClaimPlans = ["hosting"]))]);
  for (const [name, p] of [["blue arctic", ba], ["journalify", journalify]] as const) {
    edits.push([`${name}: next invoice dropped`, p, edit(p, (q) => delete q.credits!.onNextInvoice)]);
  }
  edits.push(["no claim dropped", journalify, edit(journalify, (p) => delete p.credits!.noClaimPlans)]);
  edits.push(["no claim for professional too", journalify, edit(journalify, (p) => p.credits!.noClaimPlans!.push("professional"))]);
  edits.push(["no claim moved", journalify, edit(journalify, (p) => (p.credits!.noClaimPlans = ["professional"]))]);
  // Jama's elapsed-only target: a goal that comes to count on a calendar is a change of the goal.
  edits.push(["jama business goal", jama, edit(jama, (p) => (p.targets[0]!.goals[0]!.goal = { kind: "business", ms: 3_600_000, text: "1 business hour" }))]);

  it("each is a change of its construct with a direction, neutral or mixed", () => {
    expect(edits.length).toBeGreaterThanOrEqual(20);
    for (const [what, base, next] of edits) {
      const changes = changesOf(base, next);
      expect(changes.length, what).toBeGreaterThan(0);
      expect(changes.filter(([kind, , , effect]) => kind === "other" || effect === "unknown"), what).toEqual([]);
    }
  });

  it("a calendar given to or taken from Jama's elapsed-only target, or renamed there, is no change", () => {
    const day = [{ from: 540, to: 1020 }];
    const cal: CalendarIR = { name: "office", kind: "hours", zone: "Europe/Berlin", week: [day, day, day, day, day, [], []], holidays: [], closures: [], openings: [], origin: jama.targets[0]!.origin };
    const own = edit(jama, (p) => { p.calendars.push(cal); p.targets[0]!.calendar = "office"; });
    const asDefault = edit(jama, (p) => { p.calendars.push(cal); p.defaultCalendar = "office"; });
    for (const [what, next] of [["own", own], ["default", asDefault]] as const) {
      expect(changesOf(jama, next), what).toEqual([]);
      expect(changesOf(next, jama), what).toEqual([]);
    }
  });
});
