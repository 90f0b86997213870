/**
 * zod schemas for the text fields of untrusted JSON input (tickets, periods): a required string,
 * and an exact decimal written as a string. One home, so every input format words its errors
 * alike and no format checks a decimal differently.
 *
 * A decimal's later checks (a bound, a comparison) build decimal.js values from the text, and
 * decimal.js throws on anything that is not a number: so every format check here aborts, and a
 * refinement chained after {@link decimalText} only ever sees digits with an optional point.
 */
import { z } from "zod";

/** A required string field; a missing one says "is required" rather than zod's type message. */
export function text() {
  return z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });
}

/** Longest decimal accepted: far beyond any amount or hours, short enough to echo in a message. */
export const DECIMAL_MAX_LENGTH = 40;

/** The exact decimals of input: digits, optionally a point and more digits (no sign, no exponent). */
export const DECIMAL_TEXT = /^\d+(\.\d+)?$/;

/**
 * A non-negative exact decimal written as a string, e.g. `"1.5"`. Numbers are refused by name: a
 * JSON number has already been through binary floating point by the time we see it, so money and
 * hours never come as numbers. `example` is quoted in the messages.
 */
export function decimalText(example: string) {
  const wrong = (input: unknown): string =>
    input === undefined
      ? "is required"
      : `must be a decimal string such as "${example}"${typeof input === "number" ? ", not a number (money and hours are exact decimals)" : ""}`;
  return z
    .string({ error: (issue) => wrong(issue.input) })
    .max(DECIMAL_MAX_LENGTH, { message: "is too long for an amount", abort: true })
    .regex(DECIMAL_TEXT, { message: `must be a decimal string such as "${example}" (digits with an optional decimal point)`, abort: true });
}
