/**
 * Where the cursor is in a possibly half-typed document, read from the text itself (the last
 * check may be older than the text, and a half-typed clause has no AST yet).
 *
 * Two facts make this cheap and exact enough:
 * - strings and comments never span lines (grammar/tokens.ts), so whether the cursor is inside
 *   one is decided by its own line;
 * - blocks are `{ … }`, so one pass over the text before the cursor counting braces outside
 *   strings and comments finds the enclosing blocks.
 * Only a few lines are then lexed, with the language's own lexer: each block's header line and
 * the clause at the cursor. Lexing whole blocks would cost milliseconds per keystroke in a
 * 600-row table.
 */
import type { IToken } from "chevrotain";
import { slaLexer } from "../../grammar/tokens.js";

/** A token of the lexed window, with absolute offsets. */
export interface Tok {
  /** chevrotain token type name: `Identifier`, `StringLit`, `Pipe`, `On`, `Weekday`… */
  readonly type: string;
  readonly image: string;
  readonly start: number;
  readonly end: number;
}

/** An enclosing `{ … }` block. */
export interface Block {
  /** The words before `{` on its line: `["calendar", "europe_gold", "extends", …]`, `["goals"]`, `[]`. */
  readonly header: readonly Tok[];
  /** `calendar`, `region`, `target`, `escalation`, `credits`, `availability`, `objective`, `field`, `fees`, `example`, `package`, or `table`. */
  readonly kind: string;
  /** Offset of the block's `{`. */
  readonly open: number;
}

/** Everything completion needs to know about where the cursor is. */
export interface CursorContext {
  readonly offset: number;
  /** Offset at which the cursor's line starts. */
  readonly lineStart: number;
  /** Enclosing blocks, outermost first; empty at top level. */
  readonly blocks: readonly Block[];
  /** Tokens of the clause being written, before the cursor and the partial word. */
  readonly stmt: readonly Tok[];
  /** The word being typed (possibly empty) and where it starts. */
  readonly word: { readonly text: string; readonly start: number };
  /** Inside a string literal: its content so far and the range of its content. */
  readonly string: { readonly text: string; readonly start: number; readonly end: number } | null;
  readonly inComment: boolean;
}

/** Where the state of a line is at `offset`: in code, in a string (from `start`), or in a comment. */
export function lineState(text: string, offset: number): { kind: "code" } | { kind: "string"; start: number } | { kind: "comment" } {
  let i = lineStartOf(text, offset);
  let stringStart = -1;
  for (; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (stringStart >= 0) {
      if (c === 92)
        i++; // backslash escapes the next character
      else if (c === 34) stringStart = -1;
    } else if (c === 34) stringStart = i;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) return { kind: "comment" };
  }
  return stringStart >= 0 ? { kind: "string", start: stringStart } : { kind: "code" };
}

/** Offset at which the line containing `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  // `lastIndexOf` treats a negative start as 0 and would find a break AT offset 0, giving a line
  // start after `offset`: callers walking backwards from there never reach 0 (issue 9.1).
  if (offset <= 0) return 0;
  const nl = text.lastIndexOf("\n", offset - 1);
  const cr = text.lastIndexOf("\r", offset - 1);
  return Math.max(nl, cr) + 1;
}

/** Offsets of the `{` still open at `offset`, outermost first (braces in strings and comments do not count). */
function openBraces(text: string, offset: number): number[] {
  const stack: number[] = [];
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34 || c === 10 || c === 13) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      // Skip the comment to the end of its line.
      while (i < offset && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 123) stack.push(i);
    else if (c === 125) stack.pop();
  }
  return stack;
}

