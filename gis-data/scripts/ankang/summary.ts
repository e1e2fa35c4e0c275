// Per-park figures of the generated bundle, to check it against the magnitudes it is meant to have and
// to state them in the demo's README.
import * as turf from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { SQM_PER_MU } from '../lib/geo.js';
import type { Building, ParcelBuildings, Unit } from './buildings.js';
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
  /** area of the completed parcels (built land), mu */
  builtMu: number;
  buildings: number;
  /** floor area and footprints of the buildings on built land, m² */
  floorAreaSqm: number;
  footprintSqm: number;
  /** 综合容积率 = floor area ÷ built land */
  plotRatio: number;
  /** 建筑密度 = footprints ÷ built land */
  coverage: number;
  units: number;
  enterprises: number;
  aboveScale: number;
  output2025Yuan: number;
  valueAdded2025Yuan: number;
  tax2025Yuan: number;
  outputWanYuanPerMu: number;
  taxWanYuanPerMu: number;
  lettableSqm: number;
  leasedSqm: number;
  /** leased ÷ lettable floor area of the standard factories */
  occupancy: number;
  unsuppliedParcels: number;
  idleParcels: number;
  underConstructionParcels: number;
  /** completed parcels built well under the land-use controls, by code */
  underUsedParcels: string[];
  /** completed parcels without a building record, by code */
  dataGapParcels: string[];
  /** firms holding land in the park that produced nothing in 2025 (halted, idle or unbuilt land) */
  noOutputFirms: number;
  haltedFirms: number;
}

interface ParkFacts {
  feature: Feature<Polygon>;
  parcels: readonly Parcel[];
  buildings: readonly Building[];
  designs: readonly ParcelBuildings[];
  units: readonly Unit[];
  enterprises: readonly Enterprise[];
  landRights: readonly LandRight[];
  indicators: readonly IndicatorRow[];
}

export const SUMMARY_YEAR = 2025;

export function summariseParks(parks: readonly ParkFacts[]): ParkSummary[] {
  return parks.map((park) => {
    const heldParcels = new Set(park.landRights.map((r) => r.parcelCode));
    const holders = new Set(park.landRights.map((r) => r.uscc));
    const rows = park.indicators.filter((r) => r.year === SUMMARY_YEAR && holders.has(r.uscc));
    const sum = (pick: (r: IndicatorRow) => number | undefined) => rows.reduce((s, r) => s + (pick(r) ?? 0), 0);
    const output2025Yuan = sum((r) => r.outputYuan);
    const tax2025Yuan = sum((r) => r.taxYuan);
    const usedMu = park.parcels.filter((p) => heldParcels.has(p.code)).reduce((s, p) => s + p.areaSqm, 0) / SQM_PER_MU;
    const built = park.parcels.filter((p) => p.completedOn && p.completedOn <= `${SUMMARY_YEAR}-12-31`);
    const builtCodes = new Set(built.map((p) => p.code));
    const builtSqm = built.reduce((s, p) => s + p.areaSqm, 0);
    const onBuiltLand = park.buildings.filter((b) => builtCodes.has(b.parcelCode));
    const floorAreaSqm = onBuiltLand.reduce((s, b) => s + b.floorAreaSqm, 0);
    const footprintSqm = onBuiltLand.reduce((s, b) => s + b.footprintSqm, 0);
    const lettableSqm = park.units.reduce((s, u) => s + u.areaSqm, 0);
    const leasedSqm = park.units.filter((u) => u.status === 'leased').reduce((s, u) => s + u.areaSqm, 0);
    const producing = new Set(rows.filter((r) => (r.outputYuan ?? 0) > 0).map((r) => r.uscc));
    const withDesign = (...designs: string[]) => park.designs.filter((d) => designs.includes(d.design)).map((d) => d.parcelCode).sort();
    const properties = park.feature.properties as { code: string; name: string };
    return {
      code: properties.code,
      name: properties.name,
      boundaryMu: turf.area(park.feature) / SQM_PER_MU,
      parcels: park.parcels.length,
      parcelCoverage: park.parcels.reduce((s, p) => s + p.areaSqm, 0) / turf.area(park.feature),
      usedMu,
      builtMu: builtSqm / SQM_PER_MU,
      buildings: park.buildings.length,
      floorAreaSqm,
      footprintSqm,
      plotRatio: floorAreaSqm / builtSqm,
      coverage: footprintSqm / builtSqm,
      units: park.units.length,
      enterprises: holders.size,
      aboveScale: park.enterprises.filter((e) => e.aboveScale).length,
      output2025Yuan,
      valueAdded2025Yuan: sum((r) => r.valueAddedYuan),
      tax2025Yuan,
      outputWanYuanPerMu: output2025Yuan / 1e4 / usedMu,
      taxWanYuanPerMu: tax2025Yuan / 1e4 / usedMu,
      lettableSqm,
      leasedSqm,
      occupancy: lettableSqm > 0 ? leasedSqm / lettableSqm : 0,
      unsuppliedParcels: park.parcels.filter((p) => p.state === 'unsupplied').length,
      idleParcels: park.parcels.filter((p) => p.state === 'idleNeverStarted' || p.state === 'idleWorkStopped').length,
      underConstructionParcels: park.parcels.filter((p) => p.state === 'underConstruction').length,
      underUsedParcels: withDesign('underUsedCoverage', 'underUsedPlotRatio'),
      dataGapParcels: withDesign('dataGap'),
      noOutputFirms: park.enterprises.filter((e) => e.kind !== 'platform' && holders.has(e.uscc) && !producing.has(e.uscc)).length,
      haltedFirms: park.enterprises.filter((e) => e.status === 'halted' && holders.has(e.uscc)).length,
    };
  });
}

