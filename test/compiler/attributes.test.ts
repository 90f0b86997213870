/**
 * The checker on issue 11: conditions resolved against fields, flags, causes, priorities and
 * plans; declared events; `from ticket`; and the silent mistakes now reported (legacy zones,
 * ISO-3 and country-name holiday codes).
 */
import { describe, expect, it } from "vitest";
import { expectClean, expectDiagnostic, PRELUDE, RESPONSE } from "./helpers.js";

const ATTRS = `${PRELUDE}field product "Product" { broker "Broker"  edge "Edge" }
flag phone_escalated "escalated via phone"
calendar always { zone "UTC" 24x7 }
`;

describe("conditions", () => {
  it("lower each kind of test into the IR, `and` joining them", () => {
    const r = expectClean(`${ATTRS}plan gold "Gold"
plan platinum extends gold "Platinum"
region eu { calendar office  calendar always for gold and priority P1 and phone_escalated  calendar always for product edge }
${RESPONSE}`);
    expect(r.ir!.regions[0]!.calendarRules!.map((x) => x.when)).toEqual([
      [{ on: "plan", values: ["gold", "platinum"] }, { on: "priority", values: ["P1"] }, { on: "flag", flag: "phone_escalated" }],
      [{ on: "field", field: "product", values: ["edge"] }],
    ]);
  });

  it("report an unknown field value with the field's values", () => {
    const d = expectDiagnostic(`${ATTRS}region eu { calendar office  calendar always for product core }\n${RESPONSE}`, "SLA101", "core");
    expect(d.message).toBe("unknown value `core` of field `product`");
    expect(d.help).toBe("values of `product`: `broker`, `edge`");
  });

  it("report values given to a flag", () => {
    expectDiagnostic(`${ATTRS}region eu { calendar office  calendar always for phone_escalated yes }\n${RESPONSE}`, "SLA106", "phone_escalated yes");
  });

  it("keep `calendar X for gold` a plan's calendar (the seeds' meaning)", () => {
    const r = expectClean(`${ATTRS}plan gold "Gold"\nregion eu { calendar office  calendar always for gold }\n${RESPONSE}`);
    expect(r.ir!.regions[0]!.planCalendars).toEqual({ gold: "always" });
    expect(r.ir!.regions[0]!.calendarRules).toBeUndefined();
  });
});

describe("declared events", () => {
  it("are accepted in clock rules, and an unknown one gets a did-you-mean", () => {
    const ok = expectClean(`${PRELUDE}event escalation_requested "asked for a duty manager"
target duty { start on escalation_requested  stop on respond  goals { | priority | goal | | P1 | 1 hour | | P2 | 1 hour | } }`);
    expect(ok.ir!.targets[0]!.clock.start).toEqual(["escalation_requested"]);
    const d = expectDiagnostic(`${PRELUDE}event escalation_requested "x"
target duty { start on escalation_requestd  stop on respond  goals { | priority | goal | | P1 | 1 hour | | P2 | 1 hour | } }`, "SLA101", "escalation_requestd");
    expect(d.help).toBe("did you mean `escalation_requested`?");
  });
});

describe("mistakes that passed silently", () => {
  it("`zone \"EST\"` is a warning with the place it usually means, and a fix", () => {
    const d = expectDiagnostic(`policy t "T"\ncalendar c { zone "EST" Mon-Fri 09:00-17:00 }\n`, "SLA903", '"EST"');
    expect(d.severity).toBe("warning");
    expect(d.fixes?.[0]?.edits[0]?.newText).toBe('"America/New_York"');
  });

  it("an abbreviation that is no IANA name suggests the place too", () => {
    const d = expectDiagnostic(`policy t "T"\ncalendar c { zone "CEST" Mon-Fri 09:00-17:00 }\n`, "SLA201", '"CEST"');
    expect(d.help).toBe("did you mean `Europe/Paris`?");
  });

  it("`holidays \"USA\"` suggests `US` (not `SA`), a country's name its code", () => {
    expect(expectDiagnostic(`policy t "T"\ncalendar c { zone "UTC" Mon-Fri 09:00-17:00 holidays "USA" }\n`, "SLA202", '"USA"').help).toMatch(/^did you mean `US`\?/);
    expect(expectDiagnostic(`policy t "T"\ncalendar c { zone "UTC" Mon-Fri 09:00-17:00 holidays "Germany" }\n`, "SLA202", '"Germany"').help).toMatch(/^did you mean `DE`\?/);
    expect(expectDiagnostic(`policy t "T"\ncalendar c { zone "UTC" Mon-Fri 09:00-17:00 holidays "GBR" }\n`, "SLA202", '"GBR"').help).toMatch(/^did you mean `GB`\?/);
  });

  it("`zone from ticket` belongs to calendars only", () => {
    expectDiagnostic(`${PRELUDE}${RESPONSE}\ncredits { zone from ticket  target response  { | priority | credit | | P1 | 10% | } }`, "SLA103", "zone from ticket");
  });
});

describe("declared events beyond the runtime's masks", () => {
  it("are an error at the 25th, not a crash when the policy is loaded", () => {
    const events = Array.from({ length: 25 }, (_, i) => `event e${i} "event ${i}"`).join("\n");
    expectDiagnostic(`${PRELUDE}${events}\n${RESPONSE}`, "SLA106", "e24");
  });
});
