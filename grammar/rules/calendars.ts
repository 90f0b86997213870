/**
 * Calendars (SPEC §2.2), regions (SPEC §1: a calendar per plan, the languages with an SLA) and the
 * comma-separated name and word lists every later section reuses. One section of the parser (see
 * `declarations.ts` for how the sections make one `SlaParser`).
 */
import { DeclarationRules } from "./declarations.js";
import * as T from "../tokens.js";

/** The grammar's calendars section; abstract: only `SlaParser` is instantiated. */
export abstract class CalendarRules extends DeclarationRules {
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
      { ALT: () => this.SUBRULE(this.openDuring) },
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

  // `open during emea_hours, americas_hours, apac_hours`: open whenever any of these calendars is,
  // each in its own zone with its own holidays (follow-the-sun cover)
  openDuring = this.RULE("openDuring", () => {
    this.CONSUME(T.Open);
    this.CONSUME(T.During);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
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
}
