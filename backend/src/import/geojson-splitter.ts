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
 *
 * A feature's geometry is handed out apart, as text, so it can be parsed later, when its row is built
 * (read-geojson.ts): while cutting a feature out, the scanner notes where the value of the feature
 * object's own "geometry" member starts and ends (depth 1 only, never a key inside properties), checking
 * as it goes that the value is JSON (scanJsonValue), so a broken geometry is still refused while reading.
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
  /**
   * One element of the `features` array, as JSON text. When it is an object whose own "geometry" member
   * holds an object that is valid JSON, that value comes apart: `geometry` is its text, and `json` holds
   * `null` in its place, at `nullAt`.
   */
  feature(json: string, geometry?: string, nullAt?: number): void;
  /** The `features` array has closed. */
  featuresEnd(): void;
}

/** A feature's text with its geometry put back (SplitterHandlers.feature): what JSON.parse would have been given whole. */
export function wholeFeature(json: string, geometry: string, nullAt: number): string {
  return json.slice(0, nullAt) + geometry + json.slice(nullAt + 4);
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
  length: number; // bytes in pieces
  start: number; // offset in the current chunk
  depth: number; // brackets open inside it; 0 for a string or a bare scalar
  scalar: boolean; // a number, true, false or null: ends before a delimiter
  string: boolean; // a string: ends at its closing quote
  // A feature that is an object: its own "geometry" member. Offsets are from the capture's first byte.
  object: boolean;
  topString: number; // where a string at depth 1 (a member's key or a string value) opened
  afterGeometry: boolean; // the last thing at depth 1 was the string "geometry" (so: its key, before the value)
  geometryStart: number; // the value of the last "geometry" member when it is an object, else -1
  geometryEnd: number;
  geometryChecked: boolean; // scanJsonValue read the value whole: it is JSON
  whole: boolean; // to be parsed whole: a geometry that is not plain JSON, or a key at depth 1 with escapes that might spell "geometry"
}

