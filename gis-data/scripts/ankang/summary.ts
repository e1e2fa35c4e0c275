// Per-park figures of the generated bundle, to check it against the magnitudes in DOMAIN.md §9.
import * as turf from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { SQM_PER_MU } from '../lib/geo.js';
import type { Unit } from './buildings.js';
import type { Enterprise, LandRight } from './enterprises.js';
import type { IndicatorRow } from './indicators.js';
import type { Parcel } from './parcels.js';

export interface ParkSummary {
  code: string;
  name: string;
  boundaryMu: number;
  parcels: number;
  /** parcel area ÷ boundary area */
  parcelCoverage: number;
  /** area of the parcels that have at least one holder, mu */
  usedMu: number;
  idleParcels: number;
  buildings: number;
  units: number;
  enterprises: number;
  aboveScale: number;
  output2025Yuan: number;
  tax2025Yuan: number;
  outputWanYuanPerMu: number;
  taxWanYuanPerMu: number;
  lettableSqm: number;
  leasedSqm: number;
  /** leased ÷ lettable floor area of the standard factories */
  occupancy: number;
}

interface ParkFacts {
  feature: Feature<Polygon>;
  parcels: readonly Parcel[];
  buildings: readonly unknown[];
  units: readonly Unit[];
  enterprises: readonly Enterprise[];
  landRights: readonly LandRight[];
  indicators: readonly IndicatorRow[];
}

const SUMMARY_YEAR = 2025;

export function summariseParks(parks: readonly ParkFacts[]): ParkSummary[] {
  return parks.map((park) => {
    const heldParcels = new Set(park.landRights.map((r) => r.parcelCode));
    const holders = new Set(park.landRights.map((r) => r.uscc));
    const rows = park.indicators.filter((r) => r.year === SUMMARY_YEAR && holders.has(r.uscc));
    const output2025Yuan = rows.reduce((s, r) => s + (r.outputYuan ?? 0), 0);
    const tax2025Yuan = rows.reduce((s, r) => s + (r.taxYuan ?? 0), 0);
    const usedMu = park.parcels.filter((p) => heldParcels.has(p.code)).reduce((s, p) => s + p.areaSqm, 0) / SQM_PER_MU;
    const lettableSqm = park.units.reduce((s, u) => s + u.areaSqm, 0);
    const leasedSqm = park.units.filter((u) => u.status === 'leased').reduce((s, u) => s + u.areaSqm, 0);
    const properties = park.feature.properties as { code: string; name: string };
    return {
      code: properties.code,
      name: properties.name,
      boundaryMu: turf.area(park.feature) / SQM_PER_MU,
      parcels: park.parcels.length,
      parcelCoverage: park.parcels.reduce((s, p) => s + p.areaSqm, 0) / turf.area(park.feature),
      usedMu,
      idleParcels: park.parcels.filter((p) => p.state === 'idleNeverStarted' || p.state === 'idleWorkStopped').length,
      buildings: park.buildings.length,
      units: park.units.length,
      enterprises: holders.size,
      aboveScale: park.enterprises.filter((e) => e.aboveScale).length,
      output2025Yuan,
      tax2025Yuan,
      outputWanYuanPerMu: output2025Yuan / 1e4 / usedMu,
      taxWanYuanPerMu: tax2025Yuan / 1e4 / usedMu,
      lettableSqm,
      leasedSqm,
      occupancy: lettableSqm > 0 ? leasedSqm / lettableSqm : 0,
    };
  });
}

const HEADER = ['park', 'mu', 'parcels', 'cover', 'used mu', 'idle', 'bldgs', 'units', 'firms', '规上',
  'output 亿元', '万元/亩', 'tax 万元/亩', 'occupancy', 'name'];

