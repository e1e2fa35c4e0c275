/**
 * Cuts a GeoJSON text, arriving in chunks of bytes, into the pieces an importer needs: each member of the
 * root object, and each element of the root's `features` array, as its own JSON text for `JSON.parse`.
 *
 * Why not a streaming JSON parser: a tokenizer written in JavaScript builds every number of every
 * coordinate itself, and read the 200 000-parcel benchmark file (103 MiB) 2–3× slower than JSON.parse of
 * the whole (bench/README.md). Here the bytes are only scanned for strings and brackets; the values are
 * parsed by the engine's JSON.parse, one feature at a time, so the text is never whole in memory.
 *
 * The structure around the pieces (braces, colons, commas) is checked here; everything inside a piece is
 * checked by JSON.parse. Only ASCII bytes are structural in UTF-8, so chunks may split a character.
 */

export class GeoJsonSyntaxError extends Error {
  constructor(message: string, readonly byte: number | null) {
    super(message);
  }
}

/** The text is JSON, or starts like it, but its root is not an object (an array, a string, a number…). */
export class NotAnObjectError extends Error {}

export interface SplitterHandlers {
  /** A member of the root object other than an array `features`: its key and its value's JSON text. */
  member(key: string, json: string): void;
  /** The root's `features` is an array (called when it opens). */
  featuresArray(): void;
  /** One element of the `features` array, as JSON text. */
  feature(json: string): void;
  /** The `features` array has closed. */
  featuresEnd(): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const BOM = [0xef, 0xbb, 0xbf];

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Where the scanner is in the root object's grammar (values deeper than a member or a feature are captured whole). */
const enum State {
  Start, // before the root value (a byte-order mark may come first)
  KeyOrEnd, // after '{'
  Key, // after ','
  Colon,
  Value,
  AfterValue, // after a member's value: ',' or '}'
  FeatureOrEnd, // after the features' '['
  Feature, // after ',' in the features
  AfterFeature, // ',' or ']'
  End, // after the root's '}': only white space
}

/** A value being captured: where it started, the bytes so far, and how deep inside it the scanner is. */
interface Capture {
  kind: 'key' | 'member' | 'feature';
  pieces: Buffer[];
  start: number; // offset in the current chunk
  depth: number; // brackets open inside it; 0 for a string or a bare scalar
  scalar: boolean; // a number, true, false or null: ends before a delimiter
  string: boolean; // a string: ends at its closing quote
}

export class GeoJsonSplitter {
  private state = State.Start;
  private position = 0; // bytes before the current chunk
  private inString = false;
  private escaped = false;
  private capture: Capture | null = null;
  private key = '';
  private bomBytes = 0; // of the byte-order mark EF BB BF seen at the very start

  constructor(private readonly on: SplitterHandlers) {}

  write(chunk: Buffer): void {
    let i = 0;
    const n = chunk.length;
    if (this.capture) this.capture.start = i;
    while (i < n) {
      const cap = this.capture;
      if (cap) {
        i = this.scanCapture(chunk, i, cap);
        continue;
      }
      const b = chunk[i];
      if (isSpace(b)) {
        i++;
        continue;
      }
      this.step(chunk, i, b);
      i++; // past the byte; a value that began there is scanned from the next one

    }
    const open = this.capture;
    if (open && open.start < n) open.pieces.push(chunk.subarray(open.start, n));
    this.position += n;
  }

  /** The text has ended: anything left open means it was cut short. */
  end(): void {
    if (this.capture || this.state !== State.End) throw new GeoJsonSyntaxError('unexpected end of JSON input (is the file cut short?)', null);
  }

