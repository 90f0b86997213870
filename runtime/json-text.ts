/**
 * JSON text with errors at a line and column (`3:14: expected \`,\` or \`}\``), the same on every
 * Node version. JSON.parse's own messages give a character offset (Node 20) or quote the input
 * (Node 22+: `"{…" is not valid JSON`), and input text is never echoed. So when JSON.parse
 * fails, a small scanner finds where and why; the fast path stays JSON.parse.
 */

export type JsonText = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

/** Parse JSON text; on a syntax error, its 1-based line and column (UTF-16 units) and a reason. */
export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const { offset, message } = locateJsonError(text);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { ok: false, line, column: offset - lineStart + 1, message };
  }
}

/**
 * `invalid JSON at 3:14: expected a value`; within one NDJSON line (whose number is reported
 * beside it), `invalid JSON at column 14: expected a value`.
 */
export function jsonErrorMessage(e: { line: number; column: number; message: string }, oneLine = false): string {
  return `invalid JSON at ${oneLine ? "column " : `${e.line}:`}${e.column}: ${e.message}`;
}

class JsonSyntax extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Where the first syntax error of (invalid) JSON text is. Only called after JSON.parse failed. */
export function locateJsonError(text: string): { offset: number; message: string } {
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonSyntax(i, i >= text.length ? "unexpected end of the input" : message);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail("expected a value");
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail("");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail("a control character (such as a line break) inside a string");
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail("an invalid escape in a string");
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === "-") fail("an invalid number");
    i += m![0].length;
  };
  // An object or an array: members separated by commas up to the closing bracket.
  const container = (close: "}" | "]", member: () => void) => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      ws();
      if (text[i] === ",") i++;
      else if (text[i] === close) {
        i++;
        return;
      } else fail(`expected \`,\` or \`${close}\``);
    }
  };
  const value = (depth: number): void => {
    if (depth > 1000) fail("nested too deeply (over 1,000 levels)");
    ws();
    const c = text[i];
    if (c === "{") {
      container("}", () => {
        ws();
        if (text[i] !== '"') fail("expected a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("expected `:` after the property name");
        i++;
        value(depth + 1);
      });
    } else if (c === "[") container("]", () => value(depth + 1));
    else if (c === '"') string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) number();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else fail("expected a value");
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail("unexpected text after the JSON value");
  } catch (e) {
    if (e instanceof JsonSyntax) return { offset: e.offset, message: e.message };
    throw e;
  }
  // JSON.parse refused what the scanner accepts (a stack overflow on deep nesting, say).
  return { offset: 0, message: "the JSON text could not be read" };
}
