/**
 * The grammar: one test per construct of the language (SPEC §1), error recovery, lexer errors,
 * comments, and spans (end exclusive). Constructs are checked through the AST the compiler builds
 * from the CST, so a test states what was understood, not how chevrotain nests its nodes.
 */
import type { IToken } from "chevrotain";
import { describe, expect, it } from "vitest";
import type * as A from "../../compiler/ast.js";
import { astFromCst } from "../../compiler/ast-from-cst.js";
import { parseSla, tokenSpan } from "../../grammar/parse.js";
import { lineCol, sourceFile } from "../../grammar/source.js";
import { keywords, slaLexer } from "../../grammar/tokens.js";
import { SlaParser, slaParser } from "../../grammar/parser.js";

/** Parse, expect no syntax error, return the AST. */
function parse(text: string): A.PolicyFile {
  const result = parseSla(text);
  expect(result.errors.map((e) => `${e.message} @ ${JSON.stringify(text.slice(e.span.start, e.span.end))}`)).toEqual([]);
  return astFromCst(result.cst, text.length);
}

/** The only declaration of a text (after the header). */
function only<K extends A.Decl["kind"]>(text: string, kind: K): Extract<A.Decl, { kind: K }> {
  const decls = parse(text).decls;
  expect(decls.map((d) => d.kind)).toEqual([kind]);
  return decls[0] as Extract<A.Decl, { kind: K }>;
}

const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

