/**
 * Fees and invoices (SPEC §6: rates, allowances, packages, charges, quotas, invoice and payment
 * terms), the settlement period (issue 12.2) and money amounts. One section of the parser (see
 * `declarations.ts` for how the sections make one `SlaParser`).
 */
import { AvailabilityRules } from "./availability.js";
import * as T from "../tokens.js";

/** The grammar's fees section; abstract: only `SlaParser` is instantiated. */
export abstract class FeeRules extends AvailabilityRules {
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
}
