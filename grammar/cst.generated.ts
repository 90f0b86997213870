/**
 * The CST's node types, one interface per grammar rule. GENERATED from `grammar/parser.ts` by
 * `npm run gen:cst` (scripts/gen-cst.ts, chevrotain's `generateCstDts`): do not edit by hand.
 */
import type { CstNode, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  policyHeader?: PolicyHeaderCstNode[];
  declaration?: DeclarationCstNode[];
};

export interface PolicyHeaderCstNode extends CstNode {
  name: "policyHeader";
  children: PolicyHeaderCstChildren;
}

export type PolicyHeaderCstChildren = {
  Policy: IToken[];
  Identifier: IToken[];
  StringLit?: IToken[];
};

export interface DeclarationCstNode extends CstNode {
  name: "declaration";
  children: DeclarationCstChildren;
}

export type DeclarationCstChildren = {
  calendarDecl?: CalendarDeclCstNode[];
  regionDecl?: RegionDeclCstNode[];
  namedDecl?: NamedDeclCstNode[];
  priorityCapDecl?: PriorityCapDeclCstNode[];
  fieldDecl?: FieldDeclCstNode[];
  excludeDecl?: ExcludeDeclCstNode[];
  targetDecl?: TargetDeclCstNode[];
  escalationDecl?: EscalationDeclCstNode[];
  creditsDecl?: CreditsDeclCstNode[];
  availabilityDecl?: AvailabilityDeclCstNode[];
  objectiveDecl?: ObjectiveDeclCstNode[];
  feesDecl?: FeesDeclCstNode[];
  periodDecl?: PeriodDeclCstNode[];
  exampleDecl?: ExampleDeclCstNode[];
};

export interface NamedDeclCstNode extends CstNode {
  name: "namedDecl";
  children: NamedDeclCstChildren;
}

export type NamedDeclCstChildren = {
  Plan?: IToken[];
  Priority?: IToken[];
  Role?: IToken[];
  Channel?: IToken[];
  Work?: IToken[];
  Obligation?: IToken[];
  Flag?: IToken[];
  Event?: IToken[];
  Cause?: IToken[];
  Identifier: (IToken)[];
  Extends?: IToken[];
  StringLit?: IToken[];
};

export interface PriorityCapDeclCstNode extends CstNode {
  name: "priorityCapDecl";
  children: PriorityCapDeclCstChildren;
}

export type PriorityCapDeclCstChildren = {
  Priority: IToken[];
  At: IToken[];
  Most: IToken[];
  Identifier: IToken[];
  For: IToken[];
  condition: ConditionCstNode[];
  And?: IToken[];
  StringLit?: IToken[];
};

export interface FieldDeclCstNode extends CstNode {
  name: "fieldDecl";
  children: FieldDeclCstChildren;
}

export type FieldDeclCstChildren = {
  Field: IToken[];
  Identifier: IToken[];
  StringLit?: IToken[];
  LCurly: IToken[];
  fieldValue?: FieldValueCstNode[];
  RCurly: IToken[];
};

export interface FieldValueCstNode extends CstNode {
  name: "fieldValue";
  children: FieldValueCstChildren;
}

export type FieldValueCstChildren = {
  Identifier: IToken[];
  StringLit?: IToken[];
};

export interface ExcludeDeclCstNode extends CstNode {
  name: "excludeDecl";
  children: ExcludeDeclCstChildren;
}

export type ExcludeDeclCstChildren = {
  Exclude: IToken[];
  Channel?: IToken[];
  Cause?: IToken[];
  Identifier?: (IToken)[];
  StringLit?: IToken[];
};

export interface ConditionCstNode extends CstNode {
  name: "condition";
  children: ConditionCstChildren;
}

export type ConditionCstChildren = {
  Priority?: IToken[];
  Cause?: IToken[];
  Channel?: IToken[];
  nameList?: (NameListCstNode)[];
  Identifier?: IToken[];
};

export interface CalendarDeclCstNode extends CstNode {
  name: "calendarDecl";
  children: CalendarDeclCstChildren;
}

export type CalendarDeclCstChildren = {
  Calendar: IToken[];
  Identifier: (IToken)[];
  StringLit?: IToken[];
  Extends?: IToken[];
  LCurly: IToken[];
  calendarItem?: CalendarItemCstNode[];
  RCurly: IToken[];
};

