// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithLocale } from '../test-support/render';
import { ExportMenu, TABLE_FORMATS } from './ExportMenu';
import { exportUrl } from '../api/muyield-api';
import { RankingList } from './RankingList';
import { makeParkProperties } from '../test-support/fixtures';

afterEach(cleanup);

const links = () => within(screen.getByTestId('export-menu')).getAllByRole('link', { hidden: true });

describe('ExportMenu', () => {
  it('offers every format as a download link for the layer and filter, in Chinese', () => {
    renderWithLocale(<ExportMenu layer="parks" filter={{ year: 2025, region: '610902' }} />);
    expect(screen.getByText('导出')).toBeTruthy();
    expect(links().map((a) => a.textContent)).toEqual(['Excel (.xlsx)', 'CSV', 'Shapefile (.zip)', 'GeoPackage', 'GeoJSON']);
    const shp = links().find((a) => a.getAttribute('data-format') === 'shp')!;
    expect(shp.getAttribute('href')).toBe('/api/export/parks?format=shp&region=610902&year=2025');
    expect(shp.hasAttribute('download')).toBe(true);
  });

  it('asks for English headers when the app is in English', () => {
    renderWithLocale(<ExportMenu layer="indicators" formats={TABLE_FORMATS} filter={{ park: 'P 1' }} />, 'en');
    expect(screen.getByText('Export')).toBeTruthy();
    expect(links().map((a) => a.getAttribute('href'))).toEqual([
      '/api/export/indicators?format=xlsx&park=P+1&lang=en',
      '/api/export/indicators?format=csv&park=P+1&lang=en',
      '/api/export/indicators?format=geojson&park=P+1&lang=en',
    ]);
  });

  it('leaves out filters that are not set', () => {
    expect(exportUrl('idle-land', 'gpkg', { park: null, year: null })).toBe('/api/export/idle-land?format=gpkg');
  });

  it('is offered in the ranking list for the parks of the year shown', () => {
    renderWithLocale(
      <RankingList parks={[makeParkProperties({ code: 'P1' })]} year={2024} selectedCode={null} onHoverPark={() => {}} onSelectPark={() => {}} />,
    );
    expect(links().find((a) => a.getAttribute('data-format') === 'xlsx')!.getAttribute('href')).toBe('/api/export/parks?format=xlsx&year=2024');
  });
});
