/**
 * The stretch of time a diff looks at: calendars and assertions are compared over
 * `[from, to)`, by default the 24 months after `--at` (or now).
 */
import { DateTime } from "luxon";

export interface Horizon {
  readonly from: number;
  readonly to: number;
}

/** The default length of the horizon, in months. */
export const HORIZON_MONTHS = 24;

/** `[at, at + months)`, both epoch ms. */
export function horizonFrom(at: number, months = HORIZON_MONTHS): Horizon {
  return { from: at, to: DateTime.fromMillis(at, { zone: "UTC" }).plus({ months }).toMillis() };
}

/** An instant as ISO-8601 UTC without milliseconds. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
