import { RowFeed, type EarlyRows, type SourceData, type SourceRecord } from './source.js';
import { ImportReadError } from './safe-zip.js';
import { problemDetail } from '../bundle/problems.js';
import { GeoJsonSplitter, GeoJsonSyntaxError, NotAnObjectError, wholeFeature } from './geojson-splitter.js';

type Chunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * A GeoJSON FeatureCollection or Feature, read as a stream of chunks (a file's read stream, or `[buffer]`):
 * features are cut out of the text one by one and each parsed by JSON.parse (geojson-splitter.ts), so the
 * file's text is never whole in memory. A legacy `crs` member (what GDAL writes for projected data) is kept
 * as the stated CRS. A feature's geometry is kept as text and parsed when first read (FeatureRecord): in
 * an import, when its row is built, while PostgreSQL writes the rows before it.
 * With `early`, the rows read so far are offered once `early.rows` features of a FeatureCollection are read,
 * so an import can check and write them while the rest is read; the feed it gets then says when more are read,
 * and ends or fails as this read does.
 */
export async function readGeoJson(chunks: Chunks, file: string, early?: EarlyRows): Promise<SourceData> {
  const feed = early ? new RowFeed() : undefined;
  try {
    const data = await readFeatures(chunks, file, early, feed);
    feed?.end();
    return data;
  } catch (err) {
    feed?.fail(err);
    throw err;
  }
}

async function readFeatures(chunks: Chunks, file: string, early: EarlyRows | undefined, feed: RowFeed | undefined): Promise<SourceData> {
  let type: unknown;
  let crsName: unknown;
  let featuresArray = false;
  let featuresDone = false;
  const single: { properties?: unknown; geometry?: unknown } = {};
  const columns: string[] = [];
  const seen = new Set<string>();
  const records: SourceRecord[] = [];
  let offered = false;
  const parse = (json: string, what: () => string) => {
    try {
      return JSON.parse(json) as unknown;
    } catch (err) {
      throw new ImportReadError(file, `is not valid JSON ${what()}: ${(err as Error).message}`, problemDetail('jsonInvalid', { reason: (err as Error).message }));
    }
  };

  const splitter = new GeoJsonSplitter({
    featuresArray: () => {
      featuresArray = true;
    },
    featuresEnd: () => {
      featuresDone = true;
    },
    feature: (json, geometry, nullAt) => {
      if (!geometry) return void records.push(toRecord(parse(json, () => `in feature ${records.length + 1}`), records.length + 1, columns, seen));
      let value: unknown;
      try {
        value = JSON.parse(json);
      } catch {
        // the error as JSON.parse of the whole feature says it (its position counts the geometry's text)
        value = parse(wholeFeature(json, geometry, nullAt!), () => `in feature ${records.length + 1}`);
        return void records.push(toRecord(value, records.length + 1, columns, seen));
      }
      records.push(toRecord(value, records.length + 1, columns, seen, geometry));
      if (early && feed && featuresArray && records.length === early.rows) {
        offered = true;
        early.take({ file, format: 'geojson', columns: [...columns], records, statedCrs: statedCrs(crsName), problems: [] }, feed);
      }
    },
    member: (key, json) => {
      const value = parse(json, () => `in the member "${key}"`);
      if (key === 'type') type = value;
      else if (key === 'crs') crsName = (value as { properties?: { name?: unknown } } | null)?.properties?.name;
      else if (key === 'properties' || key === 'geometry') single[key] = value;
      else if (key === 'features') featuresArray = false; // not an array
    },
  });

  try {
    for await (const chunk of chunks) {
      if (!chunk.length) continue;
      splitter.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      if (feed) {
        feed.grew();
        // Once the rows are offered, not too far ahead of those taken (until then, as far as the offer needs)
        if (offered) await feed.room(records.length);
      }
    }
    splitter.end();
  } catch (err) {
    if (err instanceof NotAnObjectError) throw new ImportReadError(file, 'is not a GeoJSON FeatureCollection or Feature', problemDetail('notGeoJson', {}));
    if (!(err instanceof GeoJsonSyntaxError)) throw err;
    const where = records.length > 0 && !featuresDone ? ` after feature ${records.length}` : '';
    throw new ImportReadError(file, `is not valid JSON${where}: ${err.message}`, problemDetail('jsonInvalid', { reason: err.message, ...(where ? { afterFeature: records.length } : {}) }));
  }

  if (type === 'FeatureCollection' && featuresArray) {
    // features came as they were cut out
  } else if (type === 'Feature') {
    records.length = 0;
    columns.length = 0;
    seen.clear();
    records.push(toRecord(single, 1, columns, seen));
  } else {
    throw new ImportReadError(file, 'is not a GeoJSON FeatureCollection or Feature', problemDetail('notGeoJson', {}));
  }
  return {
    file,
    format: 'geojson',
    columns,
    records,
    statedCrs: statedCrs(crsName),
    problems: [],
  };
}

/** The CRS a legacy `crs` member names */
function statedCrs(crsName: unknown): SourceData['statedCrs'] {
  return typeof crsName === 'string' ? { text: crsName, from: 'the GeoJSON "crs" member' } : undefined;
}

/** The feature's record; its geometry is `geometryJson` parsed when first read, when given, else the one in `value` */
function toRecord(value: unknown, featureNumber: number, columns: string[], seen: Set<string>, geometryJson?: string): SourceRecord {
  const feature = (value ?? {}) as { properties?: Record<string, unknown> | null; geometry?: unknown };
  const properties = feature.properties && typeof feature.properties === 'object' ? feature.properties : {};
  for (const key of Object.keys(properties)) {
    if (!seen.has(key)) {
      seen.add(key);
      columns.push(key);
    }
  }
  return new FeatureRecord(featureNumber, properties, geometryJson === undefined ? feature.geometry ?? null : undefined, geometryJson);
}

/**
 * A feature whose geometry may still be JSON text (checked to be JSON by the splitter): JSON.parse-d the
 * first time `geometry` is read, then kept. Parsing and holding 200 000 parcels' geometries while reading
 * took ~0.4 s of the read (1.7 s → 1.35 s), before PostgreSQL had anything to do; an import parses each
 * geometry when it builds its row, batch by batch (~0.15 s more there), while PostgreSQL writes the batch
 * before. Held as text, the geometries also take less memory (peak RSS of the read 260 → 200 MiB).
 */
class FeatureRecord implements SourceRecord {
  private parsed: unknown;
  /** The geometry's JSON text, until it is parsed */
  private json: string | undefined;

  constructor(readonly feature: number, public properties: Record<string, unknown>, geometry: unknown, geometryJson: string | undefined) {
    this.parsed = geometry;
    this.json = geometryJson;
  }

  get geometry(): unknown {
    if (this.json !== undefined) {
      this.parsed = JSON.parse(this.json);
      this.json = undefined;
    }
    return this.parsed;
  }

  set geometry(value: unknown) {
    this.json = undefined;
    this.parsed = value;
  }

  /** As a plain record: the geometry is a getter, which JSON.stringify and spreads would leave out */
  toJSON(): SourceRecord {
    return { feature: this.feature, properties: this.properties, geometry: this.geometry };
  }
}
