/**
 * Service credits (SPEC §6): the `credits` block, its clauses, and the step a credit grows by
 * (shared with availability). One section of the parser (see `declarations.ts` for how the
 * sections make one `SlaParser`).
 */
import type { GrammarRule } from "./declarations.js";
import { TargetRules } from "./targets.js";
import * as T from "../tokens.js";

/** The grammar's credits section; abstract: only `SlaParser` is instantiated. */
export abstract class CreditRules extends TargetRules {
  // Defined with the fees (fees.ts), named here by `amount 500 EUR per breach`.
  abstract readonly money: GrammarRule;

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
        // `claim by end of next month`, `claim subject "SLA Credit Request"`, `claim required`
        ALT: () => {
          this.CONSUME(T.Claim);
          this.OR2([
            // a claim with no deadline and no form: "credit claimed by a support ticket"
            { ALT: () => this.CONSUME(T.Required) },
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
            {
              // `ineligible obligation keep_updated`: no credit for a period whose customer did not meet it
              ALT: () => {
                this.CONSUME(T.Obligation);
                this.SUBRULE4(this.nameList);
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
          this.OR5([
            {
              ALT: () => {
                this.CONSUME(T.Percent);
                this.OPTION(() => {
                  this.CONSUME3(T.Per);
                  this.CONSUME2(T.Target);
                });
              },
            },
            {
              // `cap 15 days of term`: at most so many days added to the Term per period
              ALT: () => {
                this.CONSUME3(T.NumberLit);
                this.CONSUME2(T.Days);
                this.CONSUME2(T.Of);
                this.CONSUME(T.Term);
              },
            },
          ]);
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
}
