/** Completion over the protocol, on seed policies and on broken and half-typed documents. */
import { describe, expect, it } from "vitest";
import { type CompletionItem, InsertTextFormat, type TextEdit } from "vscode-languageserver-protocol";
import { serverForFile, seed } from "./client.js";
import { marked, textAt } from "./markers.js";

const server = serverForFile();
let n = 0;

/** Open the fixture (cursor at `<|>`) as a new document and complete at the cursor. */
async function complete(fixture: string, triggerCharacter?: string): Promise<{ items: CompletionItem[]; labels: string[]; text: string }> {
  const { text, position } = marked(fixture);
  const uri = `file:///test/completion-${n++}.sla`;
  await server().open(uri, text);
  const result = await server().completion(uri, position, triggerCharacter);
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return { items, labels: items.map((i) => i.label), text };
}

const imagicle = seed("imagicle");
/** Imagicle with a fixture appended at the end. */
const after = (fixture: string) => `${imagicle}\n${fixture}`;

describe("completion at top level", () => {
  it("offers the declaration keywords and block snippets on an empty line", async () => {
    const { labels, items } = await complete(after("<|>"));
    expect(labels).toEqual(expect.arrayContaining(["calendar", "region", "plan", "priority", "target", "escalation", "availability", "objective", "example"]));
    // Imagicle has its one `credits` block and its header: neither is offered again (SLA103); it has no fees yet.
    expect(labels.filter((l) => ["policy", "credits", "credits block"].includes(l))).toEqual([]);
    expect(labels).toEqual(expect.arrayContaining(["fees", "fees block"]));
    expect((await complete("// a comment\n<|>")).labels).toEqual(expect.arrayContaining(["policy", "credits", "fees", "period", "credits block"]));
    const target = items.find((i) => i.label === "target block")!;
    expect(target.insertTextFormat).toBe(InsertTextFormat.Snippet);
    // The goal matrix of the snippet has the declared plans as columns and priorities as rows.
    const body = (target.textEdit as TextEdit).newText;
    expect(body).toContain("| priority | basic | gold | platinum |");
    for (const p of ["P1", "P2", "P3", "P4"]) expect(body).toContain(`| ${p} |`);
  });

  it("replaces the partial word being typed", async () => {
    const { items, text } = await complete(after("esc<|>"));
    const item = items.find((i) => i.label === "escalation")!;
    expect(textAt(text, (item.textEdit as TextEdit).range)).toBe("esc");
  });

  it("offers plans after `extends`, without the plan being declared", async () => {
    const { labels } = await complete(after("plan diamond extends <|>"));
    expect(labels).toEqual(expect.arrayContaining(["basic", "gold", "platinum"]));
    expect(labels).not.toContain("diamond");
    expect(labels).not.toContain("P1");
  });

  it("offers the remaining plans in `escalation for gold, …`", async () => {
    const { labels } = await complete(after("escalation for gold, <|>"));
    expect(labels).toEqual(["basic", "platinum"]);
  });

  it("offers `channel` and `cause` after `exclude`, then channels", async () => {
    expect((await complete(after("exclude <|>"))).labels).toEqual(["channel", "cause"]);
    expect((await complete(after("exclude channel <|>"))).labels).toEqual(["portal", "phone", "email"]);
  });

  it("answers a typed space only where a clause is being written", async () => {
    expect((await complete(after("calendar c {\n  <|>\n}"), " ")).labels).toEqual([]);
    expect((await complete(after("plan diamond extends <|>"), " ")).labels).toContain("gold");
  });

  it("survives words that are also property names of JavaScript objects", async () => {
    expect((await complete(after("constructor <|>"))).labels).toEqual([]);
    expect((await complete(after('example "e" {\n  constructor <|>\n}'))).labels).toEqual([]);
  });

  it("offers nothing inside a comment", async () => {
    expect((await complete(after("// plan <|>"))).labels).toEqual([]);
  });
});

