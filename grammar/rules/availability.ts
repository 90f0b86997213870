/**
 * Availability commitments (issue 12.3: uptime, counted downtime, excuses) and objectives over a
 * share of tickets (issue 12.4). One section of the parser (see `declarations.ts` for how the
 * sections make one `SlaParser`).
 */
import { CreditRules } from "./credits.js";
import type { GrammarRule } from "./declarations.js";
import * as T from "../tokens.js";

/** The grammar's availability section; abstract: only `SlaParser` is instantiated. */
export abstract class AvailabilityRules extends CreditRules {
  // Defined with the settlement period (fees.ts), named here by `commit 99.9% per quarter …`.
  abstract readonly periodShape: GrammarRule;

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
}