function cells(s: ParkSummary): string[] {
  return [
    s.code, s.boundaryMu.toFixed(0), String(s.parcels), `${(100 * s.parcelCoverage).toFixed(0)}%`, s.usedMu.toFixed(0),
    String(s.idleParcels), String(s.buildings), String(s.units), String(s.enterprises), String(s.aboveScale),
    (s.output2025Yuan / 1e8).toFixed(1), s.outputWanYuanPerMu.toFixed(0), s.taxWanYuanPerMu.toFixed(1),
    `${(100 * s.occupancy).toFixed(0)}%`, s.name,
  ];
}

function total(summaries: readonly ParkSummary[]): ParkSummary {
  const sum = (pick: (s: ParkSummary) => number) => summaries.reduce((acc, s) => acc + pick(s), 0);
  const usedMu = sum((s) => s.usedMu);
  const boundaryMu = sum((s) => s.boundaryMu);
  const lettableSqm = sum((s) => s.lettableSqm);
  const leasedSqm = sum((s) => s.leasedSqm);
  return {
    code: 'total', name: '合计', boundaryMu, parcels: sum((s) => s.parcels),
    parcelCoverage: sum((s) => s.parcelCoverage * s.boundaryMu) / boundaryMu, usedMu,
    idleParcels: sum((s) => s.idleParcels), buildings: sum((s) => s.buildings), units: sum((s) => s.units),
    enterprises: sum((s) => s.enterprises), aboveScale: sum((s) => s.aboveScale),
    output2025Yuan: sum((s) => s.output2025Yuan), tax2025Yuan: sum((s) => s.tax2025Yuan),
    outputWanYuanPerMu: sum((s) => s.output2025Yuan) / 1e4 / usedMu,
    taxWanYuanPerMu: sum((s) => s.tax2025Yuan) / 1e4 / usedMu,
    lettableSqm,
    leasedSqm,
    occupancy: lettableSqm > 0 ? leasedSqm / lettableSqm : 0,
  };
}

/** Plain-text table for the console. */
export function formatSummaryTable(summaries: readonly ParkSummary[]): string {
  const rows = [HEADER, ...summaries.map(cells), cells(total(summaries))];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padStart(widths[i]))).join('  ')).join('\n');
}