describe("completion in a calendar", () => {
  it("offers calendar lines and weekdays", async () => {
    const { labels } = await complete(after('calendar c {\n  zone "UTC"\n  <|>\n}'));
    expect(labels).toEqual(expect.arrayContaining(["zone", "holidays", "closed", "open", "open on holidays", "days", "24x7", "Mon", "Sun"]));
    expect(labels).not.toContain("target");
  });

  it('offers IANA zones inside `zone "…"`, replacing what is typed between the quotes', async () => {
    const { items, text } = await complete(after('calendar c {\n  zone "Europe/Ro<|>"\n}'));
    const rome = items.find((i) => i.label === "Europe/Rome")!;
    expect(rome).toBeDefined();
    expect(textAt(text, (rome.textEdit as TextEdit).range)).toBe("Europe/Ro");
    expect((rome.textEdit as TextEdit).newText).toBe("Europe/Rome");
    expect(items.some((i) => i.label === "UTC")).toBe(true);
  });

  it("offers quoted zones after `zone `", async () => {
    const { items } = await complete(after("calendar c {\n  zone <|>\n}"));
    expect((items.find((i) => i.label === "Asia/Tokyo")!.textEdit as TextEdit).newText).toBe('"Asia/Tokyo"');
  });

  it("offers `zone` and then quoted zones in a credits block (its billing zone)", async () => {
    expect((await complete(after("credits {\n  <|>\n}"))).labels).toContain("zone");
    const { items } = await complete(after("credits {\n  zone <|>\n}"));
    expect((items.find((i) => i.label === "Europe/Rome")!.textEdit as TextEdit).newText).toBe('"Europe/Rome"');
  });

  it('offers holiday countries and regions from date-holidays inside `holidays "…"`', async () => {
    const countries = await complete(after('calendar c {\n  holidays "<|>"\n}'));
    expect(countries.items.find((i) => i.label === "IT")?.detail).toBe("Italia");
    const regions = await complete(after('calendar c {\n  holidays "DE-<|>"\n}'));
    expect(regions.labels).toContain("DE-BY");
    expect(regions.labels.every((l) => l.startsWith("DE-"))).toBe(true);
  });

  it("offers weekdays in a day range and a day list", async () => {
    expect((await complete(after("calendar c {\n  Mon-<|>\n}"))).labels).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect((await complete(after("calendar c {\n  days Mon, <|>\n}"))).labels).toContain("Sat");
    // The dash of a window takes a clock time, not a weekday.
    expect((await complete(after("calendar c {\n  Mon-Fri 09:00-<|>\n}"))).labels).toEqual([]);
  });

  it("offers `on holidays` and `during` after `open`, then the other calendars", async () => {
    expect((await complete(after("calendar c {\n  open <|>\n}"))).labels).toEqual(["on holidays", "during"]);
    const during = (await complete(after("calendar c {\n  open during <|>\n}"))).labels;
    expect(during).toEqual(expect.arrayContaining(["europe_hours", "europe_gold"]));
    expect((await complete(after("calendar c {\n  open during europe_hours, <|>\n}"))).labels).toEqual(expect.arrayContaining(["europe_gold"]));
  });
});

describe("completion in regions, targets, escalations, credits and examples", () => {
  it("offers calendars then plans in a region", async () => {
    const calendars = await complete(after("region r {\n  calendar <|>\n}"));
    expect(calendars.labels).toEqual(expect.arrayContaining(["europe_hours", "europe_gold", "for"]));
    // Plans, then what else a condition may test (issue 11: `for priority P1`, `for cause x`, `for channel phone`).
    expect((await complete(after("region r {\n  calendar europe_gold for <|>\n}"))).labels).toEqual(["basic", "gold", "platinum", "priority", "cause", "channel"]);
    // after `channel`, the declared channels
    expect((await complete(after("region r {\n  calendar europe_gold for channel <|>\n}"))).labels).toEqual(["portal", "phone", "email"]);
  });

  it("offers clock rules, `kpi`, `calendar` and `goals` in a target", async () => {
    const { labels } = await complete(after("target t {\n  <|>\n}"));
    expect(labels).toEqual(expect.arrayContaining(["start on", "pause on", "resume on", "stop on", "kpi", "calendar", "goals", "goals block"]));
    // A second rule of a kind is SLA103: the kinds written above or below are not offered again.
    const written = await complete(after("target t {\n  start on open\n  <|>\n  stop on resolve\n}"));
    expect(written.labels.filter((l) => l.endsWith(" on"))).toEqual(["pause on", "resume on", "restart on"]);
    const escalation = await complete(after("escalation {\n  stop on resolve\n  <|>\n}"));
    expect(escalation.labels.filter((l) => l.endsWith(" on"))).toEqual(["start on", "pause on", "resume on"]);
  });

  it("offers event kinds after `on`, without those already listed", async () => {
    expect((await complete(after("target t {\n  stop on <|>\n}"))).labels).toEqual([
      "open",
      "approve",
      "pause",
      "resume",
      "respond",
      "resolve",
      "reprioritize",
    ]);
    expect((await complete(after("target t {\n  stop on respond, <|>\n}"))).labels).not.toContain("respond");
  });

  it("offers channels after `ineligible channel` in credits", async () => {
    expect((await complete(after("credits {\n  ineligible channel <|>\n}"))).labels).toEqual(["portal", "phone", "email"]);
  });

  it("offers what a claim deadline counts from: the period, each breach, each outage", async () => {
    expect((await complete(after("credits {\n  claim <|>\n}"))).labels).toEqual(["by end of next month", "within", "subject", "required"]);
    expect((await complete(after("credits {\n  claim within 30 days after <|>\n}"))).labels).toEqual(["period", "breach", "outage"]);
  });

  it("offers the example lines, then names by field", async () => {
    expect((await complete(after('example "e" {\n  <|>\n}'))).labels).toEqual(expect.arrayContaining(["ticket", "priority", "opened", "expect", "pause at"]));
    expect((await complete(after('example "e" {\n  region <|>\n}'))).labels).toEqual(["americas", "europe", "middle_east_sun_thu", "middle_east_mon_fri"]);
    expect((await complete(after('example "e" {\n  expect <|>\n}'))).labels).toEqual(expect.arrayContaining(["response", "escalation", "credit"]));
    expect((await complete(after('example "e" {\n  expect escalation <|>\n}'))).labels).toContain("support_team");
    expect((await complete(after('example "e" {\n  expect response <|>\n}'))).labels).toEqual(expect.arrayContaining(["met", "breached", "due"]));
  });
});