export interface CalendarItemCstNode extends CstNode {
  name: "calendarItem";
  children: CalendarItemCstChildren;
}

export type CalendarItemCstChildren = {
  zoneClause?: ZoneClauseCstNode[];
  holidaysClause?: HolidaysClauseCstNode[];
  openOnHolidays?: OpenOnHolidaysCstNode[];
  openDuring?: OpenDuringCstNode[];
  closedClause?: ClosedClauseCstNode[];
  holidayRule?: HolidayRuleCstNode[];
  openingClause?: OpeningClauseCstNode[];
  alwaysClause?: AlwaysClauseCstNode[];
  daysClause?: DaysClauseCstNode[];
  hoursClause?: HoursClauseCstNode[];
};

export interface ZoneClauseCstNode extends CstNode {
  name: "zoneClause";
  children: ZoneClauseCstChildren;
}

export type ZoneClauseCstChildren = {
  Zone: IToken[];
  StringLit?: IToken[];
  fromTicket?: FromTicketCstNode[];
};

export interface HolidaysClauseCstNode extends CstNode {
  name: "holidaysClause";
  children: HolidaysClauseCstChildren;
}

export type HolidaysClauseCstChildren = {
  Holidays: IToken[];
  fromTicket?: FromTicketCstNode[];
  StringLit?: IToken[];
  Comma?: IToken[];
};

export interface FromTicketCstNode extends CstNode {
  name: "fromTicket";
  children: FromTicketCstChildren;
}

export type FromTicketCstChildren = {
  From: IToken[];
  Ticket: IToken[];
};

export interface OpenDuringCstNode extends CstNode {
  name: "openDuring";
  children: OpenDuringCstChildren;
}

export type OpenDuringCstChildren = {
  Open: IToken[];
  During: IToken[];
  Identifier: IToken[];
  Comma?: IToken[];
};

export interface OpenOnHolidaysCstNode extends CstNode {
  name: "openOnHolidays";
  children: OpenOnHolidaysCstChildren;
}

export type OpenOnHolidaysCstChildren = {
  Open: IToken[];
  On: IToken[];
  Holidays: IToken[];
};

export interface ClosedClauseCstNode extends CstNode {
  name: "closedClause";
  children: ClosedClauseCstChildren;
}

export type ClosedClauseCstChildren = {
  Closed: IToken[];
  Every?: IToken[];
  yearDay?: YearDayCstNode[];
  observedClause?: ObservedClauseCstNode[];
  DateLit?: (IToken)[];
  To?: IToken[];
  From?: IToken[];
  ClockTime?: IToken[];
  windowList?: WindowListCstNode[];
};

export interface HolidayRuleCstNode extends CstNode {
  name: "holidayRule";
  children: HolidayRuleCstChildren;
}

export type HolidayRuleCstChildren = {
  Holiday: IToken[];
  StringLit?: IToken[];
  yearDay: YearDayCstNode[];
  observedClause?: ObservedClauseCstNode[];
};

export interface YearDayCstNode extends CstNode {
  name: "yearDay";
  children: YearDayCstChildren;
}

export type YearDayCstChildren = {
  Day?: IToken[];
  After?: IToken[];
  Month?: (IToken)[];
  NumberLit?: IToken[];
  Ordinal?: IToken[];
  Weekday?: IToken[];
  Of?: IToken[];
};

export interface ObservedClauseCstNode extends CstNode {
  name: "observedClause";
  children: ObservedClauseCstChildren;
}

export type ObservedClauseCstChildren = {
  Observed: IToken[];
  Nearest?: IToken[];
  Next?: IToken[];
  Free?: IToken[];
  WeekdayWord: IToken[];
  When?: IToken[];
  On?: IToken[];
  dayList?: DayListCstNode[];
};

export interface OpeningClauseCstNode extends CstNode {
  name: "openingClause";
  children: OpeningClauseCstChildren;
}

export type OpeningClauseCstChildren = {
  Open: IToken[];
  DateLit: IToken[];
  windowList: WindowListCstNode[];
};

export interface AlwaysClauseCstNode extends CstNode {
  name: "alwaysClause";
  children: AlwaysClauseCstChildren;
}

export type AlwaysClauseCstChildren = {
  AlwaysOpen: IToken[];
};

export interface DaysClauseCstNode extends CstNode {
  name: "daysClause";
  children: DaysClauseCstChildren;
}

export type DaysClauseCstChildren = {
  Days: IToken[];
  dayList: DayListCstNode[];
};