function markdownTable(summaries: readonly ParkSummary[]): string {
  const rows = [...summaries.map(cells), cells(total(summaries))].map((r) => [r[r.length - 1], ...r.slice(0, -1)]);
  const header = [HEADER[HEADER.length - 1], ...HEADER.slice(0, -1)];
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i < 1 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function renderReadme(note: string, summaries: readonly ParkSummary[]): string {
  const t = total(summaries);
  const over100 = summaries.filter((s) => s.output2025Yuan >= 100e8).length;
  const under10 = summaries.filter((s) => s.output2025Yuan < 10e8).length;
  const under100PerMu = summaries.filter((s) => s.outputWanYuanPerMu < 100).length;
  const perMu = summaries.map((s) => s.outputWanYuanPerMu);
  const [minPerMu, maxPerMu] = [Math.min(...perMu), Math.max(...perMu)];
  const taxPerMu = summaries.map((s) => s.taxWanYuanPerMu);
  const [minTaxPerMu, maxTaxPerMu] = [Math.min(...taxPerMu), Math.max(...taxPerMu)];
  return `<!-- ${note} -->
# Ankang demo bundle (安康市工业集中区演示数据)

A park bundle in the \`park-bundle/1\` format (see the platform's bundle documentation) for demos and
tests. **Only the county boundaries, the river basemap and the catalogue attributes of seven parks are
real. Everything else is illustrative**: invented to look like Ankang's county industrial parks,
at realistic magnitudes, but describing no real parcel, building or firm.

Every file here is generated by \`gis-data/scripts/generate-ankang.ts\`; do not edit them by hand.
The GeoJSON files and \`bundle.json\` say so in a top-level \`note\`; the CSV files cannot carry a
comment line (CSV readers choke on it), so this README says it for them.

## Regenerate

\`\`\`sh
npm run generate -w gis-data            # or: npx tsx gis-data/scripts/generate-ankang.ts
\`\`\`

It reads the real public files in \`gis-data/sources/\` (origin, licence, CRS and vintage of each in
its README) and writes this folder and \`gis-data/basemap/rivers.geojson\`. A seeded generator
(mulberry32) makes the output byte-identical on every run; \`generate-ankang.test.ts\` checks that
and the geometry and code references of the committed files.

## What is real

| file | content | source | licence |
| --- | --- | --- | --- |
| \`regions.geojson\` | the 10 county-level units of 安康市 | Amap district API (June 2020) via GitHub \`GaryBikini/ChinaAdminDivisonSHP\`, converted from GCJ-02 to WGS84 | MIT for the repository; Amap's terms may restrict redistribution of the geometry, so get legal review before shipping it |
| \`parks.geojson\` (attributes of the 7 \`G…\`/\`S…\` parks) | code, name, level, leading industries, approved area | 中国开发区审核公告目录（2018年版）, 公告2018年第4号 | official document, not subject to copyright (PRC Copyright Law Art. 5) |
| \`../basemap/rivers.geojson\` | river centre-lines around Ankang, \`wdb_level\` 1–4 | GSHHG 2.3.7 World Data Bank II | LGPL-3.0-or-later |

Regions are lightly simplified (Douglas–Peucker 0.0005°, high quality, kept only where every polygon
stays valid); 旬阳县 610928 appears under its current code 610981 旬阳市.

## What is illustrative

Flagged \`"illustrative": true\` on every GeoJSON feature; all CSV rows are illustrative.

- **Park boundaries** of all 12 parks (\`"geometry_source": "illustrative"\`): smooth ovals stretched
  along the valley at the right town, with a geodesic area equal to the approved area (within 0.1%),
  inside their county and clear of each other. The five county parks not in the 2018 catalogue
  (恒口示范区, 五里工业集中区, 镇坪县, 宁陕县, 白河县工业集中区) also have invented codes (\`AK-…\`),
  areas and industries (\`"attributes_source": "illustrative"\`).
- **Parcels**: an irregular street grid clipped to each park, 19-character 宗地代码
  (county + 地籍区 + 地籍子区 + \`GB\` + sequence). Histories include unsupplied land, parcels never
  started a year or more after the agreed start, parcels whose work stopped with < 1/3 developed or
  < 25% invested, parcels under construction and late completions.
- **Buildings** (mostly multi-storey standard factories; codes = 宗地代码 + \`F\` + 幢号) and their
  **units** (whole or half floors, codes = 28-character 不动产单元号) with leases and asking rents.
- **Enterprises**: invented names (any likeness to a real firm is chance); USCCs are well formed and
  pass the GB 32100 check, but belong to no one. Each park has a platform company (industry L72)
  owning its standard factories, utilities (D44/D46) on public land, parcel owners and tenants.
- **Indicators** for 2023–2025 in 元, scaled so each park's 2025 output matches its plan. The plans
  follow the magnitudes of DOMAIN.md §9 (the 2021 Ankang work report counted 1075.5亿元 in 2020 from
  all county zones, 6 parks over 100亿元 and 7 under 10亿元): ${(t.output2025Yuan / 1e8).toFixed(0)}亿元 from these ${summaries.length} parks,
  ${over100} over 100亿元 and ${under10} under 10亿元, output per mu spread from ${minPerMu.toFixed(0)} to ${maxPerMu.toFixed(0)} 万元/亩 across the
  map's classes, 亩均税收 ${minTaxPerMu.toFixed(1)}–${maxTaxPerMu.toFixed(1)} 万元/亩.

## Summary (2025)

Output and tax are the sums over the enterprises holding land in the park; per-mu figures divide them
by the area of the parcels that have at least one holder (owner or tenant). Occupancy is leased ÷
lettable floor area of the standard factories.

${markdownTable(summaries)}

Totals: ${(t.output2025Yuan / 1e8).toFixed(1)}亿元 output, ${over100} parks over 100亿元, ${under10} under 10亿元,
${under100PerMu} under 100万元/亩; ${t.parcels} parcels, ${t.buildings} buildings, ${t.units} units,
${t.enterprises} enterprises (${t.aboveScale} 规上).
`;
}
