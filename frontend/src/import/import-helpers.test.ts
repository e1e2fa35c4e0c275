// The style validator MapLibre itself runs (a dependency of maplibre-gl): a style it refuses draws nothing.
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { FILE_SPECS } from '../../../backend/src/bundle/fields';
import { IMPORT_LAYERS, type CrsCandidate, type ImportReport } from '../api/import-types';
import { toImportQueryString } from '../api/muyield-api';
import {
  boundsOfCandidates, candidatesToGeoJson, classifyFailure, classifyProblem, formatBytes, IMPORT_FIELDS, sameMapping,
  stepAfter, toFieldMapping, toMappingRows, unitOptionsFor,
} from './import-helpers';
import { createCrsPreviewStyle } from './crs-preview-style';

const candidate = (crs: string, bbox: [number, number, number, number], centre: [number, number]): CrsCandidate => ({
  crs, label: crs, confidence: 'medium', reason: 'test', bboxLonLat: bbox, centroidLonLat: centre,
});
const gk = candidate('EPSG:4524', [108.99, 32.68, 109.01, 32.7], [109, 32.69]);
const swapped = candidate('EPSG:4326+swap', [32.68, 108.99, 32.7, 109.01], [32.69, 109]);

const report = (patch: Partial<ImportReport>): ImportReport => ({
  status: 'dryRun', file: 'f.geojson', layer: 'parcels', columns: ['宗地号'], counts: { rows: 1, valid: 1, insert: 1, update: 0, errors: 0, warnings: 0 },
  problems: [], repairs: [], ...patch,
});

describe('the fields a layer takes', () => {
  it('mirrors the backend bundle fields, with the declared area of parcels', () => {
    for (const layer of IMPORT_LAYERS) {
      const backend = FILE_SPECS[layer].map((s) => s.name);
      expect(IMPORT_FIELDS[layer]).toEqual(layer === 'parcels' ? [...backend, 'declared_area_sqm'] : backend);
    }
  });

  it('offers area units for areas, money units for money, none for per-mu figures or codes', () => {
    expect(unitOptionsFor('developed_area_sqm')).toEqual(['sqm', 'mu', 'hectare', 'sqkm']);
    expect(unitOptionsFor('approved_area_mu')).toContain('hectare');
    expect(unitOptionsFor('output_yuan')).toEqual(['yuan', 'wan_yuan', 'yi_yuan']);
    expect(unitOptionsFor('target_tax_wan_yuan_per_mu')).toEqual([]);
    expect(unitOptionsFor('code')).toEqual([]);
  });
});

describe('the editable mapping', () => {
  it('lists every field with its column and unit, and gives back only the mapped ones', () => {
    const rows = toMappingRows('indicators', { uscc: { column: '信用代码' }, output_yuan: { column: '产值', unit: 'wan_yuan' } });
    expect(rows).toHaveLength(IMPORT_FIELDS.indicators.length);
    expect(rows.find((r) => r.field === 'output_yuan')).toEqual({ field: 'output_yuan', column: '产值', unit: 'wan_yuan' });
    expect(rows.find((r) => r.field === 'tax_yuan')).toEqual({ field: 'tax_yuan', column: '', unit: 'yuan' });
    expect(toFieldMapping(rows)).toEqual({ uscc: { column: '信用代码' }, output_yuan: { column: '产值', unit: 'wan_yuan' } });
  });

  it('leaves the unit out when it is the field’s own, and compares mappings by content', () => {
    const mapping = toFieldMapping([{ field: 'tax_yuan', column: '税收', unit: 'yuan' }, { field: 'year', column: '年份' }]);
    expect(mapping).toEqual({ tax_yuan: { column: '税收' }, year: { column: '年份' } });
    expect(sameMapping(mapping, { year: { column: '年份' }, tax_yuan: { column: '税收' } })).toBe(true);
    expect(sameMapping(mapping, { year: { column: '年份' }, tax_yuan: { column: '税收', unit: 'wan_yuan' } })).toBe(false);
  });
});

