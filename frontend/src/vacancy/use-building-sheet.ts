import type { MultiPolygon, Polygon } from 'geojson';
import { getPark, listBuildingUnits, listParkBuildings } from '../api/finder-api';
import type { BuildingProperties, BuildingUnits } from '../api/finder-types';
import { listDatasets } from '../api/muyield-api';
import type { Dataset, ParkFeature } from '../api/types';
import { type Resource, useResource } from '../data/use-resource';

export interface BuildingSheet {
  park: ParkFeature;
  building: { properties: BuildingProperties; geometry: Polygon | MultiPolygon };
  units: BuildingUnits;
  /** The vintage of the units dataset (or of the buildings), as the bundle states it. */
  /** The dataset whose vintage the sheet states (the units', else the buildings'). */
  dataVintage: Dataset | null;
}

/** Everything the print sheet shows, in one go; a building not in the park is a 404-like problem. */
export function useBuildingSheet(buildingCode: string, parkCode: string | null): Resource<BuildingSheet> {
  return useResource(
    async (signal) => {
      if (!parkCode) throw new Error(`print=building:${buildingCode} needs &park=<park code>`);
      const [park, buildings, units, datasets] = await Promise.all([
        getPark(parkCode, signal),
        listParkBuildings(parkCode, signal),
        listBuildingUnits(buildingCode, signal),
        listDatasets(signal).catch(() => ({ datasets: [] })),
      ]);
      const building = buildings.features.find((f) => f.properties.code === buildingCode);
      if (!building) throw new Error(`building ${buildingCode} is not in park ${parkCode}`);
      const withVintage = (id: string) => datasets.datasets.find((d) => d.id === id && d.vintage) ?? null;
      return { park, building, units, dataVintage: withVintage('units') ?? withVintage('buildings') };
    },
    true,
    `${buildingCode}@${parkCode}`,
  );
}