export interface HoursClauseCstNode extends CstNode {
  name: "hoursClause";
  children: HoursClauseCstChildren;
}

export type HoursClauseCstChildren = {
  dayList: DayListCstNode[];
  windowList: WindowListCstNode[];
};

export interface DayListCstNode extends CstNode {
  name: "dayList";
  children: DayListCstChildren;
}

export type DayListCstChildren = {
  dayRange: DayRangeCstNode[];
  Comma?: IToken[];
};

export interface DayRangeCstNode extends CstNode {
  name: "dayRange";
  children: DayRangeCstChildren;
}

export type DayRangeCstChildren = {
  Weekday: (IToken)[];
  Dash?: IToken[];
};

export interface WindowListCstNode extends CstNode {
  name: "windowList";
  children: WindowListCstChildren;
}

export type WindowListCstChildren = {
  window: WindowCstNode[];
  Comma?: IToken[];
};

export interface WindowCstNode extends CstNode {
  name: "window";
  children: WindowCstChildren;
}

export type WindowCstChildren = {
  ClockTime: (IToken)[];
  Dash: IToken[];
};

export interface RegionDeclCstNode extends CstNode {
  name: "regionDecl";
  children: RegionDeclCstChildren;
}

export type RegionDeclCstChildren = {
  Region: IToken[];
  Identifier: IToken[];
  StringLit?: IToken[];
  LCurly: IToken[];
  regionItem?: RegionItemCstNode[];
  RCurly: IToken[];
};

export interface RegionItemCstNode extends CstNode {
  name: "regionItem";
  children: RegionItemCstChildren;
}

export type RegionItemCstChildren = {
  calendarRef?: CalendarRefCstNode[];
  languagesClause?: LanguagesClauseCstNode[];
};

export interface CalendarRefCstNode extends CstNode {
  name: "calendarRef";
  children: CalendarRefCstChildren;
}

export type CalendarRefCstChildren = {
  Calendar: IToken[];
  Identifier?: IToken[];
  For?: IToken[];
  condition?: ConditionCstNode[];
  And?: IToken[];
};

export interface LanguagesClauseCstNode extends CstNode {
  name: "languagesClause";
  children: LanguagesClauseCstChildren;
}

export type LanguagesClauseCstChildren = {
  Optional?: IToken[];
  Languages: IToken[];
  wordList: WordListCstNode[];
};

export interface NameListCstNode extends CstNode {
  name: "nameList";
  children: NameListCstChildren;
}

export type NameListCstChildren = {
  Identifier: IToken[];
  Comma?: IToken[];
};

export interface WordListCstNode extends CstNode {
  name: "wordList";
  children: WordListCstChildren;
}

export type WordListCstChildren = {
  Word: IToken[];
  Comma?: IToken[];
};

export interface TargetDeclCstNode extends CstNode {
  name: "targetDecl";
  children: TargetDeclCstChildren;
}

export type TargetDeclCstChildren = {
  Target: IToken[];
  Identifier: IToken[];
  StringLit?: IToken[];
  LCurly: IToken[];
  clockRule?: ClockRuleCstNode[];
  kpiClause?: KpiClauseCstNode[];
  calendarRef?: CalendarRefCstNode[];
  goalsClause?: GoalsClauseCstNode[];
  reopenClause?: ReopenClauseCstNode[];
  RCurly: IToken[];
};

export interface ReopenClauseCstNode extends CstNode {
  name: "reopenClause";
  children: ReopenClauseCstChildren;
}

export type ReopenClauseCstChildren = {
  Reopen: IToken[];
  Within: IToken[];
  duration: DurationCstNode[];
};

export interface ClockRuleCstNode extends CstNode {
  name: "clockRule";
  children: ClockRuleCstChildren;
}

export type ClockRuleCstChildren = {
  Start?: IToken[];
  Pause?: IToken[];
  Resume?: IToken[];
  Stop?: IToken[];
  Restart?: IToken[];
  On: IToken[];
  eventKind: EventKindCstNode[];
  Comma?: IToken[];
};

export interface EventKindCstNode extends CstNode {
  name: "eventKind";
  children: EventKindCstChildren;
}

export type EventKindCstChildren = {
  Identifier?: IToken[];
  Open?: IToken[];
  Approve?: IToken[];
  Pause?: IToken[];
  Resume?: IToken[];
  Respond?: IToken[];
  Resolve?: IToken[];
  Reprioritize?: IToken[];
  Reopen?: IToken[];
};