  /** One structural byte outside any captured value. */
  private step(chunk: Buffer, i: number, b: number): void {
    switch (this.state) {
      case State.Start:
        if (this.position + i === this.bomBytes && b === BOM[this.bomBytes]) return void this.bomBytes++;
        if (this.position + i === 0 && (b === 0xff || b === 0xfe)) {
          throw new GeoJsonSyntaxError('the text is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8', 0);
        }
        if (b === OPEN_BRACE) return void (this.state = State.KeyOrEnd);
        if (b === OPEN_BRACKET || b === QUOTE || b === 0x2d || (b >= 0x30 && b <= 0x39) || b === 0x74 || b === 0x66 || b === 0x6e) {
          throw new NotAnObjectError('the root is not an object');
        }
        return this.unexpected(chunk, i);
      case State.KeyOrEnd:
        if (b === CLOSE_BRACE) return void (this.state = State.End);
      // falls through: a key
      case State.Key:
        if (b === QUOTE) return this.begin(chunk, i, 'key');
        return this.unexpected(chunk, i);
      case State.Colon:
        if (b === COLON) return void (this.state = State.Value);
        return this.unexpected(chunk, i);
      case State.Value:
        if (this.key === 'features' && b === OPEN_BRACKET) {
          this.on.featuresArray();
          return void (this.state = State.FeatureOrEnd);
        }
        return this.begin(chunk, i, 'member');
      case State.AfterValue:
        if (b === COMMA) return void (this.state = State.Key);
        if (b === CLOSE_BRACE) return void (this.state = State.End);
        return this.unexpected(chunk, i);
      case State.FeatureOrEnd:
        if (b === CLOSE_BRACKET) return this.closeFeatures();
      // falls through: a feature
      case State.Feature:
        return this.begin(chunk, i, 'feature');
      case State.AfterFeature:
        if (b === COMMA) return void (this.state = State.Feature);
        if (b === CLOSE_BRACKET) return this.closeFeatures();
        return this.unexpected(chunk, i);
      case State.End:
        return this.unexpected(chunk, i);
    }
  }

  private closeFeatures(): void {
    this.on.featuresEnd();
    this.state = State.AfterValue;
  }

  private begin(chunk: Buffer, i: number, kind: Capture['kind']): void {
    const b = chunk[i];
    if (b === CLOSE_BRACKET || b === CLOSE_BRACE || b === COMMA || b === COLON) return this.unexpected(chunk, i);
    const open = b === OPEN_BRACE || b === OPEN_BRACKET;
    this.capture = { kind, pieces: [], start: i, depth: open ? 1 : 0, scalar: !open && b !== QUOTE, string: b === QUOTE };
    if (b === QUOTE) this.inString = true;
  }

  /**
   * Scan inside a captured value from `i` (its first byte was seen by begin()); returns where to go on:
   * after the value when it ended here, else the chunk's end.
   */
  private scanCapture(chunk: Buffer, i: number, cap: Capture): number {
    const n = chunk.length;
    if (cap.scalar) {
      while (i < n) {
        const b = chunk[i];
        if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) {
          this.finish(chunk, i, cap);
          return i; // the delimiter is structural: step() sees it
        }
        i++;
      }
      return n;
    }
    while (i < n) {
      if (this.inString) {
        // the closing quote is the first one not escaped; search natively, then count the backslashes before it
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        const q = chunk.indexOf(QUOTE, i);
        if (q < 0) {
          this.escaped = endsWithOddBackslashes(chunk, i, n);
          return n;
        }
        if (endsWithOddBackslashes(chunk, i, q)) {
          i = q + 1;
          continue;
        }
        this.inString = false;
        i = q + 1;
        if (cap.string) {
          this.finish(chunk, i, cap);
          return i;
        }
        continue;
      }
      const b = chunk[i++];
      if (b === QUOTE) this.inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) cap.depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (--cap.depth === 0) {
          this.finish(chunk, i, cap);
          return i;
        }
      }
    }
    return n;
  }

  private finish(chunk: Buffer, end: number, cap: Capture): void {
    cap.pieces.push(chunk.subarray(cap.start, end));
    const text = (cap.pieces.length === 1 ? cap.pieces[0] : Buffer.concat(cap.pieces)).toString('utf8');
    this.capture = null;
    switch (cap.kind) {
      case 'key':
        this.key = JSON.parse(text) as string;
        this.state = State.Colon;
        return;
      case 'member':
        this.on.member(this.key, text);
        this.state = State.AfterValue;
        return;
      case 'feature':
        this.on.feature(text);
        this.state = State.AfterFeature;
    }
  }

  private unexpected(chunk: Buffer, i: number): never {
    const b = chunk[i];
    const shown = b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `byte 0x${b.toString(16).padStart(2, '0')}`;
    throw new GeoJsonSyntaxError(`unexpected "${shown}" at byte ${this.position + i}`, this.position + i);
  }
}

/** An odd run of backslashes right before `end` (from `from` on) escapes what follows. */
function endsWithOddBackslashes(chunk: Buffer, from: number, end: number): boolean {
  let k = end - 1;
  while (k >= from && chunk[k] === BACKSLASH) k--;
  return (end - 1 - k) % 2 === 1;
}
