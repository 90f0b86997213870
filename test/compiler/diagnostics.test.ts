/**
 * The checker's diagnostics, one concern at a time: each test states the code and the text the
 * diagnostic underlines (never offsets), and what the message or help must say.
 */
import { describe, expect, it } from "vitest";
import { check, expectClean, expectDiagnostic, PRELUDE, RESPONSE, summary, textOf } from "./helpers.js";

/** A policy with the prelude's calendar and priorities, plus the given declarations. */
const withPrelude = (decls: string) => PRELUDE + decls;

describe("syntax (SLA001, SLA002)", () => {
  it("names what was expected and how the construct is written", () => {
    const d = expectDiagnostic(withPrelude(`calendar c {\n  zone "UTC"\n  Mon-Fri 09:00 18:00\n}\n`), "SLA001", "18:00");
    expect(d.message).toBe("unexpected `18:00`, expected `-`");
    expect(d.help).toBe("a window is written `09:00-18:00`");
  });

  it("explains that a keyword cannot be a name", () => {
    const d = expectDiagnostic(`policy p "P"\ncalendar hours {\n  zone "UTC"\n  24x7\n}\n`, "SLA001", "hours");
    expect(d.message).toBe("unexpected `hours`, expected a name");
    expect(d.help).toContain("`hours` is a reserved word");
  });

  it("lists alternatives whose labels hold commas without cutting them", () => {
    const d = expectDiagnostic(withPrelude(`target response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | 4 business |\n  }\n}\n`), "SLA001", "|");
    expect(d.message).toBe("unexpected `|`, expected a unit (`minutes`, `hours`, `weeks`, `months`), `day` or `days`");
  });

  it("calls a stray token between declarations what it is", () => {
    const d = expectDiagnostic(`policy p "P"\nplan basic "b"\nfoo\nplan gold "g"\n`, "SLA001", "foo");
    expect(d.message).toBe("unexpected `foo`, expected a declaration");
  });

  it("reports an unexpected end of file just after the last token", () => {
    const d = expectDiagnostic(`policy p "P"\ncalendar c {\n  zone "UTC"`, "SLA001", "");
    expect(d.message).toBe("unexpected end of file, expected `}`");
    const src = `policy p "P"\ncalendar c {\n  zone "UTC"`;
    expect(check(src).diagnostics.find((x) => x.code === "SLA001")?.span).toEqual({ start: src.length, end: src.length });
  });

  it("reports characters no token starts with", () => {
    const d = expectDiagnostic(`policy p "P" @\n`, "SLA002", "@");
    expect(d.message).toBe("unexpected character `@`");
    expect(d.help).toContain("comments start with `//`");
  });

  it("underlines an unterminated string to the end of its line", () => {
    const d = expectDiagnostic(`policy p "P"\npriority P1 "Critical\npriority P2 "High"\n`, "SLA002", `"Critical`);
    expect(d.message).toBe("unterminated string");
    expect(d.help).toContain('closes with `"` on the same line');
  });

  it("drops semantic diagnostics about a construct the parser repaired", () => {
    // The row lost its cell in recovery: no `row has 1 cell` on top of the syntax error.
    const result = check(withPrelude(`target response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | 4 business |\n    | P2 | 1 hour |\n  }\n}\n`));
    expect(summary(result)).toEqual(['SLA001 "|"']);
  });

  it("keeps checking past syntax errors", () => {
    const result = check(`policy p "P"\npriority P1 "a" 42\ncalendar c {\n  zone "Europe/Rom"\n  Mon-Fri 09:00-\n}\nplan gold "g" extends\ncalendar d {\n  zone "Mars/Base"\n  24x7\n}\n`);
    expect(summary(result)).toEqual(['SLA001 "42"', 'SLA201 "\\"Europe/Rom\\""', 'SLA001 "}"', 'SLA001 "extends"', 'SLA201 "\\"Mars/Base\\""']);
  });
});