function total(summaries: readonly ParkSummary[]): ParkSummary {
  const sum = (pick: (s: ParkSummary) => number) => summaries.reduce((acc, s) => acc + pick(s), 0);
  const usedMu = sum((s) => s.usedMu);
  const builtMu = sum((s) => s.builtMu);
  const boundaryMu = sum((s) => s.boundaryMu);
  const lettableSqm = sum((s) => s.lettableSqm);
  const leasedSqm = sum((s) => s.leasedSqm);
  const floorAreaSqm = sum((s) => s.floorAreaSqm);
  const footprintSqm = sum((s) => s.footprintSqm);
  return {
    code: 'total', name: '合计', boundaryMu, parcels: sum((s) => s.parcels),
    parcelCoverage: sum((s) => s.parcelCoverage * s.boundaryMu) / boundaryMu, usedMu, builtMu,
    buildings: sum((s) => s.buildings), floorAreaSqm, footprintSqm,
    plotRatio: floorAreaSqm / (builtMu * SQM_PER_MU), coverage: footprintSqm / (builtMu * SQM_PER_MU),
    units: sum((s) => s.units), enterprises: sum((s) => s.enterprises), aboveScale: sum((s) => s.aboveScale),
    output2025Yuan: sum((s) => s.output2025Yuan), valueAdded2025Yuan: sum((s) => s.valueAdded2025Yuan),
    tax2025Yuan: sum((s) => s.tax2025Yuan),
    outputWanYuanPerMu: sum((s) => s.output2025Yuan) / 1e4 / usedMu,
    taxWanYuanPerMu: sum((s) => s.tax2025Yuan) / 1e4 / usedMu,
    lettableSqm,
    leasedSqm,
    occupancy: lettableSqm > 0 ? leasedSqm / lettableSqm : 0,
    unsuppliedParcels: sum((s) => s.unsuppliedParcels),
    idleParcels: sum((s) => s.idleParcels),
    underConstructionParcels: sum((s) => s.underConstructionParcels),
    underUsedParcels: summaries.flatMap((s) => s.underUsedParcels),
    dataGapParcels: summaries.flatMap((s) => s.dataGapParcels),
    noOutputFirms: sum((s) => s.noOutputFirms),
    haltedFirms: sum((s) => s.haltedFirms),
  };
}

const percent = (share: number) => `${(100 * share).toFixed(0)}%`;

const COLUMNS: ReadonlyArray<[string, (s: ParkSummary) => string]> = [
  ['park', (s) => s.code],
  ['mu', (s) => s.boundaryMu.toFixed(0)],
  ['parcels', (s) => String(s.parcels)],
  ['used mu', (s) => s.usedMu.toFixed(0)],
  ['built mu', (s) => s.builtMu.toFixed(0)],
  ['bldgs', (s) => String(s.buildings)],
  ['plot ratio', (s) => s.plotRatio.toFixed(2)],
  ['coverage', (s) => percent(s.coverage)],
  ['firms', (s) => String(s.enterprises)],
  ['规上', (s) => String(s.aboveScale)],
  ['output 亿元', (s) => (s.output2025Yuan / 1e8).toFixed(1)],
  ['万元/亩', (s) => s.outputWanYuanPerMu.toFixed(0)],
  ['tax 万元/亩', (s) => s.taxWanYuanPerMu.toFixed(1)],
  ['VA/output', (s) => percent(s.valueAdded2025Yuan / s.output2025Yuan)],
  ['units', (s) => String(s.units)],
  ['occupancy', (s) => percent(s.occupancy)],
  ['unsupplied', (s) => String(s.unsuppliedParcels)],
  ['idle', (s) => String(s.idleParcels)],
  ['under-used', (s) => String(s.underUsedParcels.length)],
  ['data gaps', (s) => String(s.dataGapParcels.length)],
  ['no output', (s) => String(s.noOutputFirms)],
  ['name', (s) => s.name],
];