export interface KpiClauseCstNode extends CstNode {
  name: "kpiClause";
  children: KpiClauseCstChildren;
}

export type KpiClauseCstChildren = {
  Kpi: IToken[];
  StringLit?: IToken[];
};

export interface GoalsClauseCstNode extends CstNode {
  name: "goalsClause";
  children: GoalsClauseCstChildren;
}

export type GoalsClauseCstChildren = {
  Goals: IToken[];
  For?: IToken[];
  condition?: ConditionCstNode[];
  And?: IToken[];
  table: TableCstNode[];
};

export interface TableCstNode extends CstNode {
  name: "table";
  children: TableCstChildren;
}

export type TableCstChildren = {
  LCurly: IToken[];
  row?: RowCstNode[];
  RCurly: IToken[];
};

export interface RowCstNode extends CstNode {
  name: "row";
  children: RowCstChildren;
}

export type RowCstChildren = {
  Pipe: (IToken)[];
  cell: CellCstNode[];
};

export interface CellCstNode extends CstNode {
  name: "cell";
  children: CellCstChildren;
}

export type CellCstChildren = {
  NumberLit?: IToken[];
  Identifier?: (IToken)[];
  Day?: (IToken)[];
  Days?: IToken[];
  duration?: (DurationCstNode)[];
  Of?: (IToken)[];
  Term?: IToken[];
  Less?: IToken[];
  Next?: IToken[];
  Business?: (IToken)[];
  Same?: IToken[];
  Best?: IToken[];
  Effort?: IToken[];
  Percent?: IToken[];
  None?: IToken[];
  Priority?: IToken[];
  Plan?: IToken[];
  Goal?: IToken[];
  After?: IToken[];
  To?: IToken[];
  Credit?: IToken[];
  Below?: IToken[];
};

export interface DurationCstNode extends CstNode {
  name: "duration";
  children: DurationCstChildren;
}

export type DurationCstChildren = {
  NumberLit: IToken[];
  Business?: IToken[];
  unit: UnitCstNode[];
};

export interface UnitCstNode extends CstNode {
  name: "unit";
  children: UnitCstChildren;
}

export type UnitCstChildren = {
  Unit?: IToken[];
  Day?: IToken[];
  Days?: IToken[];
};

export interface EscalationDeclCstNode extends CstNode {
  name: "escalationDecl";
  children: EscalationDeclCstChildren;
}

export type EscalationDeclCstChildren = {
  Escalation: IToken[];
  For?: IToken[];
  nameList?: NameListCstNode[];
  LCurly: IToken[];
  clockRule?: ClockRuleCstNode[];
  calendarRef?: CalendarRefCstNode[];
  table?: TableCstNode[];
  RCurly: IToken[];
};

export interface CreditsDeclCstNode extends CstNode {
  name: "creditsDecl";
  children: CreditsDeclCstChildren;
}

export type CreditsDeclCstChildren = {
  Credits: IToken[];
  For?: IToken[];
  nameList?: NameListCstNode[];
  LCurly: IToken[];
  creditsItem?: CreditsItemCstNode[];
  RCurly: IToken[];
};

export interface CreditsItemCstNode extends CstNode {
  name: "creditsItem";
  children: CreditsItemCstChildren;
}

export type CreditsItemCstChildren = {
  zoneClause?: ZoneClauseCstNode[];
  Target?: (IToken)[];
  nameList?: (NameListCstNode)[];
  table?: TableCstNode[];
  Claim?: (IToken)[];
  Required?: IToken[];
  By?: IToken[];
  End?: IToken[];
  Of?: (IToken)[];
  Next?: (IToken)[];
  Unit?: IToken[];
  Subject?: IToken[];
  StringLit?: IToken[];
  Within?: IToken[];
  NumberLit?: (IToken)[];
  Days?: (IToken)[];
  After?: IToken[];
  Period?: IToken[];
  Breach?: (IToken)[];
  Outage?: IToken[];
  Sum?: IToken[];
  Per?: (IToken)[];
  Amount?: IToken[];
  money?: MoneyCstNode[];
  Above?: IToken[];
  Percent?: (IToken)[];
  Ineligible?: IToken[];
  Optional?: IToken[];
  Languages?: IToken[];
  Account?: IToken[];
  Obligation?: IToken[];
  condition?: ConditionCstNode[];
  Cap?: IToken[];
  Term?: IToken[];
  Credit?: (IToken)[];
  creditStep?: CreditStepCstNode[];
  Late?: IToken[];
  On?: IToken[];
  Invoice?: IToken[];
  No?: IToken[];
  For?: IToken[];
};