describe("the policy header (SLA003)", () => {
  it("points at the first declaration when the header is missing", () => {
    const d = expectDiagnostic(`// a comment first\ncalendar c {\n  zone "UTC"\n  24x7\n}\n`, "SLA003", "calendar");
    expect(d.help).toContain('policy acme "ACME Support Policy"');
  });

  it("points at the start of a file without declarations", () => {
    expect(check("// nothing\n").diagnostics.map((d) => [d.code, d.span])).toEqual([["SLA003", { start: 0, end: 0 }]]);
  });

  it("is quiet when the header is there", () => {
    expect(check(`policy p "P"\n`).diagnostics).toEqual([]);
  });
});

describe("names (SLA101, SLA102, SLA103, SLA104)", () => {
  it("suggests a close name and offers it as a fix", () => {
    const src = withPrelude(`plan gold "g"\nplan platinum extends golld "p"\n`);
    const d = expectDiagnostic(src, "SLA101", "golld");
    expect(d.message).toBe("unknown plan `golld`");
    expect(d.help).toBe("did you mean `gold`?");
    expect(d.fixes?.[0]?.edits.map((e) => [textOf(src, e.span), e.newText])).toEqual([["golld", "gold"]]);
  });

  it("never suggests a plan's own name for its parent", () => {
    const d = expectDiagnostic(withPrelude(`plan gold "g"\nplan platinum extends platnum "p"\n`), "SLA101", "platnum");
    expect(d.help).toBe("declared plans: `gold`, `platinum`");
    expect(d.fixes).toBeUndefined();
  });

  it("lists the declared names when none is close, with a correct plural", () => {
    const d = expectDiagnostic(withPrelude(`target response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | 1 hour |\n    | P2 | 1 hour |\n    | urgent | 1 hour |\n  }\n}\n`), "SLA101", "urgent");
    expect(d.help).toBe("declared priorities: `P1`, `P2`");
  });

  it("does not guess between two-letter names", () => {
    const d = expectDiagnostic(withPrelude(`example "e" {\n  priority P5\n  opened 2026-03-02T10:00:00Z\n  expect response met\n}\n` + RESPONSE), "SLA101", "P5");
    expect(d.help).toBe("declared priorities: `P1`, `P2`");
  });

  it("says when nothing of the kind is declared", () => {
    const d = expectDiagnostic(withPrelude(`escalation {\n  {\n    | priority | after | to |\n    | P1 | 1 hour | boss |\n  }\n}\n`), "SLA101", "boss");
    expect(d.help).toBe("no role is declared");
  });

  it("reports a region's unknown calendar once, not also as a region without calendar", () => {
    const result = check(withPrelude(`region europe {\n  calendar ofice\n}\n`));
    expect(summary(result)).toEqual(['SLA101 "ofice"']);
    expect(result.diagnostics[0]?.help).toBe("did you mean `office`?");
  });

  it("rejects language codes that are not ISO 639-1", () => {
    expectDiagnostic(withPrelude(`region europe {\n  calendar office\n  languages en, ENG\n}\n`), "SLA101", "ENG");
  });

  it("points a duplicate at the second copy with a label on the first", () => {
    const src = withPrelude(`role ceo "CEO"\nrole ceo "Chief"\nescalation {\n  {\n    | priority | after | to |\n    | P1 | 1 hour | ceo |\n  }\n}\n`);
    const d = expectDiagnostic(src, "SLA102", "ceo");
    expect(d.message).toBe("duplicate role `ceo`");
    expect(d.labels?.map((l) => [textOf(src, l.span), l.message])).toEqual([["ceo", "`ceo` first declared here"]]);
    expect(d.span.start).toBeGreaterThan(d.labels![0]!.span.start);
  });

  it("reports misplaced clauses", () => {
    expectDiagnostic(withPrelude(`priority P3 extends P1 "x"\n`), "SLA103", "P1");
    expectDiagnostic(`policy p "P"\ncalendar c {\n  zone "UTC"\n  zone "Europe/Rome"\n  24x7\n}\n`, "SLA103", `zone "Europe/Rome"`);
    expectDiagnostic(withPrelude(`target response {\n  stop on respond\n  stop on resolve\n  goals {\n    | priority | goal |\n    | P1 | 1 hour |\n    | P2 | 1 hour |\n  }\n}\n`), "SLA103", "stop on resolve");
    const twice = withPrelude(RESPONSE + `credits {\n  target response\n}\ncredits {\n  target response\n}\n`);
    expect(expectDiagnostic(twice, "SLA103", "credits {\n  target response\n}").span.start).toBe(twice.lastIndexOf("credits {"));
  });

  it("shows the whole inheritance cycle", () => {
    const d = expectDiagnostic(withPrelude(`plan a extends c "a"\nplan b extends a "b"\nplan c extends b "c"\n`), "SLA104", "c");
    expect(d.message).toBe("plan `a` extends itself: `a` → `c` → `b` → `a`");
    const cal = expectDiagnostic(`policy p "P"\ncalendar x extends x {\n  zone "UTC"\n  24x7\n}\n`, "SLA104", "x");
    expect(cal.message).toBe("calendar `x` extends itself: `x` → `x`");
  });
});

