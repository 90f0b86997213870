/**
 * Targets (SPEC §1: clock rules and a goal matrix), the tables, cells and durations they are
 * written with, and escalations, which reuse clock rules and tables. One section of the parser
 * (see `declarations.ts` for how the sections make one `SlaParser`).
 */
import { CalendarRules } from "./calendars.js";
import * as T from "../tokens.js";

/** The grammar's targets section; abstract: only `SlaParser` is instantiated. */
export abstract class TargetRules extends CalendarRules {
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
        { ALT: () => this.SUBRULE(this.reopenClause) },
      ]),
    );
    this.CONSUME(T.RCurly);
  });

  // `reopen within 7 days` (Jama: "Customers can reopen a solved request within seven (7) days"):
  // a `reopen` event that soon after the ticket's `resolve` runs the stopped clock again
  reopenClause = this.RULE("reopenClause", () => {
    this.CONSUME(T.Reopen);
    this.CONSUME(T.Within);
    this.SUBRULE(this.duration);
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
      { ALT: () => this.CONSUME(T.Reopen) },
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
      {
        // a duration; `3 days of term`: a credit band of days added to the end of the Term
        // ("3 days of service added to the Term"), not money
        ALT: () => {
          this.SUBRULE(this.duration);
          this.OPTION3(() => {
            this.CONSUME2(T.Of);
            this.CONSUME(T.Term);
          });
        },
      },
      {
        // `< 1 hour`: met only strictly before the due ("Response < 1 hour")
        ALT: () => {
          this.CONSUME(T.Less);
          this.SUBRULE2(this.duration);
        },
      },
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
}