export interface CreditStepCstNode extends CstNode {
  name: "creditStep";
  children: CreditStepCstChildren;
}

export type CreditStepCstChildren = {
  Per: IToken[];
  Started?: IToken[];
  NumberLit?: IToken[];
  unit: UnitCstNode[];
};

export interface AvailabilityDeclCstNode extends CstNode {
  name: "availabilityDecl";
  children: AvailabilityDeclCstChildren;
}

export type AvailabilityDeclCstChildren = {
  Availability: IToken[];
  Identifier: IToken[];
  StringLit?: IToken[];
  For?: IToken[];
  nameList?: NameListCstNode[];
  LCurly: IToken[];
  availabilityItem?: AvailabilityItemCstNode[];
  RCurly: IToken[];
};

export interface AvailabilityItemCstNode extends CstNode {
  name: "availabilityItem";
  children: AvailabilityItemCstChildren;
}

export type AvailabilityItemCstChildren = {
  Commit?: IToken[];
  Percent?: (IToken)[];
  Per?: IToken[];
  periodShape?: PeriodShapeCstNode[];
  Credit?: (IToken)[];
  NumberLit?: IToken[];
  Times?: IToken[];
  Downtime?: IToken[];
  Fee?: IToken[];
  creditStep?: CreditStepCstNode[];
  Comma?: IToken[];
  Up?: IToken[];
  To?: IToken[];
  Component?: IToken[];
  nameList?: NameListCstNode[];
  Over?: IToken[];
  Elapsed?: IToken[];
  Time?: IToken[];
  Calendar?: IToken[];
  Identifier?: IToken[];
  excuseClause?: ExcuseClauseCstNode[];
  shownClause?: ShownClauseCstNode[];
  Credits?: IToken[];
  table?: TableCstNode[];
};

export interface ExcuseClauseCstNode extends CstNode {
  name: "excuseClause";
  children: ExcuseClauseCstChildren;
}

export type ExcuseClauseCstChildren = {
  Excuse: IToken[];
  Cause?: IToken[];
  nameList?: NameListCstNode[];
  Scheduled?: IToken[];
  Within?: IToken[];
  Calendar?: IToken[];
  Identifier?: IToken[];
  Announced?: IToken[];
  duration?: DurationCstNode[];
  Ahead?: IToken[];
  Comma?: IToken[];
  excuseLimit?: ExcuseLimitCstNode[];
};

export interface ExcuseLimitCstNode extends CstNode {
  name: "excuseLimit";
  children: ExcuseLimitCstChildren;
}

export type ExcuseLimitCstChildren = {
  Up: IToken[];
  To: IToken[];
  duration: DurationCstNode[];
  Each?: IToken[];
  Per?: IToken[];
  Period?: IToken[];
};

export interface ShownClauseCstNode extends CstNode {
  name: "shownClause";
  children: ShownClauseCstChildren;
}

export type ShownClauseCstChildren = {
  Shown: IToken[];
  To: IToken[];
  NumberLit: IToken[];
  Decimals: IToken[];
};

export interface ObjectiveDeclCstNode extends CstNode {
  name: "objectiveDecl";
  children: ObjectiveDeclCstChildren;
}

export type ObjectiveDeclCstChildren = {
  Objective: IToken[];
  Identifier: IToken[];
  StringLit?: IToken[];
  LCurly: IToken[];
  objectiveItem?: ObjectiveItemCstNode[];
  RCurly: IToken[];
};

export interface ObjectiveItemCstNode extends CstNode {
  name: "objectiveItem";
  children: ObjectiveItemCstChildren;
}

export type ObjectiveItemCstChildren = {
  Percent?: (IToken)[];
  Of?: IToken[];
  Tickets?: IToken[];
  Meet?: IToken[];
  Identifier?: IToken[];
  For?: IToken[];
  condition?: ConditionCstNode[];
  Credit?: IToken[];
  shownClause?: ShownClauseCstNode[];
};

export interface FeesDeclCstNode extends CstNode {
  name: "feesDecl";
  children: FeesDeclCstChildren;
}