/** Plain-text table for the console. */
export function formatSummaryTable(summaries: readonly ParkSummary[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...[...summaries, total(summaries)].map((s) => COLUMNS.map(([, f]) => f(s)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padStart(widths[i]))).join('  ')).join('\n');
}

function markdownTable(summaries: readonly ParkSummary[]): string {
  const columns = [COLUMNS[COLUMNS.length - 1], ...COLUMNS.slice(0, -1)];
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [
    line(columns.map(([h]) => h)),
    line(columns.map((_, i) => (i < 2 ? '---' : '---:'))),
    ...[...summaries, total(summaries)].map((s) => line(columns.map(([, f]) => f(s)))),
  ].join('\n');
}

/** What the figures of every firm-year obey, measured on the generated rows (for the README). */
export interface IndicatorMagnitudes {
  /** value added ÷ output over producing firm-years, lowest and highest */
  valueAddedShare: [number, number];
  /** tax ÷ output over producing firm-years with tax > 0 */
  taxShare: [number, number];
  /** revenue ÷ output over producing firm-years */
  revenueRatio: [number, number];
  /** electricity per output over producing firm-years, kWh per 万元 */
  electricityKwhPerWanYuan: [number, number];
}

export function measureIndicators(rows: readonly IndicatorRow[]): IndicatorMagnitudes {
  const producing = rows.filter((r) => (r.outputYuan ?? 0) > 0);
  const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  return {
    valueAddedShare: range(producing.map((r) => r.valueAddedYuan! / r.outputYuan!)),
    taxShare: range(producing.filter((r) => (r.taxYuan ?? 0) > 0).map((r) => r.taxYuan! / r.outputYuan!)),
    revenueRatio: range(producing.map((r) => r.revenueYuan! / r.outputYuan!)),
    electricityKwhPerWanYuan: range(producing.map((r) => r.electricityKwh! / (r.outputYuan! / 1e4))),
  };
}

const list = (codes: readonly string[]) => codes.map((c) => `\`${c}\``).join(', ');