describe("completion in tables", () => {
  const goals = (row: string) =>
    imagicle.replace(
      "| P4       | best effort       | 8 business hours    | 8 business hours |",
      `| P4 | best effort | 8 business hours | 8 business hours |\n    ${row}`,
    );

  it("offers header words and plans in the header row", async () => {
    const { labels } = await complete(after("target t {\n  goals {\n    | priority | <|>\n  }\n}"));
    expect(labels).toEqual(expect.arrayContaining(["basic", "gold", "platinum", "goal"]));
    expect((await complete(after("target t {\n  goals {\n    | <|>\n  }\n}"))).labels).toEqual(["priority", "plan"]);
  });

  it("offers the priorities that have no row yet in the key column", async () => {
    const text = after("target t {\n  goals {\n    | priority | goal |\n    | P1 | 2 hours |\n    | <|>\n  }\n}");
    expect((await complete(text)).labels).toEqual(["P2", "P3", "P4"]);
  });

  it("offers goals, units and phrases in goal cells", async () => {
    expect((await complete(goals("| P9 | <|>"))).labels).toEqual(
      expect.arrayContaining(["next business day", "same business day", "best effort", "business hours"]),
    );
    expect((await complete(goals("| P9 | 4 <|>"))).labels).toEqual(["business", "minutes", "hours", "days", "weeks", "support days"]);
    expect((await complete(goals("| P9 | 2 support <|>"))).labels).toEqual(["days"]);
    expect((await complete(goals("| P9 | 4 business <|>"))).labels).toEqual(["minutes", "hours", "days"]);
    expect((await complete(goals("| P9 | next <|>"))).labels).toEqual(["business day"]);
    expect((await complete(goals("| P9 | best <|>"))).labels).toEqual(["effort"]);
    expect((await complete(goals("| P9 | 4<|>"))).labels).toEqual([]);
  });

  it("offers roles in an escalation's `to` column", async () => {
    const text = imagicle.replace("| P4       | 40 business hours | support_regional_manager |", "| P4 | 40 business hours | <|>");
    const { labels } = await complete(text);
    expect(labels).toEqual(["support_team", "support_regional_manager", "support_manager", "co_ceo_cto", "ceo"]);
  });
});

describe("completion on broken and half-typed documents", () => {
  it("works at the end of a half-typed target with no closing braces", async () => {
    const { labels } = await complete(`${imagicle}\ntarget resolution "Resolution" {\n  start on open\n  stop on <|>`);
    expect(labels).toContain("resolve");
  });

  it("offers names from the rest of a document with syntax errors", async () => {
    const broken = imagicle.replace('calendar europe_hours "Europe Business Hours" {', 'calendar europe_hours "Europe Business Hours" { Mon-');
    expect((await complete(`${broken}\nescalation for <|>`)).labels).toEqual(["basic", "gold", "platinum"]);
  });

  it("offers goals in a half-typed row of a broken table", async () => {
    const { labels } = await complete(
      'policy p\npriority P1 "a"\ncalendar c { zone "UTC" 24x7 }\ntarget t {\n  goals {\n    | priority | goal |\n    | P1 | <|>',
    );
    expect(labels).toContain("best effort");
  });
});

describe("completion of credits in days of the Term", () => {
  it("offers `days of term` after a number in an availability's credit column and after `cap N`", async () => {
    const band = 'policy p\navailability up {\n  commit 99.5%\n  credits {\n    | below | credit |\n    | 99.5% | 3 <|>';
    expect((await complete(band)).labels).toContain("days of term");
    expect((await complete(band.replace("3 <|>", "3 days <|>"))).labels).toContain("of term");
    expect((await complete("policy p\ncredits {\n  cap 15 <|>")).labels).toContain("days of term");
    expect((await complete("policy p\ncredits {\n  cap 15% <|>")).labels).not.toContain("days of term");
  });
});