export type FeesDeclCstChildren = {
  Fees: IToken[];
  LCurly: IToken[];
  feesItem?: FeesItemCstNode[];
  RCurly: IToken[];
};

export interface FeesItemCstNode extends CstNode {
  name: "feesItem";
  children: FeesItemCstChildren;
}

export type FeesItemCstChildren = {
  zoneClause?: ZoneClauseCstNode[];
  Currency?: IToken[];
  Identifier?: IToken[];
  Plus?: IToken[];
  Vat?: (IToken)[];
  Percent?: IToken[];
  rateClause?: RateClauseCstNode[];
  Free?: IToken[];
  nameList?: NameListCstNode[];
  allowanceClause?: AllowanceClauseCstNode[];
  packageDecl?: PackageDeclCstNode[];
  invoiceClause?: InvoiceClauseCstNode[];
  paymentClause?: PaymentClauseCstNode[];
  lateChargeClause?: LateChargeClauseCstNode[];
  chargeClause?: ChargeClauseCstNode[];
  quotaClause?: QuotaClauseCstNode[];
};

export interface ChargeClauseCstNode extends CstNode {
  name: "chargeClause";
  children: ChargeClauseCstChildren;
}

export type ChargeClauseCstChildren = {
  Charge: IToken[];
  Identifier: (IToken)[];
  StringLit?: IToken[];
  money?: (MoneyCstNode)[];
  From?: IToken[];
  Period?: IToken[];
  Percent?: IToken[];
  Of?: IToken[];
  Comma?: IToken[];
  At?: IToken[];
  Least?: IToken[];
};

export interface QuotaClauseCstNode extends CstNode {
  name: "quotaClause";
  children: QuotaClauseCstChildren;
}

export type QuotaClauseCstChildren = {
  Quota: IToken[];
  Identifier?: IToken[];
  duration: DurationCstNode[];
  Per: IToken[];
  Unit?: IToken[];
  Quarter?: IToken[];
  Rollover?: IToken[];
  Until?: IToken[];
  End?: IToken[];
  Of?: IToken[];
  Term?: IToken[];
};

export interface PeriodDeclCstNode extends CstNode {
  name: "periodDecl";
  children: PeriodDeclCstChildren;
}

export type PeriodDeclCstChildren = {
  Period: IToken[];
  periodShape: PeriodShapeCstNode[];
};

export interface PeriodShapeCstNode extends CstNode {
  name: "periodShape";
  children: PeriodShapeCstChildren;
}

export type PeriodShapeCstChildren = {
  Unit?: IToken[];
  Quarter?: IToken[];
  Year?: IToken[];
  Starting?: IToken[];
  Month?: IToken[];
  NumberLit?: IToken[];
};

export interface RateClauseCstNode extends CstNode {
  name: "rateClause";
  children: RateClauseCstChildren;
}

export type RateClauseCstChildren = {
  Rate: IToken[];
  Identifier?: IToken[];
  money: MoneyCstNode[];
  Per: IToken[];
  Unit: IToken[];
};

export interface MoneyCstNode extends CstNode {
  name: "money";
  children: MoneyCstChildren;
}

export type MoneyCstChildren = {
  NumberLit: IToken[];
  Identifier?: IToken[];
};

export interface AllowanceClauseCstNode extends CstNode {
  name: "allowanceClause";
  children: AllowanceClauseCstChildren;
}

export type AllowanceClauseCstChildren = {
  Allowance: IToken[];
  Identifier: (IToken)[];
  duration: DurationCstNode[];
  Per: IToken[];
  Unit?: IToken[];
  Quarter?: IToken[];
  Comma?: IToken[];
  Excess?: IToken[];
  At?: IToken[];
};

export interface PackageDeclCstNode extends CstNode {
  name: "packageDecl";
  children: PackageDeclCstChildren;
}

export type PackageDeclCstChildren = {
  Package: IToken[];
  Identifier: IToken[];
  money: MoneyCstNode[];
  LCurly: IToken[];
  packageItem?: PackageItemCstNode[];
  RCurly: IToken[];
};

export interface PackageItemCstNode extends CstNode {
  name: "packageItem";
  children: PackageItemCstChildren;
}

export type PackageItemCstChildren = {
  Prepays?: IToken[];
  prepaidOption?: PrepaidOptionCstNode[];
  Or?: IToken[];
  Draws?: IToken[];
  Identifier?: (IToken)[];
  Buy?: IToken[];
  Within?: IToken[];
  NumberLit?: (IToken)[];
  Unit?: (IToken)[];
  Of?: IToken[];
  Expires?: IToken[];
  After?: IToken[];
};