describe('the CRS candidates as GeoJSON', () => {
  it('gives each candidate its extent as a closed polygon and its centre as a point, ranked', () => {
    const fc = candidatesToGeoJson([gk, swapped], 'EPSG:4326+swap');
    expect(fc.features).toHaveLength(4);
    expect(fc.features[0]).toEqual({
      type: 'Feature',
      properties: { crs: 'EPSG:4524', rank: 1, selected: false, kind: 'extent' },
      geometry: { type: 'Polygon', coordinates: [[[108.99, 32.68], [109.01, 32.68], [109.01, 32.7], [108.99, 32.7], [108.99, 32.68]]] },
    });
    expect(fc.features[3]).toEqual({
      type: 'Feature',
      properties: { crs: 'EPSG:4326+swap', rank: 2, selected: true, kind: 'centre' },
      geometry: { type: 'Point', coordinates: [32.69, 109] },
    });
  });

  it('bounds every candidate, widens a point-sized extent and stays inside Web Mercator', () => {
    expect(boundsOfCandidates([])).toBeNull();
    const [w, s, e, n] = boundsOfCandidates([candidate('A', [109, 32.7, 109, 32.7], [109, 32.7])], 0.02)!;
    expect(e - w).toBeCloseTo(0.02, 9);
    expect(n - s).toBeCloseTo(0.02, 9);
    expect(boundsOfCandidates([gk, swapped])).toEqual([32.68, 32.68, 109.01, 85]);
  });

  it('makes a style that fetches nothing and draws the candidates', () => {
    const style = createCrsPreviewStyle(candidatesToGeoJson([gk]), null);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
    expect(style.layers.map((l) => l.id)).toEqual(['background', 'candidate-extent-fill', 'candidate-extent-line', 'candidate-centre']);
  });

  it('makes a style MapLibre accepts, with and without the county outlines', () => {
    const counties = { type: 'FeatureCollection' as const, features: [] };
    expect(validateStyleMin(createCrsPreviewStyle(candidatesToGeoJson([gk, swapped], 'EPSG:4524'), null))).toEqual([]);
    expect(validateStyleMin(createCrsPreviewStyle(candidatesToGeoJson([gk]), counties))).toEqual([]);
  });
});

describe('problems and failures', () => {
  const p = (field: string | undefined, message: string) => ({ severity: 'warning' as const, file: 'f', field, message });
  it('tells USCC, overlap, outside-park, geometry and injection problems apart', () => {
    expect(classifyProblem(p('uscc', 'check character is wrong: expected 7'))).toBe('uscc');
    expect(classifyProblem(p('geometry', 'overlaps the stored parcel P01-001 by 12.0 m²'))).toBe('overlap');
    expect(classifyProblem(p('geometry', '5.0 m² (1.0 %) lies outside its park P01'))).toBe('outsidePark');
    expect(classifyProblem(p('geometry', 'is not valid: Self-intersection[108.91 32.70]'))).toBe('geometry');
    expect(classifyProblem(p('name', '"=1+1" looks like a spreadsheet formula; refused (formula injection): enter the value itself'))).toBe('formula');
    expect(classifyProblem(p('declared_area_sqm', 'declares 10 m² but the shape measures 20 m²'))).toBe('declaredArea');
    expect(classifyProblem(p(undefined, 'no coordinate system in the file: taken as lon/lat'))).toBe('crs');
    expect(classifyProblem(p('name', 'is required'))).toBe('other');
  });

  it('names 401, 403, 413 and network failures', () => {
    expect([0, 400, 401, 403, 409, 413, 500].map(classifyFailure)).toEqual(['network', 'badRequest', 'unauthorized', 'forbidden', 'conflict', 'tooLarge', 'other']);
  });
});

describe('wizard steps and the upload query', () => {
  it('asks for a CRS, shows the mapping, the problems of an unreadable file, or the record', () => {
    expect(stepAfter(report({ status: 'needsCrs' }))).toBe('crs');
    expect(stepAfter(report({ status: 'dryRun' }))).toBe('mapping');
    expect(stepAfter(report({ status: 'invalid', columns: [] }))).toBe('report');
    expect(stepAfter(report({ status: 'committed', importId: 3 }))).toBe('done');
  });

  it('goes back to the file to pick a layer when the server asks which, and only then', () => {
    const layers = [{ name: 'a' }, { name: 'b' }];
    const asked = { severity: 'error' as const, file: 'x.gpkg', field: 'sourceLayer', message: 'holds 2 feature tables' };
    expect(stepAfter(report({ status: 'invalid', columns: [], sourceLayers: layers, problems: [asked] }))).toBe('choose');
    expect(stepAfter(report({ status: 'dryRun', sourceLayer: 'a', sourceLayers: layers }))).toBe('mapping');
    expect(stepAfter(report({ status: 'invalid', columns: [], problems: [{ ...asked, field: undefined }] }))).toBe('report');
  });

  it('puts the choices in the query and never the token', () => {
    const query = toImportQueryString({
      layer: 'parcels', fileName: '宗地.geojson', dryRun: true, crs: 'EPSG:4524', repair: true, mapping: { code: { column: '宗地号' } },
      sourceLayer: '园区数据/parcels',
    });
    const params = new URLSearchParams(query);
    expect(Object.fromEntries(params)).toEqual({
      layer: 'parcels', fileName: '宗地.geojson', dryRun: 'true', crs: 'EPSG:4524', repair: 'true', mapping: '{"code":{"column":"宗地号"}}',
      sourceLayer: '园区数据/parcels',
    });
    expect(toImportQueryString({ layer: 'units', fileName: 'u.csv', dryRun: false })).toBe('?layer=units&fileName=u.csv&dryRun=false');
  });

  it('formats file sizes with binary units', () => {
    expect([512, 1536, 5 * 1024 * 1024].map(formatBytes)).toEqual(['512 B', '1.5 KB', '5.0 MB']);
  });
});