/** Token type names and images of a text. */
function lex(text: string): string[] {
  const { tokens, errors } = slaLexer.tokenize(text);
  expect(errors).toEqual([]);
  return tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const windows = (ws: readonly A.Window[]) => ws.map((w) => `${hhmm(w.from.value)}-${hhmm(w.to.value)}`);
const days = (ds: readonly A.DayRange[]) => ds.map((d) => (d.to ? `${d.from.value}-${d.to.value}` : `${d.from.value}`));

describe("tokens", () => {
  it("keeps keywords whole and lets longer words be identifiers", () => {
    expect(lex("plan planned minutes minute hours_x 24x7 24x7x")).toEqual([
      "Plan:plan",
      "Identifier:planned",
      "Unit:minutes",
      "Unit:minute",
      "Identifier:hours_x",
      "AlwaysOpen:24x7",
      "NumberLit:24",
      "Identifier:x7x",
    ]);
  });

  it("lexes literals: instants, dates, clock times, percentages, numbers, strings", () => {
    expect(lex(`2026-03-27T16:30:00+01:00 2026-03-27T16:30Z 2026-12-24 9:00 20% 1.5 % 2.5 "a \\"b\\""`)).toEqual([
      "DateTime:2026-03-27T16:30:00+01:00",
      "DateTime:2026-03-27T16:30Z",
      "DateLit:2026-12-24",
      "ClockTime:9:00",
      "Percent:20%",
      "Percent:1.5 %",
      "NumberLit:2.5",
      'StringLit:"a \\"b\\""',
    ]);
  });

  it("lexes weekday ranges with a hyphen or an en dash", () => {
    expect(lex("Sun-Thu Mon–Fri")).toEqual(["Weekday:Sun", "Dash:-", "Weekday:Thu", "Weekday:Mon", "Dash:–", "Weekday:Fri"]);
  });

  it("lists every reserved word, including units, statuses and weekdays", () => {
    for (const w of ["calendar", "plan", "extends", "goals", "business", "minutes", "met", "Sun", "prepays", "trialStart"]) {
      expect(keywords.includes(w), w).toBe(w !== "trialStart");
    }
  });
});

describe("constructs", () => {
  it("the policy header", () => {
    const file = parse(`policy acme "ACME Support"\n`);
    expect(file.header?.id?.text).toBe("acme");
    expect(file.header?.title?.value).toBe("ACME Support");
    expect(parse(`policy acme\n`).header?.title).toBeNull();
    expect(parse(`plan gold\n`).header).toBeNull();
  });

  it("a calendar with several windows a day and several weekday ranges", () => {
    const text = `calendar europe "Europe" {\n  zone "Europe/Rome"\n  Mon-Thu 08:00-12:00, 13:00-17:00\n  Fri 08:00-13:00\n  Sat, Sun 10:00-12:00\n  holidays "IT", "DE-BY"\n}\n`;
    const cal = only(text, "calendar");
    expect(cal.name?.text).toBe("europe");
    expect(cal.title?.value).toBe("Europe");
    expect(cal.parent).toBeNull();
    expect(cal.items.map((i) => i.kind)).toEqual(["zone", "hours", "hours", "hours", "holidays"]);
    const [zone, monThu, fri, weekend, holidays] = cal.items;
    expect(zone?.kind === "zone" && zone.zone?.value).toBe("Europe/Rome");
    expect(monThu?.kind === "hours" && [days(monThu.days), windows(monThu.windows)]).toEqual([["0-3"], ["08:00-12:00", "13:00-17:00"]]);
    expect(fri?.kind === "hours" && [days(fri.days), windows(fri.windows)]).toEqual([["4"], ["08:00-13:00"]]);
    expect(weekend?.kind === "hours" && days(weekend.days)).toEqual(["5", "6"]);
    expect(holidays?.kind === "holidays" && holidays.codes.map((c) => c.value)).toEqual(["IT", "DE-BY"]);
  });

  it("a weekday range that wraps around the week: `Sun-Thu`", () => {
    const cal = only(`calendar gulf {\n  zone "Asia/Dubai"\n  Sun-Thu 09:00-18:00\n}\n`, "calendar");
    const hours = cal.items[1];
    expect(hours?.kind === "hours" && days(hours.days)).toEqual(["6-3"]);
  });

  it("closures: a whole day, from a time, in windows; extra openings", () => {
    const text = `calendar c {\n  closed 2026-12-25\n  closed 2026-12-24 from 13:00\n  closed 2026-08-14 12:00-14:00, 16:00-17:00\n  open 2026-12-27 10:00-14:00\n}\n`;
    const cal = only(text, "calendar");
    const [day, from, wins, opening] = cal.items;
    expect(day).toMatchObject({ kind: "closed", date: { value: "2026-12-25" }, from: null, windows: [] });
    expect(from?.kind === "closed" && [from.date?.value, from.from?.value]).toEqual(["2026-12-24", 13 * 60]);
    expect(wins?.kind === "closed" && windows(wins.windows)).toEqual(["12:00-14:00", "16:00-17:00"]);
    expect(opening?.kind === "opening" && [opening.date?.value, windows(opening.windows)]).toEqual(["2026-12-27", ["10:00-14:00"]]);
  });

  it("`24x7`, `days Mon-Fri`, `open on holidays` and `extends`", () => {
    const always = only(`calendar always {\n  zone "UTC"\n  24x7\n}\n`, "calendar");
    expect(always.items.map((i) => i.kind)).toEqual(["zone", "always"]);
    const daysOnly = only(`calendar d {\n  days Mon-Fri, Sun\n}\n`, "calendar");
    expect(daysOnly.items[0]?.kind === "days" && days(daysOnly.items[0].days)).toEqual(["0-4", "6"]);
    const gold = only(`calendar gold extends base {\n  Sat 08:00-12:00\n  open on holidays\n}\n`, "calendar");
    expect(gold.parent?.text).toBe("base");
    expect(gold.items.map((i) => i.kind)).toEqual(["hours", "openOnHolidays"]);
  });

  it("regions: calendars per plan and languages", () => {
    const region = only(`region europe "Europe" {\n  calendar europe_hours\n  calendar europe_gold for gold, platinum\n  languages en, it\n  optional languages fr, es\n}\n`, "region");
    expect(region.name?.text).toBe("europe");
    expect(region.items).toMatchObject([
      { kind: "calendarRef", calendar: { text: "europe_hours" }, plans: [] },
      { kind: "calendarRef", calendar: { text: "europe_gold" }, plans: [{ text: "gold" }, { text: "platinum" }] },
      { kind: "languages", optional: false, codes: [{ text: "en" }, { text: "it" }] },
      { kind: "languages", optional: true, codes: [{ text: "fr" }, { text: "es" }] },
    ]);
  });

  it("language codes that are keywords (`as`, `to`) are still codes", () => {
    const region = only(`region r {\n  languages as, to\n}\n`, "region");
    expect(region.items[0]?.kind === "languages" && region.items[0].codes.map((c) => c.text)).toEqual(["as", "to"]);
  });

  it("plans with extends, priorities, roles, channels, work, obligations", () => {
    const decls = parse(`plan platinum extends gold "Platinum"\npriority P1 "Critical"\nrole ceo "CEO"\nchannel email\nwork bug_fix "Bugs"\nobligation keep_updated "Keep it updated"\n`).decls;
    expect(decls.map((d) => (d.kind === "named" ? [d.what, d.name?.text, d.parent?.text ?? null, d.text?.value ?? null] : d.kind))).toEqual([
      ["plan", "platinum", "gold", "Platinum"],
      ["priority", "P1", null, "Critical"],
      ["role", "ceo", null, "CEO"],
      ["channel", "email", null, null],
      ["work", "bug_fix", null, "Bugs"],
      ["obligation", "keep_updated", null, "Keep it updated"],
    ]);
  });

  it("exclusions of channels and causes", () => {
    const decls = parse(`exclude channel email "no SLA"\nexclude cause force_majeure\n`).decls;
    expect(decls).toMatchObject([
      { kind: "exclude", what: "channel", name: { text: "email" }, text: { value: "no SLA" } },
      { kind: "exclude", what: "cause", name: { text: "force_majeure" }, text: null },
    ]);
  });

  it("a target: clock rules, kpi, calendar and a goal matrix with every kind of cell", () => {
    const text = `target response "Response" {
  kpi "not binding"
  start on open, approve
  pause on pause
  resume on resume
  stop on respond, resolve
  calendar office
  goals {
    | priority | basic             | gold                |
    | P1       | next business day | 60 business minutes |
    | P2       | same business day | 2 business days     |
    | P3       | best effort       | 1.5 hours           |
    | P4       | none              | 1 week              |
  }
}
`;
    const t = only(text, "target");
    expect(t.name?.text).toBe("response");
    expect(t.kpi?.text?.value).toBe("not binding");
    expect(t.clock.map((r) => [r.rule, r.events.map((e) => e.value)])).toEqual([
      ["start", ["open", "approve"]],
      ["pause", ["pause"]],
      ["resume", ["resume"]],
      ["stop", ["respond", "resolve"]],
    ]);
    expect(t.calendars.map((c) => c.calendar?.text)).toEqual(["office"]);
    const rows = t.goals[0]!.rows.map((r) => r.cells.map((c) => (c.kind === "duration" ? `${c.amountText}${c.business ? " business" : ""} ${c.unit}` : c.kind === "name" ? c.name.text : c.kind === "word" ? c.word : c.kind)));
    expect(rows).toEqual([
      ["priority", "basic", "gold"],
      ["P1", "nextBusinessDay", "60 business minute"],
      ["P2", "sameBusinessDay", "2 business day"],
      ["P3", "bestEffort", "1.5 hour"],
      ["P4", "none", "1 week"],
    ]);
  });

  it("a goal matrix keyed by plan", () => {
    const t = only(`target reaction {\n  goals {\n    | plan | goal |\n    | basic | 1 week |\n  }\n}\n`, "target");
    expect(t.goals[0]?.rows[0]?.cells.map((c) => (c.kind === "word" ? c.word : c.kind))).toEqual(["plan", "goal"]);
  });

  it("an escalation: plans, calendar for a plan, clock rules, table of thresholds and roles", () => {
    const e = only(`escalation for gold, platinum {\n  calendar for gold\n  stop on resolve\n  {\n    | priority | after | to |\n    | P1 | 2 business hours | manager |\n    | P1 | 50% of response | ceo |\n  }\n}\n`, "escalation");
    expect(e.plans.map((p) => p.text)).toEqual(["gold", "platinum"]);
    expect(e.calendars).toMatchObject([{ calendar: null, plans: [{ text: "gold" }] }]);
    expect(e.clock.map((r) => r.rule)).toEqual(["stop"]);
    expect(e.tables[0]?.rows[2]?.cells[1]).toMatchObject({ kind: "percent", value: 50, of: { text: "response" } });
  });

  it("credits: targets, table, claims, ineligible cases and a cap", () => {
    const c = only(`credits for gold {\n  target response, resolution\n  {\n    | priority | credit |\n    | P1 | 20% |\n  }\n  claim by end of next month\n  claim subject "SLA Credit Request"\n  ineligible channel email, phone\n  ineligible optional languages\n  cap 50%\n}\n`, "credits");
    expect(c.plans.map((p) => p.text)).toEqual(["gold"]);
    expect(c.items.map((i) => i.kind)).toEqual(["targets", "table", "claimByEndOfNextMonth", "claimSubject", "ineligibleChannels", "ineligibleOptionalLanguages", "cap"]);
    expect(c.items[0]?.kind === "targets" && c.items[0].targets.map((t) => t.text)).toEqual(["response", "resolution"]);
    expect(c.items[4]?.kind === "ineligibleChannels" && c.items[4].channels.map((t) => t.text)).toEqual(["email", "phone"]);
    expect(c.items[6]?.kind === "cap" && c.items[6].percent?.value).toBe(50);
  });

  it("fees: every line", () => {
    const f = only(`fees {
  zone "Europe/Prague"
  currency EUR
  plus vat
  vat 21%
  rate standard 39 EUR per hour
  rate 130 USD per hour
  free bug_fix, trial_assistance
  allowance basic 1 hour per month, excess at standard
  package onboarding_package 199 EUR {
    prepays 5 hours of premium or 9 hours of standard
    draws onboarding
    buy within 2.5 months of trialStart
    expires 3 months after trialStart
  }
  invoice monthly, issued on day 10 of next month
  invoice yearly, issued 1 day after period
  payment net 30 days
  payment by end of month
  late charge 1.5% per started month
}
`, "fees");
    expect(f.items.map((i) => i.kind)).toEqual(["zone", "currency", "plusVat", "vatRate", "rate", "rate", "free", "allowance", "package", "invoice", "invoice", "payment", "payment", "lateCharge"]);
    const [, currency, , vat, rate, bare, free, allowance, pkg, inv1, inv2, net, eom, late] = f.items;
    expect(currency?.kind === "currency" && currency.currency?.text).toBe("EUR");
    expect(vat?.kind === "vatRate" && vat.percent?.value).toBe("21");
    expect(rate).toMatchObject({ kind: "rate", subject: { text: "standard" }, money: { amount: { value: "39" }, currency: { text: "EUR" } }, per: "hour" });
    expect(bare).toMatchObject({ kind: "rate", subject: null, money: { amount: { value: "130" }, currency: { text: "USD" } } });
    expect(free?.kind === "free" && free.works.map((w) => w.text)).toEqual(["bug_fix", "trial_assistance"]);
    expect(allowance).toMatchObject({ kind: "allowance", regime: { text: "basic" }, duration: { amountText: "1", unit: "hour" }, per: "month", excessAt: { text: "standard" } });
    expect(pkg?.kind === "package" && pkg.items.map((i) => i.kind)).toEqual(["prepays", "draws", "buyWithin", "expires"]);
    if (pkg?.kind !== "package") return;
    expect(pkg.items[0]?.kind === "prepays" && pkg.items[0].options.map((o) => `${o.duration.amountText} ${o.regime?.text}`)).toEqual(["5 premium", "9 standard"]);
    expect(pkg.items[2]).toMatchObject({ kind: "buyWithin", amount: { value: "2.5" }, unit: "month", from: { text: "trialStart" } });
    expect(pkg.items[3]).toMatchObject({ kind: "expires", amount: { value: "3" }, unit: "month", from: { text: "trialStart" } });
    expect(inv1).toMatchObject({ kind: "invoice", schedule: "monthly", issue: { kind: "dayOfNextMonth", day: { value: 10 } } });
    expect(inv2).toMatchObject({ kind: "invoice", schedule: "yearly", issue: { kind: "daysAfterPeriod", days: { value: 1 } } });
    expect(net).toMatchObject({ kind: "payment", due: { kind: "netDays", days: { value: 30 }, unit: "day" } });
    expect(eom).toMatchObject({ kind: "payment", due: { kind: "endOfMonth" } });
    expect(late?.kind === "lateCharge" && late.percent?.value).toBe("1.5");
  });

  it("examples: ticket fields, events, as of, period and every expectation", () => {
    const text = `example "gold P1" {
  ticket "T-1"
  priority P1
  plan gold
  region europe
  channel portal
  language en
  opened 2026-03-27T16:30:00+01:00
  pause at 2026-03-27T16:40:00+01:00
  resume at 2026-03-27T17:00:00+01:00
  reprioritize to P2 at 2026-03-27T17:10:00+01:00
  respond at 2026-03-27T17:20:00+01:00
  as of 2026-03-30T12:00:00+02:00
  expect response met due 2026-03-30T09:10:00+02:00
  expect resolution due none
  expect reaction pending
  expect escalation support_team at 2026-03-30T10:00:00+02:00
  expect no escalation
  expect credit 20%
  expect credit none
  expect invoice.lines.total "70.79"
}
example "period" {
  period "examples/periods/p.json"
}
`;
    const [ex, period] = parse(text).decls;
    expect(ex?.kind === "example" && ex.name?.value).toBe("gold P1");
    if (ex?.kind !== "example") return;
    expect(ex.items.map((i) => i.kind)).toEqual([
      "ticketId", "field", "field", "field", "field", "field", "opened", "event", "event", "event", "event", "asOf",
      "expectTarget", "expectTarget", "expectTarget", "expectEscalation", "expectNoEscalation", "expectCredit", "expectCredit", "expectSettle",
    ]);
    expect(ex.items.filter((i) => i.kind === "field").map((i) => (i.kind === "field" ? `${i.field}=${i.value?.text}` : ""))).toEqual([
      "priority=P1", "plan=gold", "region=europe", "channel=portal", "language=en",
    ]);
    expect(ex.items[9]).toMatchObject({ kind: "event", event: { value: "reprioritize" }, priority: { text: "P2" }, at: { value: "2026-03-27T17:10:00+01:00" } });
    expect(ex.items[12]).toMatchObject({ kind: "expectTarget", target: { text: "response" }, status: { value: "met" }, due: { value: "2026-03-30T09:10:00+02:00" }, dueNone: false });
    expect(ex.items[13]).toMatchObject({ kind: "expectTarget", target: { text: "resolution" }, status: null, due: null, dueNone: true });
    expect(ex.items[15]).toMatchObject({ kind: "expectEscalation", role: { text: "support_team" }, at: { value: "2026-03-30T10:00:00+02:00" } });
    expect(ex.items[17]).toMatchObject({ kind: "expectCredit", percent: { value: 20 } });
    expect(ex.items[18]).toMatchObject({ kind: "expectCredit", percent: null });
    expect(ex.items[19]).toMatchObject({ kind: "expectSettle", path: "invoice.lines.total", value: { value: "70.79" } });
    expect(at(text, (ex.items[19] as { pathSpan: A.Name["span"] }).pathSpan)).toBe("invoice.lines.total");
    expect(period).toMatchObject({ kind: "example", items: [{ kind: "period", file: { value: "examples/periods/p.json" } }] });
  });

  it("newlines carry no meaning: a calendar on one line parses like one on many", () => {
    const one = parse(`calendar c { zone "UTC" Mon-Fri 09:00-18:00 holidays "IT" }`);
    const many = parse(`calendar c {\n  zone "UTC"\n  Mon-Fri 09:00-18:00\n  holidays "IT"\n}`);
    const kinds = (f: A.PolicyFile) => (f.decls[0] as A.CalendarDecl).items.map((i) => i.kind);
    expect(kinds(one)).toEqual(kinds(many));
  });

  it("all five seed policies parse without errors", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("../../policies/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".sla"));
    expect(files.length).toBe(5);
    for (const f of files) expect(parseSla(readFileSync(new URL(f, dir), "utf8")).errors, f).toEqual([]);
  });
});

describe("recovery", () => {
  it("reports each of three syntax errors and keeps the declarations after them", () => {
    const text = `policy p "P"
priority P1 "a" 42
calendar c {
  zone "UTC"
  Mon-Fri 09:00-
}
plan gold "g" extends
role ceo "CEO"
channel portal
`;
    const result = parseSla(text);
    expect(result.errors.map((e) => [e.kind, at(text, e.span)])).toEqual([
      ["syntax", "42"],
      ["syntax", "}"],
      ["syntax", "extends"],
    ]);
    const ast = astFromCst(result.cst, text.length);
    expect(ast.decls.map((d) => (d.kind === "named" ? `${d.what} ${d.name?.text}` : `${d.kind} ${(d as { name?: A.Name | null }).name?.text}`))).toEqual([
      "priority P1",
      "calendar c",
      "plan gold",
      "role ceo",
      "channel portal",
    ]);
  });

  it("keeps the rest of a block after a bad line inside it", () => {
    const text = `calendar c {\n  zone "UTC"\n  Mon-Fri 09:00 18:00\n  holidays "IT"\n}\nplan gold\n`;
    const result = parseSla(text);
    expect(result.errors.map((e) => at(text, e.span))).toEqual(["18:00"]);
    const ast = astFromCst(result.cst, text.length);
    expect(ast.decls.map((d) => d.kind)).toEqual(["calendar", "named"]);
  });

  it("names the rule it was in and what it expected", () => {
    const text = `target t {\n  goals {\n    | priority | goal |\n    | P1 | 4 business |\n  }\n}\n`;
    const [e] = parseSla(text).errors;
    expect(e).toMatchObject({ kind: "syntax", rule: "unit", found: "|", expected: "a unit (`minutes`, `hours`, `weeks`, `months`), `day` or `days`" });
  });

  it("anchors an error at the end of input just after the last token", () => {
    const text = `calendar c {\n  zone "UTC"\n\n`;
    const [e] = parseSla(text).errors;
    expect(e).toMatchObject({ kind: "syntax", found: null, message: "unexpected end of file, expected `}`" });
    expect(e?.span).toEqual({ start: text.indexOf(`"UTC"`) + 5, end: text.indexOf(`"UTC"`) + 5 });
  });

  it("parses an empty text and a text of comments to an empty file", () => {
    for (const text of ["", "// only a comment\n", "\n\n   \t"]) {
      const result = parseSla(text);
      expect(result.errors).toEqual([]);
      expect(astFromCst(result.cst, text.length)).toEqual({ header: null, decls: [], span: { start: 0, end: text.length } });
    }
  });
});

describe("many errors", () => {
  const MAX = SlaParser.MAX_ERRORS;

  it(`stops after ${MAX} syntax errors, saying where, instead of overflowing the stack`, () => {
    // 5000 stray tokens between declarations: each recovery used to nest one stack level deeper.
    const text = "policy p\n" + "foo plan a\n".repeat(5000);
    const result = parseSla(text);
    expect(result.errors).toHaveLength(MAX + 1);
    const last = result.errors[MAX]!;
    expect(last.message).toBe(`too many syntax errors (${MAX}): the rest of the file is not read`);
    // It stops right after the last error it reports: at the `plan` after the 200th `foo`.
    expect(at(text, last.span)).toBe("plan");
    expect(last.span.start).toBe("policy p\n".length + "foo plan a\n".length * (MAX - 1) + "foo ".length);
    // the declarations before the stop are kept
    expect(astFromCst(result.cst, text.length).decls).toHaveLength(MAX - 1);
  });

  it("stops inside a block too, and the next parse starts afresh", () => {
    const text = "calendar c {\n" + "  foo Mon 09:00-10:00\n".repeat(3000) + "}\n";
    const result = parseSla(text);
    expect(result.errors.at(-1)?.message).toContain("too many syntax errors");
    expect(result.errors.length).toBeLessThanOrEqual(MAX + 3);
    expect(parseSla("plan gold").errors).toEqual([]);
    expect(slaParser.stoppedAt).toBeNull();
  });

  it("does not stop below the limit", () => {
    const text = "policy p\n" + "foo plan a\n".repeat(MAX - 1);
    const result = parseSla(text);
    expect(result.errors).toHaveLength(MAX - 1);
    expect(result.errors.every((e) => e.message === "unexpected `foo`, expected a declaration")).toBe(true);
    expect(astFromCst(result.cst, text.length).decls).toHaveLength(MAX - 1);
  });
});

describe("lexer errors", () => {
  it("reports a character no token starts with, and goes on", () => {
    const text = `plan gold "g" # note\nplan basic`;
    const result = parseSla(text);
    expect(result.errors.filter((e) => e.kind === "lexical").map((e) => [e.message, at(text, e.span)])).toEqual([["unexpected character `#`", "#"]]);
    const ast = astFromCst(result.cst, text.length);
    expect(ast.decls.map((d) => (d.kind === "named" ? d.name?.text : null))).toContain("basic");
  });

  it("reports an unterminated string up to the end of its line", () => {
    const text = `priority P1 "Critical\npriority P2 "High"\n`;
    const lexical = parseSla(text).errors.filter((e) => e.kind === "lexical");
    expect(lexical.map((e) => [e.message, at(text, e.span)])).toEqual([["unterminated string", `"Critical`]]);
  });

  it("reports a run of unknown characters as one error, quoting at most 16 of them", () => {
    const text = `plan gold @@@\n`;
    const lexical = parseSla(text).errors.filter((e) => e.kind === "lexical");
    expect(lexical.map((e) => [e.message, at(text, e.span)])).toEqual([["unexpected characters `@@@`", "@@@"]]);
    const long = `plan gold ${"@".repeat(10_000)}\n`;
    const [e] = parseSla(long).errors;
    expect(e?.message).toBe(`unexpected characters \`${"@".repeat(16)}…\``);
    expect(at(long, e!.span)).toBe("@".repeat(10_000));
  });
});

describe("comments", () => {
  it("are kept in `comments`, not in the tokens", () => {
    const text = `// header comment\npolicy p "P" // trailing\n// between\nplan gold // after a name\n`;
    const result = parseSla(text);
    expect(result.errors).toEqual([]);
    expect(result.comments.map((c) => c.image)).toEqual(["// header comment", "// trailing", "// between", "// after a name"]);
    expect(result.tokens.map((t) => t.image)).toEqual(["policy", "p", `"P"`, "plan", "gold"]);
    expect(result.comments.map((c) => at(text, tokenSpan(c)))).toEqual(result.comments.map((c) => c.image));
  });

  it("end at the end of the line, CRLF or LF", () => {
    const text = "// one\r\nplan gold\r\n// two";
    const result = parseSla(text);
    expect(result.comments.map((c) => c.image)).toEqual(["// one", "// two"]);
  });

  it("may hold `//` and quotes inside strings without starting a comment", () => {
    const result = parseSla(`plan gold "see https://example.com // not a comment"\n`);
    expect(result.comments).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});

describe("spans", () => {
  it("token spans are end-exclusive", () => {
    const text = "plan gold";
    const [plan, gold] = parseSla(text).tokens as IToken[];
    expect(tokenSpan(plan!)).toEqual({ start: 0, end: 4 });
    expect(tokenSpan(gold!)).toEqual({ start: 5, end: 9 });
    expect(at(text, tokenSpan(gold!))).toBe("gold");
  });

  it("AST nodes span exactly their source text", () => {
    const text = `// c\ncalendar office "Office" {\n  zone "Europe/Rome"\n  Mon-Fri 09:00-12:00, 13:00-18:00\n  closed 2026-12-24 from 13:00\n}\n\nplan gold\n`;
    const [cal, plan] = parse(text).decls as [A.CalendarDecl, A.NamedDecl];
    expect(at(text, cal.span)).toBe(`calendar office "Office" {\n  zone "Europe/Rome"\n  Mon-Fri 09:00-12:00, 13:00-18:00\n  closed 2026-12-24 from 13:00\n}`);
    expect(at(text, cal.name!.span)).toBe("office");
    expect(at(text, cal.title!.span)).toBe(`"Office"`);
    expect(cal.items.map((i) => at(text, i.span))).toEqual([`zone "Europe/Rome"`, "Mon-Fri 09:00-12:00, 13:00-18:00", "closed 2026-12-24 from 13:00"]);
    const hours = cal.items[1] as Extract<A.CalendarItem, { kind: "hours" }>;
    expect(hours.windows.map((w) => at(text, w.span))).toEqual(["09:00-12:00", "13:00-18:00"]);
    expect(hours.windows.map((w) => [at(text, w.from.span), at(text, w.to.span)])).toEqual([["09:00", "12:00"], ["13:00", "18:00"]]);
    expect(at(text, hours.days[0]!.span)).toBe("Mon-Fri");
    expect(at(text, plan.span)).toBe("plan gold");
    expect(at(text, plan.keywordSpan)).toBe("plan");
  });

  it("table rows and cells span their text", () => {
    const text = `target t {\n  goals {\n    | priority | goal             |\n    | P1       | 4 business hours |\n  }\n}`;
    const t = parse(text).decls[0] as A.TargetDecl;
    const table = t.goals[0]!;
    expect(at(text, table.span)).toBe(`{\n    | priority | goal             |\n    | P1       | 4 business hours |\n  }`);
    expect(at(text, table.rows[1]!.span)).toBe("| P1       | 4 business hours |");
    expect(table.rows[1]!.cells.map((c) => at(text, c.span))).toEqual(["P1", "4 business hours"]);
  });

  it("a span's line and column come from the source file, CRLF included", () => {
    const text = "policy p\r\nplan gold\r\n  plan basic";
    const file = sourceFile("x.sla", text);
    const decls = parse(text).decls as A.NamedDecl[];
    expect(decls.map((d) => lineCol(file, d.name!.span.start))).toEqual([
      { line: 2, column: 6 },
      { line: 3, column: 8 },
    ]);
  });
});

describe("the parser object", () => {
  it("is reused across parses without leaking errors from one text to the next", () => {
    expect(parseSla("plan gold {").errors.length).toBeGreaterThan(0);
    expect(parseSla("plan gold").errors).toEqual([]);
  });

  it("has a help text for a syntax error in every rule", async () => {
    const { RULE_HELP } = await import("../../compiler/index.js");
    const rules = slaParser.getGAstProductions();
    const names = Object.keys(rules);
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => !(n in RULE_HELP))).toEqual([]);
  });
});

describe("many unexpected characters", () => {
  it("lists the first 200 runs and then says how many there were", () => {
    const junk = Array.from({ length: 500 }, () => "plan a \u0001").join("\n");
    const lexical = parseSla(junk).errors.filter((e) => e.kind === "lexical");
    expect(lexical).toHaveLength(201);
    expect(lexical[200]!.message).toBe("too many unexpected characters (500 runs): only the first 200 are listed");
  });
});