describe("calendars (SLA201–SLA207)", () => {
  const calendar = (body: string) => `policy p "P"\ncalendar c {\n${body}\n}\n`;

  it("corrects a misspelt zone", () => {
    const src = calendar(`  zone "America/New_Yrok"\n  24x7`);
    const d = expectDiagnostic(src, "SLA201", `"America/New_Yrok"`);
    expect(d.help).toBe("did you mean `America/New_York`?");
    expect(d.fixes?.[0]?.edits[0]?.newText).toBe(`"America/New_York"`);
  });

  it("checks holiday countries and their regions", () => {
    expect(expectDiagnostic(calendar(`  zone "UTC"\n  24x7\n  holidays "FRA"`), "SLA202", `"FRA"`).help).toContain("did you mean `FR`?");
    expect(expectDiagnostic(calendar(`  zone "UTC"\n  24x7\n  holidays "QQ"`), "SLA202", `"QQ"`).help).toBe("codes are ISO 3166 countries known to date-holidays, e.g. `IT` or `DE-BY`");
    expect(expectDiagnostic(calendar(`  zone "UTC"\n  24x7\n  holidays "DE-BX"`), "SLA202", `"DE-BX"`).help).toBe(
      "regions of `DE`: BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH",
    );
    expectClean(calendar(`  zone "Europe/Berlin"\n  Mon-Fri 09:00-17:00\n  holidays "DE-BY", "AT"`));
  });

  it("rejects empty and backwards windows", () => {
    expect(expectDiagnostic(calendar(`  zone "UTC"\n  Mon 18:00-09:00`), "SLA203", "18:00-09:00").message).toBe("window `18:00-09:00` ends before it starts");
    expect(expectDiagnostic(calendar(`  zone "UTC"\n  Mon 09:00-09:00`), "SLA203", "09:00-09:00").message).toBe("window `09:00-09:00` is empty");
    expectClean(calendar(`  zone "UTC"\n  Mon 00:00-24:00`));
  });

  it("reports overlapping windows once, naming every day and pointing at the other window", () => {
    const src = calendar(`  zone "UTC"\n  Mon-Wed 09:00-12:00\n  Tue-Thu 11:00-13:00`);
    const d = expectDiagnostic(src, "SLA204", "11:00-13:00");
    expect(d.message).toBe("window overlaps another window on Tue, Wed");
    expect(d.labels?.map((l) => textOf(src, l.span))).toEqual(["09:00-12:00"]);
  });

  it("lets windows touch, and an extended calendar add hours on other days", () => {
    expectClean(calendar(`  zone "UTC"\n  Mon-Fri 08:00-12:00, 12:00-17:00`));
  });

  it("expands weekday ranges that wrap around the week", () => {
    const result = expectClean(calendar(`  zone "Asia/Dubai"\n  Sun-Thu 09:00-18:00`));
    expect(result.ir?.calendars[0]?.week.map((d) => d.length)).toEqual([1, 1, 1, 1, 0, 0, 1]);
  });

  it("requires a zone and hours", () => {
    expect(expectDiagnostic(`policy p "P"\ncalendar c {\n  Mon 09:00-10:00\n}\n`, "SLA205", "c").message).toBe("calendar `c` has no zone");
    expect(expectDiagnostic(`policy p "P"\ncalendar c {\n  zone "UTC"\n}\n`, "SLA205", "c").message).toBe("calendar `c` has no hours");
  });

  it("does not call a calendar incomplete when its parent is unknown", () => {
    const result = check(`policy p "P"\ncalendar c extends nowhere {\n  Sat 09:00-12:00\n}\n`);
    expect(summary(result)).toEqual(['SLA101 "nowhere"']);
  });

  it("inherits zone and hours from the parent", () => {
    const result = expectClean(withPrelude(`plan gold "g"\ncalendar gold_hours extends office {\n  Sat 09:00-12:00\n}\nregion europe {\n  calendar office\n  calendar gold_hours for gold\n}\n`));
    const gold = result.ir?.calendars.find((c) => c.name === "gold_hours");
    expect(gold?.zone).toBe("Europe/Rome");
    expect(gold?.week.map((d) => d.length)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it("rejects dates, clock times and instants that do not exist", () => {
    expectDiagnostic(calendar(`  zone "UTC"\n  Mon 09:00-17:60`), "SLA206", "17:60");
    expectDiagnostic(calendar(`  zone "UTC"\n  Mon 09:00-24:01`), "SLA206", "24:01");
    expectDiagnostic(calendar(`  zone "UTC"\n  24x7\n  closed 2027-02-29`), "SLA206", "2027-02-29");
    expectDiagnostic(calendar(`  zone "UTC"\n  24x7\n  closed 2026-12-24 from 99:00`), "SLA206", "99:00");
    const ex = withPrelude(RESPONSE + `example "e" {\n  priority P1\n  opened 2026-02-30T10:00:00Z\n  expect response met\n}\n`);
    expectDiagnostic(ex, "SLA206", "2026-02-30T10:00:00Z");
    // the invalid instant is the only report: not also "has no ticket"
    expect(summary(check(ex))).toEqual(['SLA206 "2026-02-30T10:00:00Z"']);
  });

  it("requires a calendar for a region and for targets", () => {
    expect(expectDiagnostic(withPrelude(`plan gold "g"\nregion europe {\n  calendar office for gold\n}\n`), "SLA207", "europe").message).toBe("region `europe` has no calendar");
    // Business time needs a calendar to count on; elapsed time needs none.
    expectDiagnostic(`policy p "P"\npriority P1 "a"\ntarget response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | 1 business hour |\n  }\n}\n`, "SLA207", "response");
    expectClean(`policy p "P"\npriority P1 "a"\ntarget response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | 1 hour |\n  }\n}\n`);
  });
});

describe("tables and units (SLA301–SLA306)", () => {
  const matrix = (rows: string, header = "| priority | basic | gold |") =>
    withPrelude(`plan basic "b"\nplan gold "g"\ntarget response {\n  stop on respond\n  goals {\n    ${header}\n${rows}  }\n}\n`);

  it("reports a missing row with a fix that inserts it", () => {
    const src = matrix(`    | P1 | best effort | 1 business hour |\n`);
    const d = expectDiagnostic(src, "SLA301", "{");
    expect(d.message).toBe("the goal matrix has no row for priority `P2`");
    expect(d.fixes?.[0]?.edits[0]?.newText).toBe("  | P2 | best effort | best effort |\n");
  });

  it("reports a plan without a column, unless it inherits one", () => {
    const d = expectDiagnostic(matrix(`    | P1 | best effort | 1 hour |\n    | P2 | best effort | 2 hours |\n`, "| priority | basic |"), "SLA301", "| priority | basic |");
    expect(d.message).toBe("the goal matrix has no column for plan `gold`");
    const inherited = expectClean(withPrelude(`plan gold "g"\nplan platinum extends gold "p"\ntarget response {\n  stop on respond\n  goals {\n    | priority | gold |\n    | P1 | 1 hour |\n    | P2 | 2 hours |\n  }\n}\n`));
    expect(inherited.ir?.targets[0]?.goals.filter((g) => g.plan === "platinum").map((g) => g.goal.text)).toEqual(["1 hour", "2 hours"]);
  });

  it("reports a target without goals", () => {
    expect(expectDiagnostic(withPrelude(`target response {\n  stop on respond\n}\n`), "SLA301", "response").message).toBe("target `response` has no goals");
  });

  it("reports a row of the wrong width without also calling its key missing", () => {
    const src = matrix(`    | P1 | best effort | 1 hour |\n    | P2 | best effort | 2 hours | 3 hours |\n`);
    const d = expectDiagnostic(src, "SLA302", "| P2 | best effort | 2 hours | 3 hours |");
    expect(d.message).toBe("row has 4 cells but the header has 3 cells");
    expect(d.labels?.map((l) => textOf(src, l.span))).toEqual(["| priority | basic | gold |"]);
    expect(summary(check(src))).toEqual(['SLA302 "| P2 | best effort | 2 hours | 3 hours |"']);
  });

  it("reports a second row for one key, with a label on the first", () => {
    const src = matrix(`    | P1 | best effort | 1 hour |\n    | P2 | best effort | 2 hours |\n    | P1 | best effort | 3 hours |\n`);
    const d = expectDiagnostic(src, "SLA302", "| P1 | best effort | 3 hours |");
    expect(d.labels?.map((l) => textOf(src, l.span))).toEqual(["| P1 | best effort | 1 hour |"]);
  });

  it("reports tables without a usable header", () => {
    const noHeader = expectDiagnostic(matrix(`    | P2 | best effort | 1 hour |\n`, "| P1 | best effort | 1 hour |"), "SLA303", "| P1 | best effort | 1 hour |");
    expect(noHeader.help).toBe("its first row names the columns, e.g. `| priority | goal |`, `| plan | goal |` or `| priority | basic | gold | … |`");
    const esc = expectDiagnostic(withPrelude(`role r "R"\nescalation {\n  {\n    | priority | after | notify |\n    | P1 | 1 hour | r |\n  }\n}\n`), "SLA303", "| priority | after | notify |");
    expect(esc.help).toBe("write the header as `| priority | after | to |`");
    expectDiagnostic(withPrelude(`escalation {\n  start on open\n}\n`), "SLA303", "escalation {\n  start on open\n}");
  });

  it("rejects business time on a 24x7 calendar", () => {
    const src = `policy p "P"\ncalendar always {\n  zone "UTC"\n  24x7\n}\npriority P1 "a"\ntarget response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | 2 business hours |\n  }\n}\n`;
    const d = expectDiagnostic(src, "SLA304", "2 business hours");
    expect(d.message).toBe("business goal on the 24x7 calendar `always`");
    expect(d.help).toContain("write elapsed time");
  });

  it("rejects business hours on a days-only calendar, and other unit mistakes", () => {
    const days = `policy p "P"\ncalendar d {\n  zone "UTC"\n  days Mon-Fri\n}\npriority P1 "a"\ntarget response {\n  stop on respond\n  goals {\n    | priority | goal |\n    | P1 | GOAL |\n  }\n}\n`;
    expectDiagnostic(days.replace("GOAL", "4 business hours"), "SLA304", "4 business hours");
    expectClean(days.replace("GOAL", "3 business days"));
    expectDiagnostic(days.replace("GOAL", "1 month"), "SLA304", "1 month");
    expectDiagnostic(days.replace("GOAL", "2 business weeks"), "SLA304", "2 business weeks");
    expectDiagnostic(days.replace("GOAL", "0.5 business days"), "SLA304", "0.5 business days");
  });

  it("rejects percentages outside 0–100", () => {
    const src = withPrelude(RESPONSE + `credits {\n  target response\n  {\n    | priority | credit |\n    | P1 | 100.5% |\n    | P2 | 0% |\n  }\n}\n`);
    expect(expectDiagnostic(src, "SLA305", "100.5%").message).toBe("100.5% is outside 0–100%");
    expectClean(src.replace("100.5%", "100%"));
  });

  it("rejects cells of the wrong kind", () => {
    expect(expectDiagnostic(matrix(`    | P1 | best effort | 20% |\n    | P2 | best effort | 1 hour |\n`), "SLA306", "20%").message).toBe("`20%` is not a goal");
    const credits = withPrelude(RESPONSE + `credits {\n  target response\n  {\n    | priority | credit |\n    | P1 | 1 hour |\n    | P2 | 5% |\n  }\n}\n`);
    expectDiagnostic(credits, "SLA306", "1 hour");
    expectDiagnostic(withPrelude(RESPONSE + `role r "R"\nescalation {\n  {\n    | priority | after | to |\n    | P1 | 50% | r |\n  }\n}\n`), "SLA306", "50%");
  });

  it("accepts an escalation at a share of a target's goal", () => {
    const result = expectClean(withPrelude(RESPONSE + `role r "R"\nescalation {\n  {\n    | priority | after | to |\n    | P1 | 50% of response | r |\n  }\n}\n`));
    expect(result.ir?.escalations[0]?.levels[0]?.after).toEqual({ kind: "percent", percent: 50, target: "response", text: "50% of response" });
  });
});

describe("clock rules (SLA401–SLA403)", () => {
  const target = (rules: string) => withPrelude(`target response {\n${rules}\n  goals {\n    | priority | goal |\n    | P1 | 1 hour |\n    | P2 | 1 hour |\n  }\n}\n`);

  it("rejects an event that starts and stops the clock", () => {
    const d = expectDiagnostic(target(`  start on open\n  stop on respond, open`), "SLA401", "open");
    expect(d.message).toBe("`open` both starts and stops the clock");
    // the underline is on the `stop` rule's `open`, not the `start` rule's
    expect(d.span.start).toBeGreaterThan(target(`  start on open\n  stop on respond, open`).indexOf("stop on"));
  });

  it("rejects an event that pauses and resumes, or pauses and stops", () => {
    expectDiagnostic(target(`  stop on respond\n  pause on pause\n  resume on resume, pause`), "SLA401", "pause");
    expect(expectDiagnostic(target(`  stop on respond, pause\n  pause on pause\n  resume on resume`), "SLA401", "pause").message).toBe("`pause` both pauses and stops the clock");
  });

  it("rejects a pause that nothing resumes", () => {
    const d = expectDiagnostic(target(`  stop on respond\n  pause on pause`), "SLA402", "pause on pause");
    expect(d.help).toBe("add a rule such as `resume on resume`");
  });

  it("rejects a target that never stops", () => {
    expect(expectDiagnostic(target(`  start on open`), "SLA403", "response").message).toBe("target `response` never stops");
  });

  it("lowers the clock rules with defaults for what is left out", () => {
    const result = expectClean(target(`  start on approve\n  stop on respond, resolve`));
    expect(result.ir?.targets[0]?.clock).toEqual({ start: ["approve"], pause: [], resume: [], stop: ["respond", "resolve"] });
  });
});

describe("fees (SLA501–SLA504)", () => {
  const fees = (lines: string, decls = `plan standard "s"\nplan premium "p"\nwork onboarding "o"\n`) =>
    `policy p "P"\n${decls}fees {\n  currency EUR\n${lines}\n  invoice monthly\n  payment net 30 days\n}\n`;

  it("rejects money without a currency, with a fix that adds the fees' currency", () => {
    const src = fees(`  rate standard 39 per hour`);
    const d = expectDiagnostic(src, "SLA501", "39");
    expect(d.message).toBe("`39` has no currency");
    expect(d.fixes?.[0]?.edits.map((e) => [e.span.start === e.span.end, e.newText])).toEqual([[true, " EUR"]]);
  });

  it("rejects another currency than the fees', and unknown codes", () => {
    const src = fees(`  rate standard 39 USD per hour`);
    const d = expectDiagnostic(src, "SLA502", "USD");
    expect(d.labels?.map((l) => textOf(src, l.span))).toEqual(["EUR"]);
    expectDiagnostic(fees(`  rate 1 EUR per hour`).replace("currency EUR", "currency EUROS").replace("1 EUR", "1 EUROS"), "SLA502", "EUROS");
  });

  it("rejects a package that can be bought after it expires", () => {
    const src = fees(`  package premium 199 EUR {\n    prepays 5 hours of premium\n    draws onboarding\n    buy within 4 months of trialStart\n    expires 3 months after trialStart\n  }`);
    const d = expectDiagnostic(src, "SLA504", "buy within 4 months of trialStart");
    expect(d.message).toBe("the package can be bought after it expires (4 > 3 months)");
    expect(d.labels?.map((l) => textOf(src, l.span))).toEqual(["expires 3 months after trialStart"]);
    expectClean(src.replace("buy within 4", "buy within 2.5"));
  });

  it("requires a currency, an invoice schedule and payment terms", () => {
    expect(expectDiagnostic(`policy p "P"\nfees {\n  invoice monthly\n  payment net 30 days\n}\n`, "SLA503", "fees").message).toBe("the fees have no currency");
    expect(expectDiagnostic(`policy p "P"\nfees {\n  currency EUR\n  payment net 30 days\n}\n`, "SLA503", "fees").message).toBe("the fees have no invoice schedule");
    expect(expectDiagnostic(`policy p "P"\nfees {\n  currency EUR\n  invoice monthly\n}\n`, "SLA503", "fees").message).toBe("the fees have no payment terms");
    expectDiagnostic(fees(`  invoice monthly, issued on day 29 of next month`), "SLA504", "29");
  });

  it("requires hourly rates, with one report when the parser already rejected the unit", () => {
    expectDiagnostic(fees(`  rate premium 49 EUR per week`), "SLA304", "week");
    expect(summary(check(fees(`  rate premium 49 EUR per day`)))).toEqual(['SLA001 "day"']);
  });

  it("lowers amounts as exact decimal strings", () => {
    const result = expectClean(fees(`  rate premium 49.90 EUR per hour\n  allowance standard 1.5 hours per month, excess at premium`));
    expect(result.ir?.fees?.rates.map((r) => r.amount)).toEqual(["49.90"]);
    expect(result.ir?.fees?.allowances.map((a) => a.hours)).toEqual(["1.5"]);
  });
});

describe("examples (SLA601)", () => {
  const example = (body: string) => withPrelude(RESPONSE + `example "e" {\n${body}\n}\n`);

  it("requires a ticket and an expectation", () => {
    expect(expectDiagnostic(example(`  priority P1\n  expect response met`), "SLA601", `"e"`).message).toBe("example `e` has no ticket");
    expect(expectDiagnostic(example(`  priority P1\n  opened 2026-03-02T10:00:00Z`), "SLA601", `"e"`).message).toBe("example `e` expects nothing");
  });

  it("rejects `open at` and a reprioritize without priority", () => {
    expectDiagnostic(example(`  opened 2026-03-02T10:00:00Z\n  open at 2026-03-02T11:00:00Z\n  expect response met`), "SLA601", "open");
    expectDiagnostic(example(`  opened 2026-03-02T10:00:00Z\n  reprioritize at 2026-03-02T11:00:00Z\n  expect response met`), "SLA601", "reprioritize at 2026-03-02T11:00:00Z");
  });

  it("keeps tickets and periods apart", () => {
    expect(expectDiagnostic(example(`  opened 2026-03-02T10:00:00Z\n  period "p.json"\n  expect invoice.total "1.00"`), "SLA601", `"e"`).message).toBe("an example checks either a ticket or a period, not both");
    expectDiagnostic(example(`  opened 2026-03-02T10:00:00Z\n  expect invoice.total "1.00"`), "SLA601", `"e"`);
    const period = expectClean(example(`  period "p.json"\n  expect invoice.total "1.00"`));
    expect(period.ir?.examples[0]).toMatchObject({ kind: "settle", periodFile: "p.json", expectations: [{ kind: "settle", field: "invoice.total", value: "1.00" }] });
  });

  it("lowers a ticket example to the runtime's ticket shape", () => {
    const result = expectClean(example(`  ticket "T-9"\n  priority P1\n  opened 2026-03-02T10:00:00+01:00\n  pause at 2026-03-02T11:00:00+01:00\n  resume at 2026-03-02T12:00:00+01:00\n  reprioritize to P2 at 2026-03-02T13:00:00+01:00\n  expect response met due 2026-03-02T15:00:00+01:00`));
    const ex = result.ir?.examples[0];
    expect(ex?.kind).toBe("ticket");
    if (ex?.kind !== "ticket") return;
    expect(ex.ticket).toMatchObject({
      id: "T-9",
      priority: "P1",
      openedAt: "2026-03-02T10:00:00+01:00",
      events: [
        { at: "2026-03-02T11:00:00+01:00", type: "pause" },
        { at: "2026-03-02T12:00:00+01:00", type: "resume" },
        { at: "2026-03-02T13:00:00+01:00", type: "reprioritize", priority: "P2" },
      ],
    });
    expect(ex.expectations[0]).toMatchObject({ kind: "target", target: "response", status: "met", due: "2026-03-02T15:00:00+01:00" });
  });
});

describe("warnings (SLA901, SLA902)", () => {
  it("warns about unused roles, and about unused calendars when regions choose calendars", () => {
    const result = check(withPrelude(`role ceo "CEO"\ncalendar spare {\n  zone "UTC"\n  24x7\n}\nregion europe {\n  calendar office\n}\n`));
    expect(summary(result)).toEqual(['SLA901 "ceo"', 'SLA901 "spare"']);
    expect(result.diagnostics.every((d) => d.severity === "warning")).toBe(true);
    expect(result.ir).not.toBeNull();
  });

  it("warns that `open on holidays` changes nothing without holidays", () => {
    const d = expectDiagnostic(`policy p "P"\ncalendar c {\n  zone "UTC"\n  Mon-Fri 09:00-17:00\n  open on holidays\n}\n`, "SLA902", "open on holidays");
    expect(d.severity).toBe("warning");
    expect(d.help).toContain("holidays");
  });
});

describe("diagnostics as data", () => {
  it("come sorted by position, errors and warnings together, and the IR is withheld only for errors", () => {
    const result = check(withPrelude(`role unused "u"\ncalendar c2 {\n  zone "Nowhere/City"\n  24x7\n}\n`));
    const starts = result.diagnostics.map((d) => d.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(result.ir).toBeNull();
    expect(result.diagnostics.map((d) => d.message)).toContain("invalid time zone `Nowhere/City`");
  });

  it("follow the message style: lowercase start, no final period, one line", () => {
    const srcs = [
      `calendar c {`,
      withPrelude(`plan gold "g"\nplan gold "h"\nregion r {\n}\ntarget t {\n  pause on pause\n  goals {\n    | priority | goal |\n    | P1 | 1 month |\n  }\n}\nfees {\n  rate 1 per hour\n}\n`),
    ];
    for (const src of srcs) {
      for (const d of check(src).diagnostics) {
        expect(d.message, d.message).toMatch(/^[^A-Z]/);
        expect(d.message, d.message).not.toMatch(/\.$/);
        expect(d.message, d.message).not.toContain("\n");
      }
    }
  });
});
