/**
 * Output lines of a batch as UTF-8 bytes, written into one buffer as each line is made.
 *
 * Why: joining a batch's lines into one string before encoding kept every piece of every line
 * (tens of thousands of small strings) alive until the batch ended, so each young-generation
 * collection copied them; written line by line, a line's pieces die young. Measured on 100,000
 * varied LumApps tickets: 5.6 → 4.3 µs a ticket for `evaluateBatch`.
 */

/** A growing buffer of newline-terminated UTF-8 lines. */
export class LineBytes {
  private buf: Buffer;
  private length = 0;

  /** `expected`: a guess of the total bytes (the buffer grows past it when needed). */
  constructor(expected: number) {
    // Never from Buffer's shared pool: the bytes may be transferred to another thread.
    this.buf = Buffer.allocUnsafeSlow(Math.max(1024, Math.ceil(expected)));
  }

  /** Append `text` and a `\n`. */
  add(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    const room = text.length * 3 + 1;
    if (this.buf.length - this.length < room) this.grow(room);
    this.length += this.buf.write(text, this.length, "utf8");
    this.buf[this.length++] = 10;
  }

  private grow(room: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + room));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** The bytes written so far (a view of the buffer: add nothing after taking them). */
  take(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