export function renderReadme(note: string, summaries: readonly ParkSummary[], magnitudes: IndicatorMagnitudes): string {
  const t = total(summaries);
  const over100 = summaries.filter((s) => s.output2025Yuan >= 100e8);
  const under10 = summaries.filter((s) => s.output2025Yuan < 10e8);
  const under100PerMu = summaries.filter((s) => s.outputWanYuanPerMu < 100);
  const range = (pick: (s: ParkSummary) => number, digits: number) => {
    const values = summaries.map(pick);
    return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
  };
  const names = (parks: readonly ParkSummary[]) => parks.map((s) => s.name).join('、');
  const pct = ([a, b]: [number, number], digits = 0) => `${(100 * a).toFixed(digits)}–${(100 * b).toFixed(digits)} %`;
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
(mulberry32) makes the output byte-identical on every run; \`generate-ankang.test.ts\` checks that,
the geometry and code references of the committed files, and the figures stated below.

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

- **Park boundaries** of all 12 parks: a strip of valley floor on one bank of the river at the right
  town, its river-side edge following the river's (smoothed) centre-line 250 m off for the 汉江 and
  60 m off for a smaller river, its far edge the foot of the hills, with a geodesic area equal to the
  approved area (within 0.1 %), inside its county and at least 120 m from the other parks and from every
  drawn river. Six parks follow the GSHHG line of the 汉江; the rivers of the other six (月河 at 汉阴 and
  恒口, 岚河, 坝河, 南江河, 长安河) are not in GSHHG, so their parks follow an illustrative valley axis
  drawn along the real valley's direction through the town (\`geometry_source\` says which). The five county parks not in
  the 2018 catalogue (恒口示范区, 五里工业集中区, 镇坪县, 宁陕县, 白河县工业集中区) also have invented
  codes (\`AK-…\`), areas and industries (\`"attributes_source": "illustrative"\`).
- **Parcels**: street blocks laid out along the river (streets follow its bends and the park's edge),
  large blocks split into two or three parcels; 19-character 宗地代码 (county + 地籍区 + 地籍子区 + \`GB\`
  + sequence). Histories include unsupplied land, parcels never started a year or more after the agreed
  start, parcels whose work stopped with < 1/3 developed or < 25 % invested, parcels under construction
  and late completions.
- **Buildings** on every completed parcel, as its use and its owner's trade imply (codes = 宗地代码 +
  \`F\` + 幢号): heavy trades (building materials, metals, machinery, chemicals, wood, plastics, paper)
  in single-storey halls 10–16 m high, light trades (food, drinks, textiles, garments, toys, medicine,
  electronics, printing) in multi-storey plants, warehouses, utility structures, an office block on
  most parcels, and rows of multi-storey standard factories (3–5 storeys) on the platform company's
  parcels. Footprints lie inside their parcel's setbacks and never overlap. Each park's buildings are
  tuned to a plot ratio and a coverage within 0.8–1.3 and 35–55 % of its built land.
- **Standard-factory units** (whole or half floors, codes = 28-character 不动产单元号) with leases and
  asking rents; tenants fit their floors: heavy trades (metal products, machinery, building materials,
  plastics, wood) on ground floors only, food, garments, toys, electronics and the like upstairs too.
- **Enterprises**: invented names (any likeness to a real firm is chance); USCCs are well formed and
  pass the GB 32100 check, but belong to no one. Each park has a platform company (industry L72)
  owning its standard factories (it reports rent revenue, tax, electricity and staff, and no industrial
  output: its land produces through its tenants), utilities (D44/D46) on public land, parcel owners and
  tenants.
- **Indicators** for 2023–2025 in 元, scaled so each park's 2025 output matches its plan.

## Exceptions a planner hunts for

They are the exceptions, not the rule:

- **Under-used parcels** (${t.underUsedParcels.length}): completed and built, but with a building coverage
  under 30 % (one shed on a quarter of the land or less) or with low single-storey sheds whose plot
  ratio stays under 0.5, below every light trade's minimum in the land-use controls: ${list(t.underUsedParcels)}.
- **Data gaps** (${t.dataGapParcels.length}): completed parcels with no building recorded, for the park office to
  resolve: ${list(t.dataGapParcels)}.
- ${t.idleParcels} idle parcels (never started, or work stopped), ${t.unsuppliedParcels} unsupplied parcels,
  ${t.underConstructionParcels} parcels under construction.
- ${t.noOutputFirms} firms holding land without output in ${SUMMARY_YEAR}: halted firms (${t.haltedFirms}; stopped in
  2024, they report no output, the land-use tax and a little electricity) and owners of idle or unbuilt land.

## Magnitudes

The 2021 Ankang industrial work meeting counted 1075.5亿元 of output in 2020 from all the county
industrial zones (2329 firms, 451 of them 规上), 6 zones over 100亿元 and 7 under 10亿元, and asked
about zones under 100万元 per mu. This demo keeps to those magnitudes with its 12 parks:

- **Output** ${(t.output2025Yuan / 1e8).toFixed(1)}亿元 in ${SUMMARY_YEAR}; ${over100.length} parks over 100亿元 (${names(over100)}),
  ${under10.length} under 10亿元 (${names(under10)}); ${under100PerMu.length} parks under 100万元/亩 (${names(under100PerMu)}).
- **Per mu of used land**: output ${range((s) => s.outputWanYuanPerMu, 0)} 万元/亩 (city ${t.outputWanYuanPerMu.toFixed(0)}),
  tax ${range((s) => s.taxWanYuanPerMu, 1)} 万元/亩 (city ${t.taxWanYuanPerMu.toFixed(1)}); western county parks mostly
  report 3–20 万元/亩 of tax.
- **Land use**: 综合容积率 ${range((s) => s.plotRatio, 2)} (city ${t.plotRatio.toFixed(2)}) and 建筑密度
  ${range((s) => 100 * s.coverage, 0)} % (city ${(100 * t.coverage).toFixed(0)} %) of built land.
- **Every producing firm-year**: value added ${pct(magnitudes.valueAddedShare)} of output (never above it), tax
  ${pct(magnitudes.taxShare, 1)} of output where positive (a few years carry a VAT refund: zero or negative),
  revenue ${magnitudes.revenueRatio[0].toFixed(2)}–${magnitudes.revenueRatio[1].toFixed(2)} × output, electricity
  ${magnitudes.electricityKwhPerWanYuan[0].toFixed(0)}–${magnitudes.electricityKwhPerWanYuan[1].toFixed(0)} kWh per 万元 of output by trade (energy and
  emissions follow from it), staff from the trade's output per person.
- **Standard factories**: rent 6–12 元/m²/月, occupancy ${range((s) => 100 * s.occupancy, 0)} % by park (county
  standard factories run from about 30 % to 97 %).

## Summary (${SUMMARY_YEAR})

Output and tax are the sums over the enterprises holding land in the park; per-mu figures divide them
by the area of the parcels that have at least one holder (owner or tenant). Plot ratio and coverage
divide the floor area and the footprints of the buildings on completed parcels by the area of those
parcels (built land). Occupancy is leased ÷ lettable floor area of the standard factories. The
exception columns count parcels (unsupplied, idle, under-used, data gaps) and firms (no output).

${markdownTable(summaries)}

Totals: ${(t.output2025Yuan / 1e8).toFixed(1)}亿元 output; ${t.parcels} parcels, ${t.buildings} buildings, ${t.units} units,
${t.enterprises} enterprises (${t.aboveScale} 规上).
`;
}
