import type { BundleProblem } from '../bundle/problems.js';

/** A file to read: its bytes, or (for uploads and the CLI, so large files are not held whole in memory) its path. */
export type SourceInput = Buffer | { path: string };

export type SourceFormat = 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'geopackage' | 'csv' | 'xlsx';

/** One feature or table row as the file gave it: properties by column, geometry in the file's coordinates. */
export interface SourceRecord {
  /** Spreadsheet row (header = 1) for CSV and XLSX */
  row?: number;
  /** 1-based feature number for every other format */
  feature?: number;
  properties: Record<string, unknown>;
  /** A GeoJSON geometry object in the source CRS, or null */
  geometry: unknown;
}

/** One layer of a file that can hold several: a shapefile in a zip, a GeoPackage feature table, a file in a zip or KMZ of several. */
export interface SourceLayer {
  /** What to pass as sourceLayer: the shapefile's path in the zip without extension, the table name, or a GeoJSON/KML/CSV file's path in the zip */
  name: string;
  /** As the file declares it, e.g. Polygon, MultiPolygon, Point (a shapefile's Polygon may hold multipolygons) */
  geometryType?: string;
  /** Features, from the shapefile index or COUNT(*) of the table (not given for a file in a zip: it would mean parsing it) */
  count?: number;
}

export interface SourceData {
  file: string;
  format: SourceFormat;
  /** Shapefile base name, GeoPackage table, or the file's path in a zip of several */
  layerName?: string;
  /** Every layer the file holds, for formats that can hold several (zipped Shapefile, GeoPackage, a zip or KMZ of several files) */
  sourceLayers?: SourceLayer[];
  columns: string[];
  records: SourceRecord[];
  /** The CRS the file itself states: a .prj or GeoPackage WKT, a GeoJSON `crs` name, or KML's fixed lon/lat */
  statedCrs?: { text: string; from: string };
  /** Text encoding of DBF or CSV, when it was chosen */
  encoding?: string;
  problems: BundleProblem[];
}

/** A text longer than this in one row is refused (a whole row, all its cells together), characters. */
export const MAX_ROW_CHARS = 100_000;

/**
 * Rows a reader keeps read ahead of the consumer that takes them (RowFeed.room): enough that the consumer never
 * waits for a piece of the file (a 64 KiB piece of GeoJSON parcels holds ~120), few enough that a row is taken
 * before the young generation of node's heap is collected. 200 000 parcels (bench/import.ts): read whole ahead,
 * scavenges 731 ms; 4 096 ahead, 670 ms and the import 6.2–7.3 s; 512 ahead, 360–400 ms and 5.2–5.4 s (256 and
 * 1 024 did as well as 512).
 */
export const ROWS_READ_AHEAD = 512;

/**
 * The rows of a file still being read: its reader adds to `records` and calls `grew` after each piece of the
 * file, then `end` (every row read) or `fail` (the file is broken: its error). A consumer that has built every
 * row read so far waits on `more` for the next ones. Once its rows are offered, the reader waits on `room` before
 * it reads further than ROWS_READ_AHEAD rows beyond those the consumer took (`took`), until the consumer
 * `release`s it: whoever takes a feed must release it when it stops taking rows, however it stops.
 */
export class RowFeed {
  complete = false;
  private failure: { error: unknown } | undefined;
  private waiting: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private taken = 0;
  private holding = true;
  private roomFor: { rows: number; resolve: () => void } | undefined;

  /** The consumer has taken the first `rows` rows */
  took(rows: number): void {
    this.taken = rows;
    if (this.roomFor && rows >= this.roomFor.rows) this.makeRoom();
  }

  /** The consumer takes no more rows: the reader is not held back any longer */
  release(): void {
    this.holding = false;
    this.makeRoom();
  }

  /** For the reader, having read `read` rows: undefined, or a promise of room to read on */
  room(read: number): Promise<void> | undefined {
    if (!this.holding || read - this.taken < ROWS_READ_AHEAD) return undefined;
    return new Promise((resolve) => {
      this.roomFor = { rows: read - ROWS_READ_AHEAD + 1, resolve };
    });
  }

  private makeRoom(): void {
    const waiting = this.roomFor;
    this.roomFor = undefined;
    waiting?.resolve();
  }

  grew(): void {
    this.settle((w) => w.resolve());
  }

  end(): void {
    this.complete = true;
    this.settle((w) => w.resolve());
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.settle((w) => w.reject(error));
  }

  /** Resolves when more rows were read or the reading ended; rejects with the reader's error. */
  more(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.complete) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private settle(how: (w: { resolve: () => void; reject: (err: unknown) => void }) => void): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) how(w);
  }
}

/** A reader's offer to start on the rows before it has read them all: after `rows` rows, `take` gets them so far. */
export interface EarlyRows {
  rows: number;
  /** The source as read so far (`records` and `feed` live, `columns` and `statedCrs` as they were then) */
  take: (partial: SourceData, feed: RowFeed) => void;
}