/** The key "geometry", as bytes */
const GEOMETRY = Buffer.from('geometry');
/** A key of 8 characters written with escapes (\u0067…) takes at most 6 bytes each */
const MAX_ESCAPED_GEOMETRY_BYTES = 6 * GEOMETRY.length;

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
    if (open && open.start < n) {
      open.pieces.push(chunk.subarray(open.start, n));
      open.length += n - open.start;
    }
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
    this.capture = {
      kind, pieces: [], length: 0, start: i, depth: open ? 1 : 0, scalar: !open && b !== QUOTE, string: b === QUOTE,
      object: kind === 'feature' && b === OPEN_BRACE, topString: -1, afterGeometry: false, geometryStart: -1, geometryEnd: -1, geometryChecked: false, whole: false,
    };
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
        if (cap.object && cap.depth === 1) this.topStringEnds(chunk, q, cap);
        if (cap.string) {
          this.finish(chunk, i, cap);
          return i;
        }
        continue;
      }
      const b = chunk[i++];
      if (b === QUOTE) {
        this.inString = true;
        if (cap.object && cap.depth === 1) {
          cap.topString = cap.length + i - 1 - cap.start;
          cap.afterGeometry = false;
        }
      } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        if (cap.object && cap.depth === 1 && cap.afterGeometry) {
          cap.afterGeometry = false;
          if (b === OPEN_BRACE) {
            // The geometry: read it whole here when it ends in this chunk, checking it is JSON on the way
            const after = scanJsonValue(chunk, i - 1, n);
            if (after >= 0) {
              cap.geometryStart = cap.length + i - 1 - cap.start;
              cap.geometryEnd = cap.length + after - cap.start;
              cap.geometryChecked = true;
              i = after;
              continue;
            }
            if (after === NOT_PLAIN_JSON) cap.whole = true;
            else cap.geometryStart = cap.length + i - 1 - cap.start; // checked when the feature is whole
          }
        }
        cap.depth++;
      } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (--cap.depth === 0) {
          this.finish(chunk, i, cap);
          return i;
        }
        if (cap.depth === 1 && cap.geometryStart >= 0 && cap.geometryEnd < 0) cap.geometryEnd = cap.length + i - cap.start;
      }
    }
    return n;
  }

  /**
   * A string at the feature's top level closed at `q`: when it is "geometry" and not a value (after a
   * colon), it is the key of the geometry, and overrides any earlier one, as JSON.parse takes the last of
   * two equal keys.
   */
  private topStringEnds(chunk: Buffer, q: number, cap: Capture): void {
    const from = cap.topString + 1;
    const to = cap.length + q - cap.start;
    const size = to - from;
    if (size < GEOMETRY.length || size > MAX_ESCAPED_GEOMETRY_BYTES) return;
    let bytes = chunk;
    let k = cap.start + from - cap.length; // where the string's text starts in `bytes`
    if (from < cap.length) { // it began in an earlier chunk
      bytes = Buffer.concat([...cap.pieces, chunk.subarray(cap.start, q)]);
      k = from;
    }
    if (size === GEOMETRY.length) {
      let same = true;
      for (let j = 0; j < size && same; j++) same = bytes[k + j] === GEOMETRY[j];
      if (same) {
        if (this.lastByteBefore(chunk, cap, cap.topString) === COLON) return;
        cap.afterGeometry = true;
        cap.geometryStart = cap.geometryEnd = -1;
        cap.geometryChecked = false;
        return;
      }
    }
    for (let j = 0; j < size; j++) if (bytes[k + j] === BACKSLASH) return void (cap.whole = true);
  }

  /** The last byte before `offset` in the capture that is not white space */
  private lastByteBefore(chunk: Buffer, cap: Capture, offset: number): number {
    for (let k = offset - 1; k >= 0; k--) {
      let b: number;
      if (k >= cap.length) b = chunk[cap.start + k - cap.length];
      else {
        let at = k;
        let p = 0;
        while (at >= cap.pieces[p].length) at -= cap.pieces[p++].length;
        b = cap.pieces[p][at];
      }
      if (!isSpace(b)) return b;
    }
    return -1;
  }

  private finish(chunk: Buffer, end: number, cap: Capture): void {
    cap.pieces.push(chunk.subarray(cap.start, end));
    const bytes = cap.pieces.length === 1 ? cap.pieces[0] : Buffer.concat(cap.pieces);
    this.capture = null;
    const { geometryStart, geometryEnd } = cap;
    if (geometryEnd > 0 && !cap.whole && (cap.geometryChecked || scanJsonValue(bytes, geometryStart, geometryEnd) === geometryEnd)) {
      const before = bytes.toString('utf8', 0, geometryStart);
      this.on.feature(`${before}null${bytes.toString('utf8', geometryEnd)}`, bytes.toString('utf8', geometryStart, geometryEnd), before.length);
      this.state = State.AfterFeature;
      return;
    }
    const text = bytes.toString('utf8');
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

/** scanJsonValue: the bytes end before the value does */
export const CUT_SHORT = -1;
/** scanJsonValue: not JSON, or a string with escapes (taken as not plain, so the feature is parsed whole) */
export const NOT_PLAIN_JSON = -2;

/**
 * Where the JSON value that starts at `start` ends (after its last byte), reading no further than `end`;
 * CUT_SHORT when it goes on past `end`, NOT_PLAIN_JSON when it is not JSON as JSON.parse reads it or holds a
 * string with an escape or a control character. Builds nothing: a geometry is checked, not parsed.
 */
export function scanJsonValue(bytes: Buffer, start: number, end: number): number {
  const objects: boolean[] = []; // the open containers, innermost last: true for an object
  let i = start;
  for (;;) {
    // a value
    while (i < end && isSpace(bytes[i])) i++;
    if (i >= end) return CUT_SHORT;
    const b = bytes[i];
    if (b === OPEN_BRACKET || b === OPEN_BRACE) {
      i++;
      while (i < end && isSpace(bytes[i])) i++;
      if (i >= end) return CUT_SHORT;
      if (bytes[i] !== (b === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        objects.push(b === OPEN_BRACE);
        if (b === OPEN_BRACE) {
          i = afterKey(bytes, i, end);
          if (i < 0) return i;
        }
        continue;
      }
      i++; // empty
    } else {
      i = b === QUOTE ? afterString(bytes, i, end) : b === 0x74 ? afterWord(bytes, i, end, TRUE) : b === 0x66 ? afterWord(bytes, i, end, FALSE) : b === 0x6e ? afterWord(bytes, i, end, NULL) : afterNumber(bytes, i, end);
      if (i < 0) return i;
    }
    // after a value: the next one in its container, or the container's end
    for (;;) {
      if (objects.length === 0) return i;
      while (i < end && isSpace(bytes[i])) i++;
      if (i >= end) return CUT_SHORT;
      const c = bytes[i++];
      const inObject = objects[objects.length - 1];
      if (c === COMMA) {
        if (inObject) {
          i = afterKey(bytes, i, end);
          if (i < 0) return i;
        }
        break;
      }
      if (c !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) return NOT_PLAIN_JSON;
      objects.pop();
    }
  }
}

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/** After a key and its colon (white space before either), or CUT_SHORT or NOT_PLAIN_JSON */
function afterKey(bytes: Buffer, i: number, end: number): number {
  while (i < end && isSpace(bytes[i])) i++;
  if (i >= end) return CUT_SHORT;
  if (bytes[i] !== QUOTE) return NOT_PLAIN_JSON;
  i = afterString(bytes, i, end);
  if (i < 0) return i;
  while (i < end && isSpace(bytes[i])) i++;
  if (i >= end) return CUT_SHORT;
  return bytes[i] === COLON ? i + 1 : NOT_PLAIN_JSON;
}

/** After the string that opens at `i`, without escapes or control characters */
function afterString(bytes: Buffer, i: number, end: number): number {
  const q = bytes.indexOf(QUOTE, i + 1);
  if (q < 0 || q >= end) return CUT_SHORT;
  for (let k = i + 1; k < q; k++) if (bytes[k] < 0x20 || bytes[k] === BACKSLASH) return NOT_PLAIN_JSON;
  return q + 1;
}

function afterWord(bytes: Buffer, i: number, end: number, word: Buffer): number {
  for (let k = 0; k < word.length; k++, i++) {
    if (i >= end) return CUT_SHORT;
    if (bytes[i] !== word[k]) return NOT_PLAIN_JSON;
  }
  return i;
}

/** After a number as JSON writes it, -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, that starts at `i` */
function afterNumber(bytes: Buffer, i: number, end: number): number {
  if (bytes[i] === 0x2d) i++;
  if (i >= end) return CUT_SHORT;
  if (bytes[i] === 0x30) i++;
  else i = afterDigits(bytes, i, end);
  if (i < 0) return i;
  if (i < end && bytes[i] === 0x2e) i = afterDigits(bytes, i + 1, end);
  if (i < 0) return i;
  if (i < end && (bytes[i] | 0x20) === 0x65) {
    i++;
    if (i < end && (bytes[i] === 0x2b || bytes[i] === 0x2d)) i++;
    i = afterDigits(bytes, i, end);
  }
  // a number can end only before a delimiter, so the chunk's end leaves it open
  return i >= end ? CUT_SHORT : i;
}

/** After one digit or more at `i` */
function afterDigits(bytes: Buffer, i: number, end: number): number {
  const from = i;
  while (i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39) i++;
  return i === from ? (i >= end ? CUT_SHORT : NOT_PLAIN_JSON) : i;
}
