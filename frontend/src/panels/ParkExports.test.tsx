// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithLocale } from '../test-support/render';
import { ParkExports } from './ParkExports';

afterEach(cleanup);

const menus = () => screen.getAllByTestId('export-menu');
const hrefs = (menu: HTMLElement) => within(menu).getAllByRole('link', { hidden: true }).map((a) => a.getAttribute('href'));

describe('ParkExports', () => {
  it("offers the park's parcels, buildings, units, land findings and evaluations, each for this park and year", () => {
    renderWithLocale(<ParkExports parkCode="AK-HENGKOU" year={2025} />);
    expect(menus().map((m) => m.getAttribute('data-layer'))).toEqual(['parcels', 'buildings', 'units', 'idle-land', 'evaluations']);
    expect(screen.getByText('地块')).toBeTruthy();
    const parcels = menus()[0];
    expect(hrefs(parcels)).toContain('/api/export/parcels?format=shp&park=AK-HENGKOU&year=2025');
    expect(hrefs(parcels)).toContain('/api/export/parcels?format=gpkg&park=AK-HENGKOU&year=2025');
  });

  it('gives tables without geometry no Shapefile or GeoPackage, and English headers in English', () => {
    renderWithLocale(<ParkExports parkCode="AK-HENGKOU" year={null} />, 'en');
    const units = menus().find((m) => m.getAttribute('data-layer') === 'units')!;
    expect(hrefs(units)).toEqual([
      '/api/export/units?format=xlsx&park=AK-HENGKOU&lang=en',
      '/api/export/units?format=csv&park=AK-HENGKOU&lang=en',
      '/api/export/units?format=geojson&park=AK-HENGKOU&lang=en',
    ]);
    expect(screen.getByText('Enterprise evaluations')).toBeTruthy();
  });
});
