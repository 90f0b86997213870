/**
 * Zone names people write that are not the place they mean (issue 11 item 7). `EST` is a valid
 * IANA name, but a fixed offset (UTC−5 all year): a contract's "Eastern Time" keeps summer time,
 * so every summer due would be an hour off. Each entry maps such a name to the canonical zone of
 * the place it usually stands for; the checker warns (valid names) or suggests it (invalid ones).
 */

/** Legacy abbreviations and aliases → the canonical IANA zone usually meant. */
export const LEGACY_ZONES: ReadonlyMap<string, string> = new Map([
  // Valid IANA names that are fixed offsets or POSIX-style rules rather than places.
  ["EST", "America/New_York"],
  ["EST5EDT", "America/New_York"],
  ["CST6CDT", "America/Chicago"],
  ["MST", "America/Denver"],
  ["MST7MDT", "America/Denver"],
  ["PST8PDT", "America/Los_Angeles"],
  ["HST", "Pacific/Honolulu"],
  ["CET", "Europe/Paris"],
  ["MET", "Europe/Paris"],
  ["EET", "Europe/Athens"],
  ["WET", "Europe/Lisbon"],
  // Deprecated links that still name a place.
  ["US/Eastern", "America/New_York"],
  ["US/Central", "America/Chicago"],
  ["US/Mountain", "America/Denver"],
  ["US/Pacific", "America/Los_Angeles"],
  // Abbreviations that are not IANA names at all.
  ["EDT", "America/New_York"],
  ["CST", "America/Chicago"],
  ["CDT", "America/Chicago"],
  ["MDT", "America/Denver"],
  ["PST", "America/Los_Angeles"],
  ["PDT", "America/Los_Angeles"],
  ["CEST", "Europe/Paris"],
  ["BST", "Europe/London"],
  ["IST", "Asia/Kolkata"],
  ["JST", "Asia/Tokyo"],
  ["AEST", "Australia/Sydney"],
  ["AEDT", "Australia/Sydney"],
]);

/** The canonical zone usually meant by `zone`, when it is a legacy abbreviation or alias. */
export function canonicalZoneFor(zone: string): string | undefined {
  return LEGACY_ZONES.get(zone) ?? LEGACY_ZONES.get(zone.toUpperCase());
}