export interface PrepaidOptionCstNode extends CstNode {
  name: "prepaidOption";
  children: PrepaidOptionCstChildren;
}

export type PrepaidOptionCstChildren = {
  duration: DurationCstNode[];
  Of: IToken[];
  Identifier: IToken[];
};

export interface InvoiceClauseCstNode extends CstNode {
  name: "invoiceClause";
  children: InvoiceClauseCstChildren;
}

export type InvoiceClauseCstChildren = {
  Invoice: IToken[];
  Monthly?: IToken[];
  Quarterly?: IToken[];
  Yearly?: IToken[];
  Comma?: IToken[];
  Issued?: IToken[];
  NumberLit?: (IToken)[];
  unit?: UnitCstNode[];
  After?: IToken[];
  Period?: IToken[];
  On?: IToken[];
  Day?: IToken[];
  Of?: IToken[];
  Next?: IToken[];
  Unit?: IToken[];
};

export interface PaymentClauseCstNode extends CstNode {
  name: "paymentClause";
  children: PaymentClauseCstChildren;
}

export type PaymentClauseCstChildren = {
  Payment: IToken[];
  Net?: IToken[];
  NumberLit?: IToken[];
  unit?: UnitCstNode[];
  By?: IToken[];
  End?: IToken[];
  Of?: IToken[];
  Unit?: IToken[];
};

export interface LateChargeClauseCstNode extends CstNode {
  name: "lateChargeClause";
  children: LateChargeClauseCstChildren;
}

export type LateChargeClauseCstChildren = {
  Late: IToken[];
  Charge: IToken[];
  Percent: IToken[];
  Per: IToken[];
  Started: IToken[];
  Unit: IToken[];
};

export interface ExampleDeclCstNode extends CstNode {
  name: "exampleDecl";
  children: ExampleDeclCstChildren;
}

export type ExampleDeclCstChildren = {
  Example: IToken[];
  StringLit: IToken[];
  LCurly: IToken[];
  exampleItem?: ExampleItemCstNode[];
  RCurly: IToken[];
};

export interface ExampleItemCstNode extends CstNode {
  name: "exampleItem";
  children: ExampleItemCstChildren;
}

export type ExampleItemCstChildren = {
  Ticket?: IToken[];
  StringLit?: (IToken)[];
  ticketField?: TicketFieldCstNode[];
  zoneClause?: ZoneClauseCstNode[];
  holidaysClause?: HolidaysClauseCstNode[];
  Opened?: IToken[];
  DateTime?: (IToken)[];
  eventLine?: EventLineCstNode[];
  As?: IToken[];
  Of?: IToken[];
  Period?: IToken[];
  expectation?: ExpectationCstNode[];
};

export interface TicketFieldCstNode extends CstNode {
  name: "ticketField";
  children: TicketFieldCstChildren;
}

export type TicketFieldCstChildren = {
  Priority?: IToken[];
  Plan?: IToken[];
  Region?: IToken[];
  Channel?: IToken[];
  Cause?: IToken[];
  Identifier?: (IToken)[];
  Language?: IToken[];
  Word?: IToken[];
};

export interface EventLineCstNode extends CstNode {
  name: "eventLine";
  children: EventLineCstChildren;
}

export type EventLineCstChildren = {
  eventKind: EventKindCstNode[];
  To?: IToken[];
  Identifier?: IToken[];
  At: IToken[];
  DateTime: IToken[];
};

export interface ExpectationCstNode extends CstNode {
  name: "expectation";
  children: ExpectationCstChildren;
}

export type ExpectationCstChildren = {
  Expect: IToken[];
  Word?: (IToken)[];
  Dot?: IToken[];
  NumberLit?: (IToken)[];
  StringLit?: IToken[];
  No?: IToken[];
  Escalation?: (IToken)[];
  Identifier?: (IToken)[];
  At?: IToken[];
  DateTime?: (IToken)[];
  Availability?: IToken[];
  Percent?: (IToken)[];
  Objective?: IToken[];
  Status?: (IToken)[];
  Missed?: IToken[];
  Credit?: IToken[];
  None?: (IToken)[];
  Breach?: IToken[];
  Due?: IToken[];
};
