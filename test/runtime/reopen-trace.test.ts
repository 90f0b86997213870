/**
 * What `--explain` shows of a reopened clock (`reopen within`, Jama's response objective): the
 * trace lists each reopening (the stop it undid, the `resolve` its window counts from, the
 * `reopen`) and its segments resume at the reopening; a `reopen` past the window lists nothing.
 * The result without the trace is the same with and without `--explain`. Values hand-computed
 * from JAMA-6/7/8 (Premium Sev2, 2 elapsed hours, results in UTC; Jama's zone is -07:00).
 */
import { describe, expect, it } from "vitest";
import { evaluateTicket } from "../../runtime/evaluate.js";
import { parseTicket, type TicketResult } from "../../runtime/io.js";
import { compiledPolicy } from "./repo-policy.js";

const jama = compiledPolicy("examples/agreements/jama-software.sla");

/** Opened 09:00, answered 10:00 (1 of its 2 hours), solved 12:00 on Mon 6 Apr 2026, then `events`. */
function evaluate(events: ReadonlyArray<{ type: string; at: string }>, asOf: string, explain: boolean): TicketResult {
  const json = {
    id: "J",
    priority: "Sev2",
    plan: "premium",
    attributes: { environment: "production" },
    openedAt: "2026-04-06T09:00:00-07:00",
    events: [{ type: "respond", at: "2026-04-06T10:00:00-07:00" }, { type: "resolve", at: "2026-04-06T12:00:00-07:00" }, ...events],
    asOf,
  };
  const parsed = parseTicket(json, jama);
  if (!parsed.ok) throw new Error(`${parsed.error.field}: ${parsed.error.message}`);
  return evaluateTicket(jama, parsed.ticket, { explain });
}

/** A trace's reopening: the stop undone, the resolve its window counts from, the reopen. */
function reopening(stoppedAt: string, resolvedAt: string, reopenedAt: string) {
  return { stoppedAt, resolvedAt, reopenedAt };
}

const reopenDay6 = { type: "reopen", at: "2026-04-12T12:00:00-07:00" };
/** The one reopening of JAMA-6/7: the response stopped at 10:00, solved at 12:00, reopened six days later. */
const DAY6 = reopening("2026-04-06T17:00:00Z", "2026-04-06T19:00:00Z", "2026-04-12T19:00:00Z");

describe("--explain of a reopened clock", () => {
  it("JAMA-6: the reopening, and the counted time resuming at it until the second response", () => {
    const trace = evaluate([reopenDay6, { type: "respond", at: "2026-04-12T12:40:00-07:00" }], "2026-04-12T14:00:00-07:00", true).targets[0]!.trace!;
    expect(trace.reopens).toEqual([DAY6]);
    expect(trace.segments).toEqual([
      ["2026-04-06T16:00:00Z", "2026-04-06T17:00:00Z"],
      ["2026-04-12T19:00:00Z", "2026-04-12T19:40:00Z"],
    ]);
    expect(trace.countedMinutes).toBe(100);
  });

  it("JAMA-7: reopened and unanswered, the segments run to the due an hour after the reopening", () => {
    const target = evaluate([reopenDay6], "2026-04-12T14:00:00-07:00", true).targets[0]!;
    expect(target).toMatchObject({ status: "breached", due: "2026-04-12T20:00:00Z" });
    expect(target.trace!.reopens).toEqual([DAY6]);
    expect(target.trace!.segments.at(-1)).toEqual(["2026-04-12T19:00:00Z", "2026-04-12T20:00:00Z"]);
    expect(target.trace!.countedMinutes).toBe(120);
  });

  it("JAMA-8: a reopen eight days after solving is no reopening: no `reopens` in the trace", () => {
    const trace = evaluate([{ type: "reopen", at: "2026-04-14T12:00:00-07:00" }], "2026-04-14T14:00:00-07:00", true).targets[0]!.trace!;
    expect("reopens" in trace).toBe(false);
    expect(trace.segments).toEqual([["2026-04-06T16:00:00Z", "2026-04-06T17:00:00Z"]]);
  });

  it("two reopenings in order, each window counted from the resolve before it", () => {
    const events = [
      { type: "reopen", at: "2026-04-07T08:00:00-07:00" },
      { type: "respond", at: "2026-04-07T08:30:00-07:00" }, // 1 h 30 of 2 counted
      { type: "resolve", at: "2026-04-07T09:00:00-07:00" },
      { type: "reopen", at: "2026-04-13T09:00:00-07:00" }, // 6 days after the second resolve: 30 min left
    ];
    const target = evaluate(events, "2026-04-13T09:10:00-07:00", true).targets[0]!;
    expect(target).toMatchObject({ status: "pending", due: "2026-04-13T16:30:00Z" });
    expect(target.trace!.reopens).toEqual([
      reopening("2026-04-06T17:00:00Z", "2026-04-06T19:00:00Z", "2026-04-07T15:00:00Z"),
      reopening("2026-04-07T15:30:00Z", "2026-04-07T16:00:00Z", "2026-04-13T16:00:00Z"),
    ]);
    expect(target.trace!.countedMinutes).toBe(120);
  });

  it("the result without its trace is the same with and without --explain", () => {
    const events = [reopenDay6, { type: "respond", at: "2026-04-12T12:40:00-07:00" }];
    const plain = evaluate(events, "2026-04-12T14:00:00-07:00", false);
    const explained = evaluate(events, "2026-04-12T14:00:00-07:00", true);
    const withoutTrace = { ...explained, targets: explained.targets.map(({ trace: _trace, ...t }) => t) };
    expect(JSON.stringify(withoutTrace)).toBe(JSON.stringify(plain));
  });
});
