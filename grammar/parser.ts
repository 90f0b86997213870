/**
 * The `.sla` grammar (SPEC §1) as a chevrotain CstParser with error recovery.
 *
 * Newlines carry no meaning: every clause starts with its own keyword, and tables delimit their
 * cells with `|`, so a file can be re-flowed by the formatter without changing what it says.
 */
import type { CstNode, ParserMethod } from "chevrotain";
import type { FileCstNode } from "./cst.generated.js";
import { BoundedRecoveryParser } from "./chevrotain-internals.js";
import * as T from "./tokens.js";

/** The grammar; error recovery is bounded by `BoundedRecoveryParser` (chevrotain workarounds). */
export class SlaParser extends BoundedRecoveryParser {
  constructor() {
    // The grammar's self-checks (ambiguities, left recursion) cost ~25 ms at every start: they run
    // in the tests (from source), and the bundled CLI (NODE_ENV "production") skips them.
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "onlyOffset", skipValidations: process.env.NODE_ENV === "production" });
    this.performSelfAnalysis();
  }

  // A policy file: the header, then declarations in any order. Typed as the generated root node
  // (`npm run gen:cst`): the CST's readers take the tree from here through the generated types.
  file = this.RULE("file", () => {
    this.OPTION(() => this.SUBRULE(this.policyHeader));
    this.MANY(() => this.SUBRULE(this.declaration));
  }) as ParserMethod<[], FileCstNode>;

  policyHeader = this.RULE("policyHeader", () => {
    this.CONSUME(T.Policy);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.calendarDecl) },
      { ALT: () => this.SUBRULE(this.regionDecl) },
      { ALT: () => this.SUBRULE(this.namedDecl) },
      { ALT: () => this.SUBRULE(this.priorityCapDecl) },
      { ALT: () => this.SUBRULE(this.fieldDecl) },
      { ALT: () => this.SUBRULE(this.excludeDecl) },
      { ALT: () => this.SUBRULE(this.targetDecl) },
      { ALT: () => this.SUBRULE(this.escalationDecl) },
      { ALT: () => this.SUBRULE(this.creditsDecl) },
      { ALT: () => this.SUBRULE(this.availabilityDecl) },
      { ALT: () => this.SUBRULE(this.objectiveDecl) },
      { ALT: () => this.SUBRULE(this.feesDecl) },
      { ALT: () => this.SUBRULE(this.periodDecl) },
      { ALT: () => this.SUBRULE(this.exampleDecl) },
    ]);
  });

  // SPEC §1 plans, priorities, roles, channels, kinds of work, obligations; issue 11 boolean
  // ticket flags, declared events and causes: `plan platinum extends gold "ImagicleCare Platinum"`,
  // `flag phone_escalated "escalated via phone"`, `event escalation_requested "…"`.
  namedDecl = this.RULE("namedDecl", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Plan) },
      { ALT: () => this.CONSUME(T.Priority) },
      { ALT: () => this.CONSUME(T.Role) },
      { ALT: () => this.CONSUME(T.Channel) },
      { ALT: () => this.CONSUME(T.Work) },
      { ALT: () => this.CONSUME(T.Obligation) },
      { ALT: () => this.CONSUME(T.Flag) },
      { ALT: () => this.CONSUME(T.Event) },
      { ALT: () => this.CONSUME(T.Cause) },
    ]);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.Extends);
      this.CONSUME2(T.Identifier);
    });
    this.OPTION2(() => this.CONSUME(T.StringLit));
  });

  // Issue 11/12 follow-up: a cap on the level that judges the tickets meeting the condition,
  // "issues in non-production environments are at most P3": `priority at most P3 for
  // environment non_production "…"` (a more urgent level in force counts as P3).
  priorityCapDecl = this.RULE("priorityCapDecl", () => {
    this.CONSUME(T.Priority);
    this.CONSUME(T.At);
    this.CONSUME(T.Most);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.For);
    this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.SUBRULE(this.condition) });
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // Issue 11 enumerated ticket fields: `field product "Product" { x "Product X"  y "Product Y" }`.
  fieldDecl = this.RULE("fieldDecl", () => {
    this.CONSUME(T.Field);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.fieldValue));
    this.CONSUME(T.RCurly);
  });

  // `x "Product X"`: one value of an enumerated field and the document's words for it.
  fieldValue = this.RULE("fieldValue", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // SPEC §1 exclusions: `exclude channel email "no SLA applies to email"`; issue 11 exclusions by
  // ticket attribute: `exclude product beta "…"` (a field's value), `exclude beta_feature "…"` (a flag).
  excludeDecl = this.RULE("excludeDecl", () => {
    this.CONSUME(T.Exclude);
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Channel) }, { ALT: () => this.CONSUME(T.Cause) }]);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.OPTION2(() => this.CONSUME3(T.Identifier));
        },
      },
    ]);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // Issue 11 conditions on a ticket: `gold, platinum` (plans), `priority P1`, `cause x`,
  // `channel phone` (the channel it came in by), `product a, b` (an enumerated field's values),
  // `phone_escalated` (a flag).
  condition = this.RULE("condition", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Priority) }, { ALT: () => this.CONSUME(T.Cause) }, { ALT: () => this.CONSUME(T.Channel) }]);
          this.SUBRULE(this.nameList);
        },
      },
      {
        GATE: () => this.LA(2).tokenType === T.Identifier,
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.SUBRULE2(this.nameList);
        },
      },
      { ALT: () => this.SUBRULE3(this.nameList) },
    ]);
  });

  // SPEC §2.2 calendars.
  calendarDecl = this.RULE("calendarDecl", () => {
    this.CONSUME(T.Calendar);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION2(() => {
      this.CONSUME(T.Extends);
      this.CONSUME2(T.Identifier);
    });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.calendarItem));
    this.CONSUME(T.RCurly);
  });

  calendarItem = this.RULE("calendarItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.zoneClause) },
      { ALT: () => this.SUBRULE(this.holidaysClause) },
      { ALT: () => this.SUBRULE(this.openOnHolidays) },
      { ALT: () => this.SUBRULE(this.closedClause) },
      { ALT: () => this.SUBRULE(this.holidayRule) },
      { ALT: () => this.SUBRULE(this.openingClause) },
      { ALT: () => this.SUBRULE(this.alwaysClause) },
      { ALT: () => this.SUBRULE(this.daysClause) },
      { ALT: () => this.SUBRULE(this.hoursClause) },
    ]);
  });

  // `zone "Europe/Rome"`; issue 11 the customer's zone: `zone from ticket`
  zoneClause = this.RULE("zoneClause", () => {
    this.CONSUME(T.Zone);
    this.OR([{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.SUBRULE(this.fromTicket) }]);
  });

  // `holidays "IT"`, `holidays "DE-BY", "AT"` (SPEC §2.4); issue 11 `holidays from ticket`
  holidaysClause = this.RULE("holidaysClause", () => {
    this.CONSUME(T.Holidays);
    this.OR([
      { ALT: () => this.SUBRULE(this.fromTicket) },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.StringLit) }) },
    ]);
  });

  // `from ticket`: the value comes with each ticket (its `customer` object).
  fromTicket = this.RULE("fromTicket", () => {
    this.CONSUME(T.From);
    this.CONSUME(T.Ticket);
  });

  openOnHolidays = this.RULE("openOnHolidays", () => {
    this.CONSUME(T.Open);
    this.CONSUME(T.On);
    this.CONSUME(T.Holidays);
  });

  // `closed 2026-12-25`, `closed 2026-12-24 from 13:00`, `closed 2026-08-14 12:00-14:00`; issue 11.6
  // date ranges `closed 2026-12-29 to 2027-01-03` and yearly closures `closed every Dec 24 from 14:00`
  closedClause = this.RULE("closedClause", () => {
    this.CONSUME(T.Closed);
    this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Every);
          this.SUBRULE(this.yearDay);
          this.OPTION3(() => this.SUBRULE(this.observedClause));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.DateLit);
          this.OPTION2(() => {
            this.CONSUME(T.To);
            this.CONSUME2(T.DateLit);
          });
        },
      },
    ]);
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.From);
            this.CONSUME(T.ClockTime);
          },
        },
        { ALT: () => this.SUBRULE(this.windowList) },
      ]),
    );
  });

  // Issue 11.6 a vendor's own holiday list: `holiday "Memorial Day" last Mon of May`,
  // `holiday "Independence Day" Jul 4 observed nearest weekday`
  holidayRule = this.RULE("holidayRule", () => {
    this.CONSUME(T.Holiday);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.SUBRULE(this.yearDay);
    this.OPTION2(() => this.SUBRULE(this.observedClause));
  });

  // A date of every year: `Dec 24`, or a weekday of a month `third Mon of Jan`, `last Mon of May`,
  // or the day after one (`day after fourth Thu of Nov`)
  yearDay = this.RULE("yearDay", () => {
    // `day after fourth Thu of Nov`: the Friday after Thanksgiving
    this.OPTION(() => {
      this.CONSUME(T.Day);
      this.CONSUME(T.After);
    });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Month);
          this.CONSUME(T.NumberLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Ordinal);
          this.CONSUME(T.Weekday);
          this.CONSUME(T.Of);
          this.CONSUME2(T.Month);
        },
      },
    ]);
  });

  // Where a date on a weekend is kept: `observed nearest weekday` (Sat → Fri, Sun → Mon),
  // `observed next weekday` (→ Mon), `observed next weekday when on Sun` (only Sundays move);
  // `observed next free weekday`: the UK substitute day, past the calendar's other holidays
  // (Christmas on a Saturday → Monday 27, Boxing Day → Tuesday 28)
  observedClause = this.RULE("observedClause", () => {
    this.CONSUME(T.Observed);
    this.OR([
      { ALT: () => this.CONSUME(T.Nearest) },
      {
        ALT: () => {
          this.CONSUME(T.Next);
          this.OPTION2(() => this.CONSUME(T.Free));
        },
      },
    ]);
    this.CONSUME(T.WeekdayWord);
    this.OPTION(() => {
      this.CONSUME(T.When);
      this.CONSUME(T.On);
      this.SUBRULE(this.dayList);
    });
  });

  // `open 2026-12-27 10:00-14:00`
  openingClause = this.RULE("openingClause", () => {
    this.CONSUME(T.Open);
    this.CONSUME(T.DateLit);
    this.SUBRULE(this.windowList);
  });

  alwaysClause = this.RULE("alwaysClause", () => {
    this.CONSUME(T.AlwaysOpen);
  });

  // Days-only calendar: `days Mon-Fri`
  daysClause = this.RULE("daysClause", () => {
    this.CONSUME(T.Days);
    this.SUBRULE(this.dayList);
  });

  // `Mon-Thu 08:00-12:00, 13:00-17:00`
  hoursClause = this.RULE("hoursClause", () => {
    this.SUBRULE(this.dayList);
    this.SUBRULE(this.windowList);
  });

  dayList = this.RULE("dayList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.dayRange) });
  });

  dayRange = this.RULE("dayRange", () => {
    this.CONSUME(T.Weekday);
    this.OPTION(() => {
      this.CONSUME(T.Dash);
      this.CONSUME2(T.Weekday);
    });
  });

  windowList = this.RULE("windowList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.window) });
  });

  window = this.RULE("window", () => {
    this.CONSUME(T.ClockTime);
    this.CONSUME(T.Dash);
    this.CONSUME2(T.ClockTime);
  });

  // SPEC §1 regions: calendar per plan, languages with an SLA.
  regionDecl = this.RULE("regionDecl", () => {
    this.CONSUME(T.Region);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.regionItem));
    this.CONSUME(T.RCurly);
  });

  regionItem = this.RULE("regionItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.calendarRef) },
      { ALT: () => this.SUBRULE(this.languagesClause) },
    ]);
  });

  // `calendar europe_hours`, `calendar europe_extended for gold, platinum`, `calendar for gold`,
  // `calendar always for priority P1`, `calendar always for phone_escalated` (issue 11)
  calendarRef = this.RULE("calendarRef", () => {
    this.CONSUME(T.Calendar);
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.OPTION2(() => {
      this.CONSUME(T.For);
      this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.SUBRULE(this.condition) });
    });
  });

  // `languages en, it` / `optional languages fr, es`
  languagesClause = this.RULE("languagesClause", () => {
    this.OPTION(() => this.CONSUME(T.Optional));
    this.CONSUME(T.Languages);
    this.SUBRULE(this.wordList);
  });

  nameList = this.RULE("nameList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
  });

  wordList = this.RULE("wordList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Word) });
  });

  // SPEC §1 targets: clock rules and a goal matrix.
  targetDecl = this.RULE("targetDecl", () => {
    this.CONSUME(T.Target);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.clockRule) },
        { ALT: () => this.SUBRULE(this.kpiClause) },
        { ALT: () => this.SUBRULE(this.calendarRef) },
        { ALT: () => this.SUBRULE(this.goalsClause) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  // SPEC §2.14: `start on approve`, `stop on respond, resolve`; issue 11.5 `restart on respond`
  clockRule = this.RULE("clockRule", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Start) },
      { ALT: () => this.CONSUME(T.Pause) },
      { ALT: () => this.CONSUME(T.Resume) },
      { ALT: () => this.CONSUME(T.Stop) },
      // issue 11.5: a recurring obligation's next interval starts at each of these events
      { ALT: () => this.CONSUME(T.Restart) },
    ]);
    this.CONSUME(T.On);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.eventKind) });
  });

  // A ticket event: a built-in one, or one the policy declares (`event escalation_requested`).
  eventKind = this.RULE("eventKind", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.Open) },
      { ALT: () => this.CONSUME(T.Approve) },
      { ALT: () => this.CONSUME(T.Pause) },
      { ALT: () => this.CONSUME(T.Resume) },
      { ALT: () => this.CONSUME(T.Respond) },
      { ALT: () => this.CONSUME(T.Resolve) },
      { ALT: () => this.CONSUME(T.Reprioritize) },
    ]);
  });

  kpiClause = this.RULE("kpiClause", () => {
    this.CONSUME(T.Kpi);
    this.OPTION(() => this.CONSUME(T.StringLit));
  });

  // `goals { … }`; issue 11 a section for some tickets: `goals for product a, b { … }`
  goalsClause = this.RULE("goalsClause", () => {
    this.CONSUME(T.Goals);
    this.OPTION(() => {
      this.CONSUME(T.For);
      this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.SUBRULE(this.condition) });
    });
    this.SUBRULE(this.table);
  });

  // A table: `{ | priority | basic | gold | … }` — the first row is the header.
  table = this.RULE("table", () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.row));
    this.CONSUME(T.RCurly);
  });

  row = this.RULE("row", () => {
    this.CONSUME(T.Pipe);
    this.AT_LEAST_ONE(() => {
      this.SUBRULE(this.cell);
      this.CONSUME2(T.Pipe);
    });
  });

  cell = this.RULE("cell", () => {
    this.OR([
      {
        // issue 11 follow-up: `3 support days`, days of the calendar's support hours ("response
        // 3 days within Support Hours"); `support` stays a name elsewhere (`work support`)
        GATE: () => this.LA(2).image === "support",
        ALT: () => {
          this.CONSUME(T.NumberLit);
          this.CONSUME4(T.Identifier);
          this.OR2([{ ALT: () => this.CONSUME3(T.Day) }, { ALT: () => this.CONSUME(T.Days) }]);
        },
      },
      { ALT: () => this.SUBRULE(this.duration) },
      {
        ALT: () => {
          this.CONSUME(T.Next);
          this.CONSUME(T.Business);
          this.CONSUME(T.Day);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Same);
          this.CONSUME2(T.Business);
          this.CONSUME2(T.Day);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Best);
          this.CONSUME(T.Effort);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Percent);
          this.OPTION(() => {
            this.CONSUME(T.Of);
            this.CONSUME(T.Identifier);
          });
        },
      },
      {
        // a name, or a field's value as a goal column (`| priority | product x | product y |`)
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.OPTION2(() => this.CONSUME3(T.Identifier));
        },
      },
      { ALT: () => this.CONSUME(T.None) },
      // header words
      { ALT: () => this.CONSUME(T.Priority) },
      { ALT: () => this.CONSUME(T.Plan) },
      { ALT: () => this.CONSUME(T.Goal) },
      { ALT: () => this.CONSUME(T.After) },
      { ALT: () => this.CONSUME(T.To) },
      { ALT: () => this.CONSUME(T.Credit) },
      // issue 12.3: an availability band table `| below | credit |`
      { ALT: () => this.CONSUME(T.Below) },
    ]);
  });

  // `60 minutes`, `4 business hours`, `3 business days`, `1 week`
  duration = this.RULE("duration", () => {
    this.CONSUME(T.NumberLit);
    this.OPTION(() => this.CONSUME(T.Business));
    this.SUBRULE(this.unit);
  });

  unit = this.RULE("unit", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Unit) },
      { ALT: () => this.CONSUME(T.Day) },
      { ALT: () => this.CONSUME(T.Days) },
    ]);
  });

  // SPEC §1 escalations: `escalation for gold, platinum { calendar for gold  | priority | after | to | … }`
  escalationDecl = this.RULE("escalationDecl", () => {
    this.CONSUME(T.Escalation);
    this.OPTION(() => {
      this.CONSUME(T.For);
      this.SUBRULE(this.nameList);
    });
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.clockRule) },
        { ALT: () => this.SUBRULE(this.calendarRef) },
        { ALT: () => this.SUBRULE(this.table) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  // SPEC §6 service credits.
  creditsDecl = this.RULE("creditsDecl", () => {
    this.CONSUME(T.Credits);
    this.OPTION(() => {
      this.CONSUME(T.For);
      this.SUBRULE(this.nameList);
    });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.creditsItem));
    this.CONSUME(T.RCurly);
  });

  creditsItem = this.RULE("creditsItem", () => {
    this.OR([
      // `zone "Europe/Rome"`: where the service period and the claim deadline are read
      { ALT: () => this.SUBRULE(this.zoneClause) },
      {
        // `target response`: whose breach earns a credit
        ALT: () => {
          this.CONSUME(T.Target);
          this.SUBRULE(this.nameList);
        },
      },
      { ALT: () => this.SUBRULE(this.table) },
      {
        // `claim by end of next month`, `claim subject "SLA Credit Request"`
        ALT: () => {
          this.CONSUME(T.Claim);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.By);
                this.CONSUME(T.End);
                this.CONSUME(T.Of);
                this.CONSUME(T.Next);
                this.CONSUME(T.Unit);
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.Subject);
                this.CONSUME(T.StringLit);
              },
            },
            {
              // issue 12: `claim within 30 days after period`, `claim within 30 days after breach`
              ALT: () => {
                this.CONSUME(T.Within);
                this.CONSUME(T.NumberLit);
                this.CONSUME(T.Days);
                this.CONSUME(T.After);
                // `after outage`: a deadline per outage of the period ("within 30 days of the incident")
                this.OR4([{ ALT: () => this.CONSUME(T.Period) }, { ALT: () => this.CONSUME(T.Breach) }, { ALT: () => this.CONSUME(T.Outage) }]);
              },
            },
          ]);
        },
      },
      {
        // issue 12: `sum per breach`: each eligible breached ticket adds its row's percentage
        ALT: () => {
          this.CONSUME(T.Sum);
          this.CONSUME(T.Per);
          this.CONSUME2(T.Breach);
        },
      },
      {
        // issue 12: `amount 500 EUR per breach`: a fixed amount for each eligible breached ticket
        ALT: () => {
          this.CONSUME(T.Amount);
          this.SUBRULE(this.money);
          this.CONSUME2(T.Per);
          this.CONSUME3(T.Breach);
        },
      },
      {
        // issue 12: `above 4 breaches 20%`: more than 4 eligible breached tickets in the period
        ALT: () => {
          this.CONSUME(T.Above);
          this.CONSUME2(T.NumberLit);
          this.CONSUME4(T.Breach);
          this.CONSUME2(T.Percent);
        },
      },
      {
        // `ineligible channel email`, `ineligible optional languages`
        ALT: () => {
          this.CONSUME(T.Ineligible);
          this.OR3([
            // `ineligible channel email` is the condition's `channel` form (read back as the
            // channel list the IR has always had for it)
            {
              ALT: () => {
                this.CONSUME(T.Optional);
                this.CONSUME(T.Languages);
              },
            },
            {
              // `ineligible account overdue, suspended`: the period's account standing voids the credit
              ALT: () => {
                this.CONSUME(T.Account);
                this.SUBRULE2(this.nameList);
              },
            },
            // issue 11: `ineligible cause x`, `ineligible product beta`, `ineligible phone_escalated`
            { ALT: () => this.SUBRULE(this.condition) },
          ]);
        },
      },
      {
        // `cap 50%`; `cap 100% per target`: each target's credits bounded on their own ("each
        // credit up to 100 % of the fees")
        ALT: () => {
          this.CONSUME(T.Cap);
          this.CONSUME(T.Percent);
          this.OPTION(() => {
            this.CONSUME3(T.Per);
            this.CONSUME2(T.Target);
          });
        },
      },
      {
        // `credit per started hour late`: each breach's row earned again for every started hour
        // between its due time and its stop ("5 % for each additional hour (or portion thereof)")
        ALT: () => {
          this.CONSUME(T.Credit);
          this.SUBRULE(this.creditStep);
          this.CONSUME(T.Late);
        },
      },
      {
        // `credit on next invoice`: the period's credit is deducted from the following period's
        // invoice ("you receive a credit on your next invoice")
        ALT: () => {
          this.CONSUME2(T.Credit);
          this.CONSUME(T.On);
          this.CONSUME2(T.Next);
          this.CONSUME(T.Invoice);
        },
      },
      {
        // `no claim for enterprise`: those plans' credits are owed without a claim ("Enterprise:
        // credits awarded automatically, no claim required")
        ALT: () => {
          this.CONSUME(T.No);
          this.CONSUME2(T.Claim);
          this.CONSUME(T.For);
          this.SUBRULE3(this.nameList);
        },
      },
    ]);
  });

  // `per started 30 minutes`, `per hour`: the step a credit grows by; `started` counts a step
  // begun as whole ("for each 30 minutes … (or portion thereof)")
  creditStep = this.RULE("creditStep", () => {
    this.CONSUME(T.Per);
    this.OPTION(() => this.CONSUME(T.Started));
    this.OPTION2(() => this.CONSUME(T.NumberLit));
    this.SUBRULE(this.unit);
  });

  // Issue 12.3 an availability (uptime) commitment: "99.9 % monthly uptime; below it 10 % …;
  // scheduled maintenance announced 48 hours ahead does not count, up to 4 hours a month".
  availabilityDecl = this.RULE("availabilityDecl", () => {
    this.CONSUME(T.Availability);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    // `for foundation`: the commitment of those plans only (a commitment per service level)
    this.OPTION2(() => {
      this.CONSUME(T.For);
      this.SUBRULE(this.nameList);
    });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.availabilityItem));
    this.CONSUME(T.RCurly);
  });

  availabilityItem = this.RULE("availabilityItem", () => {
    this.OR([
      {
        // `commit 99.9%`; `commit 99.9% per quarter starting Apr 1`: measured over its own
        // window ("per fiscal quarter"), judged in a period that is exactly one window
        ALT: () => {
          this.CONSUME(T.Commit);
          this.CONSUME(T.Percent);
          this.OPTION(() => {
            this.CONSUME(T.Per);
            this.SUBRULE(this.periodShape);
          });
        },
      },
      {
        // `credit 10 × downtime fee`: the credit is a multiple of the fee paid for the downtime
        ALT: () => {
          this.CONSUME(T.Credit);
          this.CONSUME2(T.NumberLit);
          this.CONSUME(T.Times);
          this.CONSUME(T.Downtime);
          this.CONSUME(T.Fee);
        },
      },
      {
        // `credit 5% per started 30 minutes, up to 100%`: a percentage of the fees for each step
        // of counted downtime, bounded on its own
        ALT: () => {
          this.CONSUME2(T.Credit);
          this.CONSUME2(T.Percent);
          this.SUBRULE(this.creditStep);
          this.OPTION2(() => {
            this.CONSUME(T.Comma);
            this.CONSUME(T.Up);
            this.CONSUME(T.To);
            this.CONSUME3(T.Percent);
          });
        },
      },
      {
        // `component api, console`: the outages that count (all when absent)
        ALT: () => {
          this.CONSUME(T.Component);
          this.SUBRULE(this.nameList);
        },
      },
      {
        // `over elapsed time`, `over calendar europe_hours`
        ALT: () => {
          this.CONSUME(T.Over);
          this.OR2([
            {
              ALT: () => {
                this.CONSUME(T.Elapsed);
                this.CONSUME(T.Time);
              },
            },
            {
              ALT: () => {
                this.CONSUME(T.Calendar);
                this.CONSUME(T.Identifier);
              },
            },
          ]);
        },
      },
      { ALT: () => this.SUBRULE(this.excuseClause) },
      { ALT: () => this.SUBRULE(this.shownClause) },
      {
        // `credits { | below | credit | … }`
        ALT: () => {
          this.CONSUME(T.Credits);
          this.SUBRULE(this.table);
        },
      },
    ]);
  });

  // `excuse scheduled announced 48 hours ahead, up to 4 hours per period`; `excuse scheduled
  // within calendar maintenance_window, up to 2 hours each`; `excuse cause force_majeure, customer`
  excuseClause = this.RULE("excuseClause", () => {
    this.CONSUME(T.Excuse);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Cause);
          this.SUBRULE(this.nameList);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Scheduled);
          this.OPTION(() => {
            this.CONSUME(T.Within);
            this.CONSUME(T.Calendar);
            this.CONSUME(T.Identifier);
          });
          this.OPTION2(() => {
            this.CONSUME(T.Announced);
            this.SUBRULE(this.duration);
            this.CONSUME(T.Ahead);
          });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE(this.excuseLimit);
          });
        },
      },
    ]);
  });

  // `up to 2 hours each` (per outage) or `up to 4 hours per period`
  excuseLimit = this.RULE("excuseLimit", () => {
    this.CONSUME(T.Up);
    this.CONSUME(T.To);
    this.SUBRULE(this.duration);
    this.OR([
      { ALT: () => this.CONSUME(T.Each) },
      {
        ALT: () => {
          this.CONSUME(T.Per);
          this.CONSUME(T.Period);
        },
      },
    ]);
  });

  // `shown to 3 decimals`: the precision a measured share is reported to (truncated)
  shownClause = this.RULE("shownClause", () => {
    this.CONSUME(T.Shown);
    this.CONSUME(T.To);
    this.CONSUME(T.NumberLit);
    this.CONSUME(T.Decimals);
  });

  // Issue 12.4 an objective over a share of tickets: "95 % of Critical tickets resolved within
  // 2 hours, each month", with a credit when missed.
  objectiveDecl = this.RULE("objectiveDecl", () => {
    this.CONSUME(T.Objective);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.objectiveItem));
    this.CONSUME(T.RCurly);
  });

  objectiveItem = this.RULE("objectiveItem", () => {
    this.OR([
      {
        // `95% of tickets meet resolution`
        ALT: () => {
          this.CONSUME(T.Percent);
          this.CONSUME(T.Of);
          this.CONSUME(T.Tickets);
          this.CONSUME(T.Meet);
          this.CONSUME(T.Identifier);
        },
      },
      {
        // `for priority P1`: the tickets the share is taken over
        ALT: () => {
          this.CONSUME(T.For);
          this.SUBRULE(this.condition);
        },
      },
      {
        // `credit 5%`: of the period's fees, when the objective is missed
        ALT: () => {
          this.CONSUME(T.Credit);
          this.CONSUME2(T.Percent);
        },
      },
      { ALT: () => this.SUBRULE(this.shownClause) },
    ]);
  });

  // SPEC §6 fees and invoices.
  feesDecl = this.RULE("feesDecl", () => {
    this.CONSUME(T.Fees);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.feesItem));
    this.CONSUME(T.RCurly);
  });

  feesItem = this.RULE("feesItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.zoneClause) },
      {
        ALT: () => {
          this.CONSUME(T.Currency);
          this.CONSUME(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Plus);
          this.CONSUME(T.Vat);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.Vat);
          this.CONSUME(T.Percent);
        },
      },
      { ALT: () => this.SUBRULE(this.rateClause) },
      {
        ALT: () => {
          this.CONSUME(T.Free);
          this.SUBRULE(this.nameList);
        },
      },
      { ALT: () => this.SUBRULE(this.allowanceClause) },
      { ALT: () => this.SUBRULE(this.packageDecl) },
      { ALT: () => this.SUBRULE(this.invoiceClause) },
      { ALT: () => this.SUBRULE(this.paymentClause) },
      { ALT: () => this.SUBRULE(this.lateChargeClause) },
      { ALT: () => this.SUBRULE(this.chargeClause) },
      { ALT: () => this.SUBRULE(this.quotaClause) },
    ]);
  });

  // Issue 12.5 a charge of the period: `charge hosting 500 EUR`, `charge licence from period`
  // (the period file states it), `charge extended_hours "Extended hours" 20% of licence, at least 2000 EUR`.
  chargeClause = this.RULE("chargeClause", () => {
    this.CONSUME(T.Charge);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OR([
      { ALT: () => this.SUBRULE(this.money) },
      {
        ALT: () => {
          this.CONSUME(T.From);
          this.CONSUME(T.Period);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Percent);
          this.CONSUME(T.Of);
          this.CONSUME2(T.Identifier);
          this.OPTION2(() => {
            this.CONSUME(T.Comma);
            this.CONSUME(T.At);
            this.CONSUME(T.Least);
            this.SUBRULE2(this.money);
          });
        },
      },
    ]);
  });

  // Issue 12.5 hours of work counted outside billing: `quota 10 hours per week`,
  // `quota configuration 20 hours per quarter` (used, left, exceeded in the settlement).
  quotaClause = this.RULE("quotaClause", () => {
    this.CONSUME(T.Quota);
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.SUBRULE(this.duration);
    this.CONSUME(T.Per);
    this.OR([{ ALT: () => this.CONSUME(T.Unit) }, { ALT: () => this.CONSUME(T.Quarter) }]);
    // Issue 12 follow-up: "unused hours roll over to the next period"; `until end of term`:
    // "… as Rollover Hours, expiring at the end of the Term" (the period file gives the Term's end).
    this.OPTION2(() => {
      this.CONSUME(T.Rollover);
      this.OPTION3(() => {
        this.CONSUME(T.Until);
        this.CONSUME(T.End);
        this.CONSUME(T.Of);
        this.CONSUME(T.Term);
      });
    });
  });

  // Issue 12.2 the settlement period, in the billing zone: `period month` (the default),
  // `period quarter starting Feb 1` ("quarters starting February 1"), `period year starting Apr 1`.
  periodDecl = this.RULE("periodDecl", () => {
    this.CONSUME(T.Period);
    this.SUBRULE(this.periodShape);
  });

  // `quarter starting Feb 1`: a run of whole months, in `period …` and in an availability's
  // `commit 99.9% per …` (its own window, "per fiscal quarter").
  periodShape = this.RULE("periodShape", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Unit) }, { ALT: () => this.CONSUME(T.Quarter) }, { ALT: () => this.CONSUME(T.Year) }]);
    this.OPTION(() => {
      this.CONSUME(T.Starting);
      this.CONSUME(T.Month);
      this.CONSUME(T.NumberLit);
    });
  });

  // `rate standard 39 EUR per hour`, `rate 130 USD per hour`
  rateClause = this.RULE("rateClause", () => {
    this.CONSUME(T.Rate);
    this.OPTION(() => this.CONSUME(T.Identifier));
    this.SUBRULE(this.money);
    this.CONSUME(T.Per);
    this.CONSUME(T.Unit);
  });

  money = this.RULE("money", () => {
    this.CONSUME(T.NumberLit);
    this.OPTION(() => this.CONSUME(T.Identifier));
  });

  // `allowance basic 1 hour per month, excess at standard`
  allowanceClause = this.RULE("allowanceClause", () => {
    this.CONSUME(T.Allowance);
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.duration);
    this.CONSUME(T.Per);
    // issue 12.5: a kind of work's free hours may renew each quarter
    this.OR([{ ALT: () => this.CONSUME(T.Unit) }, { ALT: () => this.CONSUME(T.Quarter) }]);
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.CONSUME(T.Excess);
      this.CONSUME(T.At);
      this.CONSUME2(T.Identifier);
    });
  });

  // `package onboarding_package 199 EUR { prepays 5 hours of premium or 9 hours of standard … }`
  packageDecl = this.RULE("packageDecl", () => {
    this.CONSUME(T.Package);
    this.CONSUME(T.Identifier);
    this.SUBRULE(this.money);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.packageItem));
    this.CONSUME(T.RCurly);
  });

  packageItem = this.RULE("packageItem", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Prepays);
          this.AT_LEAST_ONE_SEP({ SEP: T.Or, DEF: () => this.SUBRULE(this.prepaidOption) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Draws);
          this.CONSUME(T.Identifier);
        },
      },
      {
        // `buy within 2.5 months of trialStart`
        ALT: () => {
          this.CONSUME(T.Buy);
          this.CONSUME(T.Within);
          this.CONSUME(T.NumberLit);
          this.CONSUME(T.Unit);
          this.CONSUME(T.Of);
          this.CONSUME2(T.Identifier);
        },
      },
      {
        // `expires 3 months after trialStart`
        ALT: () => {
          this.CONSUME(T.Expires);
          this.CONSUME2(T.NumberLit);
          this.CONSUME2(T.Unit);
          this.CONSUME(T.After);
          this.CONSUME3(T.Identifier);
        },
      },
    ]);
  });

  prepaidOption = this.RULE("prepaidOption", () => {
    this.SUBRULE(this.duration);
    this.CONSUME(T.Of);
    this.CONSUME(T.Identifier);
  });

  // `invoice monthly, issued 1 day after period` / `invoice monthly, issued on day 10 of next month`
  invoiceClause = this.RULE("invoiceClause", () => {
    this.CONSUME(T.Invoice);
    this.OR([{ ALT: () => this.CONSUME(T.Monthly) }, { ALT: () => this.CONSUME(T.Quarterly) }, { ALT: () => this.CONSUME(T.Yearly) }]);
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.CONSUME(T.Issued);
      this.OR2([
        {
          ALT: () => {
            this.CONSUME(T.NumberLit);
            this.SUBRULE(this.unit);
            this.CONSUME(T.After);
            this.CONSUME(T.Period);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.On);
            this.CONSUME(T.Day);
            this.CONSUME2(T.NumberLit);
            this.CONSUME(T.Of);
            this.CONSUME(T.Next);
            this.CONSUME(T.Unit);
          },
        },
      ]);
    });
  });

  // `payment net 30 days` / `payment by end of month`
  paymentClause = this.RULE("paymentClause", () => {
    this.CONSUME(T.Payment);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Net);
          this.CONSUME(T.NumberLit);
          this.SUBRULE(this.unit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.By);
          this.CONSUME(T.End);
          this.CONSUME(T.Of);
          this.CONSUME(T.Unit);
        },
      },
    ]);
  });

  // `late charge 1.5% per started month`
  lateChargeClause = this.RULE("lateChargeClause", () => {
    this.CONSUME(T.Late);
    this.CONSUME(T.Charge);
    this.CONSUME(T.Percent);
    this.CONSUME(T.Per);
    this.CONSUME(T.Started);
    this.CONSUME(T.Unit);
  });

  // SPEC §4 example cases: a ticket (or a period) and what the policy must answer.
  exampleDecl = this.RULE("exampleDecl", () => {
    this.CONSUME(T.Example);
    this.CONSUME(T.StringLit);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.exampleItem));
    this.CONSUME(T.RCurly);
  });

  exampleItem = this.RULE("exampleItem", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Ticket);
          this.CONSUME(T.StringLit);
        },
      },
      { ALT: () => this.SUBRULE(this.ticketField) },
      // the customer's zone and holidays, for calendars that take them `from ticket`
      { ALT: () => this.SUBRULE(this.zoneClause) },
      { ALT: () => this.SUBRULE(this.holidaysClause) },
      {
        ALT: () => {
          this.CONSUME(T.Opened);
          this.CONSUME(T.DateTime);
        },
      },
      { ALT: () => this.SUBRULE(this.eventLine) },
      {
        ALT: () => {
          this.CONSUME(T.As);
          this.CONSUME(T.Of);
          this.CONSUME2(T.DateTime);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Period);
          this.CONSUME2(T.StringLit);
        },
      },
      { ALT: () => this.SUBRULE(this.expectation) },
    ]);
  });

  // `priority P2`, `plan gold`, `region europe`, `channel portal`, `language en`, `cause x`;
  // ticket attributes (issue 11): `product x`, `phone_escalated true`
  ticketField = this.RULE("ticketField", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Priority) },
            { ALT: () => this.CONSUME(T.Plan) },
            { ALT: () => this.CONSUME(T.Region) },
            { ALT: () => this.CONSUME(T.Channel) },
            { ALT: () => this.CONSUME(T.Cause) },
          ]);
          this.CONSUME(T.Identifier);
        },
      },
      {
        GATE: () => this.LA(2).tokenType === T.Identifier,
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.CONSUME3(T.Identifier);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Language);
          this.CONSUME(T.Word);
        },
      },
    ]);
  });

  // `pause at 2026-03-28T09:10:00+01:00`, `reprioritize to P1 at …`
  eventLine = this.RULE("eventLine", () => {
    this.SUBRULE(this.eventKind);
    this.OPTION(() => {
      this.CONSUME(T.To);
      this.CONSUME(T.Identifier);
    });
    this.CONSUME(T.At);
    this.CONSUME(T.DateTime);
  });

  expectation = this.RULE("expectation", () => {
    this.CONSUME(T.Expect);
    this.OR([
      {
        // `expect invoice.total "70.79"` (settlement examples)
        GATE: () => this.LA(2).tokenType === T.Dot,
        ALT: () => {
          this.CONSUME(T.Word);
          this.AT_LEAST_ONE(() => {
            this.CONSUME(T.Dot);
            // issue 12.5: an index into a list, `quotas.1.exceeded`
            this.OR6([{ ALT: () => this.CONSUME2(T.Word) }, { ALT: () => this.CONSUME2(T.NumberLit) }]);
          });
          this.CONSUME(T.StringLit);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.No);
          this.CONSUME(T.Escalation);
        },
      },
      {
        // `expect escalation support_team at 2026-…`
        ALT: () => {
          this.CONSUME2(T.Escalation);
          this.CONSUME(T.Identifier);
          this.OPTION(() => {
            this.CONSUME(T.At);
            this.CONSUME(T.DateTime);
          });
        },
      },
      {
        // issue 12.3: `expect availability platform 99.876%` (as shown)
        ALT: () => {
          this.CONSUME(T.Availability);
          this.CONSUME4(T.Identifier);
          this.CONSUME2(T.Percent);
        },
      },
      {
        // issue 12.4: `expect objective critical_fix met` / `… missed`
        ALT: () => {
          this.CONSUME(T.Objective);
          this.CONSUME5(T.Identifier);
          this.OR5([{ ALT: () => this.CONSUME2(T.Status) }, { ALT: () => this.CONSUME(T.Missed) }]);
        },
      },
      {
        // `expect credit 20%` / `expect credit none`
        ALT: () => {
          this.CONSUME(T.Credit);
          this.OR2([{ ALT: () => this.CONSUME(T.Percent) }, { ALT: () => this.CONSUME(T.None) }]);
        },
      },
      {
        // `expect response met due 2026-…` / `expect response due none`; issue 11.5 a recurring
        // target's missed intervals: `expect updates breached 2 breaches due 2026-…`
        ALT: () => {
          this.CONSUME2(T.Identifier);
          this.OPTION2(() => this.OR4([{ ALT: () => this.CONSUME(T.Status) }, { ALT: () => this.CONSUME3(T.None) }]));
          this.OPTION4(() => {
            this.CONSUME(T.NumberLit);
            this.CONSUME(T.Breach);
          });
          this.OPTION3(() => {
            this.CONSUME(T.Due);
            this.OR3([{ ALT: () => this.CONSUME2(T.DateTime) }, { ALT: () => this.CONSUME2(T.None) }]);
          });
        },
      },
    ]);
  });
}

/** One parser instance, reused: chevrotain parsers are built once and fed new input. */
export const slaParser = new SlaParser();

export type { CstNode };
