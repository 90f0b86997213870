/**
 * `.sla` highlighting for CodeMirror 6: a small stream tokenizer (no Lezer grammar), enough to
 * colour keywords, strings, comments, instants and durations, table bars and names. The
 * checker's diagnostics, not this tokenizer, say what is valid.
 */
import { StreamLanguage, type StringStream } from "@codemirror/language";

/** The language's keywords (grammar/tokens.ts), and the units of durations. */
const KEYWORDS = new Set(
  (
    "above after ahead allowance amount and announced approve as at availability below best business buy by calendar cap cause channel charge " +
    "claim closed commit component credit credits currency day days decimals draws due effort elapsed end escalation event every example excess " +
    "exclude excuse expect expires extends fees field flag for free from goal goals holiday holidays ineligible invoice issued kpi language " +
    "languages late least meet missed monthly nearest net next no none objective obligation observed of on open opened optional or over package " +
    "pause payment per period plan plus policy prepays priority quarter quarterly quota rate region reprioritize resolve respond restart resume " +
    "role same scheduled shown start started starting stop subject sum target ticket tickets time to up vat weekday when within work year yearly zone"
  ).split(" "),
);
const UNITS = new Set(["minute", "minutes", "hour", "hours", "week", "weeks", "month", "months", "years"]);
const WEEKDAYS = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?\b/;

function token(stream: StringStream): string | null {
  if (stream.eatSpace()) return null;
  if (stream.match("//")) {
    stream.skipToEnd();
    return "comment";
  }
  if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
  if (stream.match(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?/)) return "number";
  if (stream.match(/^\d{1,2}:\d{2}(-\d{1,2}:\d{2})?/)) return "number";
  if (stream.match(/^\d+(\.\d+)?\s?%?/)) return "number";
  if (stream.match(WEEKDAYS)) return "atom";
  if (stream.match(/^[|{}]/)) return "punctuation";
  const word = stream.match(/^[A-Za-z_][A-Za-z0-9_]*/) as RegExpMatchArray | null;
  if (word) {
    const w = word[0];
    if (KEYWORDS.has(w)) return "keyword";
    if (UNITS.has(w)) return "unit";
    if (/^P\d$/.test(w)) return "atom";
    return "variableName";
  }
  stream.next();
  return null;
}

/** The `.sla` language for an editor. */
export const slaLanguage = StreamLanguage.define({ name: "sla", token, languageData: { commentTokens: { line: "//" } } });