/** Start of the line before the one starting at `start` (a `\r\n` is one line break). */
function previousLineStart(text: string, start: number): number {
  if (start <= 0) return 0;
  let end = start - 1;
  if (end > 0 && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
  return lineStartOf(text, end);
}

/** Start of the previous line that has something on it, or `from` itself. */
function previousNonBlankLine(text: string, from: number): number {
  let start = from;
  while (start > 0) {
    const prev = previousLineStart(text, start);
    const content = text.slice(prev, start).trim();
    if (content.length > 0) return prev;
    start = prev;
  }
  return from;
}

function lex(text: string, from: number, to: number): Tok[] {
  const { tokens } = slaLexer.tokenize(text.slice(from, to));
  return tokens.map((t: IToken) => ({
    type: t.tokenType.name,
    image: t.image,
    start: from + t.startOffset,
    end: from + t.startOffset + t.image.length,
  }));
}

/** Tokens after the last brace: what belongs to the innermost clause. */
function afterBraces(tokens: readonly Tok[]): Tok[] {
  let i = tokens.length;
  while (i > 0 && tokens[i - 1]!.type !== "LCurly" && tokens[i - 1]!.type !== "RCurly") i--;
  return tokens.slice(i);
}

const BLOCK_KEYWORDS = new Set(["calendar", "region", "target", "escalation", "credits", "availability", "objective", "field", "fees", "example", "package"]);
/** Words that open a declaration's block only at top level: inside an availability, `credits { … }` is its band table. */
const TOP_LEVEL_ONLY = new Set(["credits"]);

/**
 * The block opened by the `{` at `open`. Its header is the words before it on its line; a
 * declaration (outermost block) may have them on the line before (`{` alone on its line).
 */
function blockAt(text: string, open: number, outermost: boolean): Block {
  let from = lineStartOf(text, open);
  if (outermost && text.slice(from, open).trim() === "") from = previousNonBlankLine(text, from);
  const header = afterBraces(lex(text, from, open));
  const first = header[0]?.image ?? "";
  const block = BLOCK_KEYWORDS.has(first) && (outermost || !TOP_LEVEL_ONLY.has(first));
  return { header, kind: block ? first : "table", open };
}

/** Where the clause at the cursor starts: its line, or earlier lines it continues after a comma. */
function clauseStart(text: string, offset: number, innermost: number | undefined): number {
  let start = lineStartOf(text, offset);
  for (;;) {
    const prev = previousNonBlankLine(text, start);
    if (prev === start || !text.slice(prev, start).trimEnd().endsWith(",")) break;
    start = prev;
  }
  return innermost !== undefined ? Math.max(start, innermost + 1) : start;
}

/** Read the cursor's context at `offset` of `text`. */
export function cursorContext(text: string, offset: number): CursorContext {
  const at = Math.max(0, Math.min(offset, text.length));
  const state = lineState(text, at);
  const braces = openBraces(text, at);
  const blocks = braces.map((b, i) => blockAt(text, b, i === 0));
  // The partial word at the cursor is not part of the clause: completion replaces it.
  let wordStart = at;
  if (state.kind === "code") while (wordStart > 0 && /[A-Za-z0-9_]/.test(text.charAt(wordStart - 1))) wordStart--;
  const from = clauseStart(text, at, braces[braces.length - 1]);
  const stmt = afterBraces(lex(text, from, state.kind === "string" ? state.start : wordStart));
  return {
    offset: at,
    lineStart: lineStartOf(text, at),
    blocks,
    stmt,
    word: { text: text.slice(wordStart, at), start: wordStart },
    string: state.kind === "string" ? stringContent(text, state.start, at) : null,
    inComment: state.kind === "comment",
  };
}

/**
 * The header row of the table `block` (`| priority | basic | gold |` → `["priority", "basic",
 * "gold"]`), or null when the cursor is on it (or before it).
 */
export function tableHeader(text: string, block: Block, cursorLineStart: number): string[] | null {
  let from = block.open + 1;
  // The header is the first line after `{` with something on it.
  while (from < cursorLineStart) {
    const end = lineEndOf(text, from);
    if (text.slice(from, end).trim() !== "") break;
    from = end + 1;
  }
  if (from >= cursorLineStart) return null;
  return cellWords(lex(text, from, lineEndOf(text, from)));
}

/**
 * The keys (first cells) of a table's rows between its header and the cursor's line. A row is
 * one line by convention, and a key is a name, so a line pattern finds them without lexing
 * hundreds of rows on every keystroke.
 */
export function tableKeys(text: string, block: Block, cursorLineStart: number): string[] {
  const rows = text.slice(block.open + 1, cursorLineStart).split(/\r\n|\r|\n/);
  // `priority` and `plan` are reserved words: they only ever start the header row.
  const keys = rows.map((row) => /^\s*\|\s*([A-Za-z_][A-Za-z0-9_]*)\s*\|/.exec(row)?.[1]);
  return keys.filter((k): k is string => k !== undefined && k !== "priority" && k !== "plan");
}

/** Offset of the line break ending the line at `offset` (or the text's end). */
function lineEndOf(text: string, offset: number): number {
  // A scan, not `indexOf("\r")`: in a file without one that search runs to the end of the text.
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}

/** The words of a table row's cells: `| priority | basic | gold |` → `["priority", "basic", "gold"]`. */
export function cellWords(row: readonly Tok[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const t of row) {
    if (t.type === "Pipe") {
      if (current.length > 0) out.push(current.join(" "));
      current = [];
    } else current.push(t.image);
  }
  return out;
}

/** The content range of the string opened at `quote`: up to its closing quote, or the line's end. */
function stringContent(text: string, quote: number, cursor: number): { text: string; start: number; end: number } {
  let end = cursor;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 34 || c === 10 || c === 13) break;
    end++;
  }
  return { text: text.slice(quote + 1, cursor), start: quote + 1, end };
}

/** Lines of a block read for its clause heads: availability and objective blocks are a dozen lines. */
const MAX_BLOCK_LINES = 400;

/**
 * The first word, and the first two words, of each clause written directly in `block` on lines
 * other than the cursor's (`commit`, `excuse scheduled`, `shown to`), above and below it: the
 * clauses a block takes once are not offered again. Lines of nested tables are skipped (they
 * start with `|`), and a line starting with a percentage counts as `%` (`95% of tickets meet …`).
 */
export function clauseHeads(text: string, block: Block, cursorLineStart: number): Set<string> {
  const heads = new Set<string>();
  let depth = 0;
  let start = block.open + 1;
  for (let n = 0; n < MAX_BLOCK_LINES && start <= text.length; n++) {
    const end = lineEndOf(text, start);
    const raw = text.slice(start, end);
    const line = raw.includes("//") ? raw.replace(/\/\/.*$/, "") : raw;
    if (depth === 0 && start !== cursorLineStart) {
      const m = /^\s*(?:([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+([A-Za-z_][A-Za-z0-9_]*))?|(\d))/.exec(line);
      if (m?.[1]) heads.add(m[1]).add(m[2] ? `${m[1]} ${m[2]}` : m[1]);
      else if (m?.[3]) heads.add("%");
    }
    // Most lines are table rows without braces: only lines with one are read character by character.
    if (line.includes("{") || line.includes("}")) {
      for (const c of line.replace(/"(?:[^"\\]|\\.)*"?/g, "")) {
        if (c === "{") depth++;
        else if (c === "}" && --depth < 0) return heads;
      }
    }
    start = end + (text.startsWith("\r\n", end) ? 2 : 1);
  }
  return heads;
}

/** Whether only blank lines and comments come before `offset`: where the `policy` header may be written. */
export function onlyCommentsBefore(text: string, offset: number): boolean {
  let i = 0;
  while (i < offset) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < offset && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else return false;
  }
  return true;
}
