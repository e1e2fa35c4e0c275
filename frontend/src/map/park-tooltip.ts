// What the map says on hover over a park's land: the parcel's code, per-mu tax and holder grade (marked
// when adjusted); the building's kind, floors, occupancy and its reserved and vacant space; a finding's
// kind, rule and area (idle land: since when, and the days from then). Pure: picked object and strings
// in, text out (null for anything else, e.g. parks, which have their panel and labels).
import type { BuildingFeature, LandUseFeature, ParcelFeature } from '../api/park-types';
import { formatCount, formatDate, formatMu, formatPercent, formatSquareMetres, formatWanYuanPerMu } from '../format';
import type { Messages } from '../i18n/zh-CN';
import type { BuildingPart } from './layers/buildings-layer';

const isFeature = (object: unknown): object is { type: 'Feature'; properties: Record<string, unknown> } =>
  typeof object === 'object' && object !== null && (object as { type?: unknown }).type === 'Feature';

export function describeParkLand(layerId: string | undefined, object: unknown, t: Messages): string | null {
  const d = t.details;
  if (layerId === 'parcels' && isFeature(object)) {
    const p = (object as unknown as ParcelFeature).properties;
    // A grade moved by 分类调档 says so, with the computed one.
    const adjusted = p.holderGrade && p.holderGradeAdjusted && p.holderComputedGrade ? ` (${t.adjust.markSummary(p.holderComputedGrade, p.holderGrade)})` : '';
    const grade = p.holderGrade ? ` · ${d.gradeOf(p.holderGrade, null)}${adjusted}` : '';
    return `${d.kinds.parcel} ${p.code}\n${d.taxPerMu} ${formatWanYuanPerMu(p.taxWanYuanPerMu)}${grade}`;
  }
  if (layerId === 'buildings' && typeof object === 'object' && object !== null && 'building' in object) {
    const b = ((object as BuildingPart).building as BuildingFeature).properties;
    const kind = d.buildingKinds[b.kind] ?? b.kind;
    const occupancy = b.unitCount > 0
      ? ` · ${d.occupancyRate} ${formatPercent(b.occupancyRate)}\n${d.reserved} ${formatSquareMetres(b.reservedSqm)} · ${d.vacant} ${formatSquareMetres(b.vacantSqm)}`
      : '';
    return `${kind} · ${d.floorsValue(b.floors)}${occupancy}`;
  }
  if (layerId === 'land-use' && isFeature(object)) {
    const f = (object as unknown as LandUseFeature).properties;
    const l = t.landUse;
    const text = `${l.kinds[f.kind]} · ${formatMu(f.areaMu)}\n${l.rules[f.rule] ?? f.rule}`;
    // an idle count goes with the date it is counted from
    return f.kind === 'idle' && f.idleSince && f.daysIdle != null
      ? `${text}\n${l.idleSince} ${formatDate(f.idleSince)} · ${l.daysIdle} ${l.daysIdleValue(formatCount(f.daysIdle))}`
      : text;
  }
  return null;
}
