/**
 * Example cases (SPEC §4): a ticket or a period, and what the policy must answer for it. The
 * grammar's last section (see `declarations.ts` for how the sections make one `SlaParser`).
 */
import { FeeRules } from "./fees.js";
import * as T from "../tokens.js";

/** The grammar's examples section; abstract: only `SlaParser` is instantiated. */
export abstract class ExampleRules extends FeeRules {
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
