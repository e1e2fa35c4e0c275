// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetList, Health } from '../api/types';
import type { Resource } from '../data/use-resource';
import { renderWithLocale } from '../test-support/render';
import { AboutPanel } from './AboutPanel';

afterEach(cleanup);

const datasets: Resource<DatasetList> = {
  status: 'ready',
  data: {
    datasets: [
      {
        id: 'regions',
        name: '县区边界',
        nameEn: 'County boundaries',
        source: '高德 DataV',
        licence: 'DataV terms of use',
        vintage: '2020',
        crs: 'EPSG:4326 (from GCJ-02)',
        real: true,
        note: '',
      },
      {
        id: 'parks',
        name: '园区边界',
        nameEn: 'Park boundaries',
        source: 'MuYield demo generator',
        licence: 'MIT',
        vintage: '2023',
        crs: 'EPSG:4326',
        real: false,
        note: '示意数据，非官方',
      },
    ],
  },
};

const health: Resource<Health> = { status: 'ready', data: { status: 'ok', database: 'embedded', postgis: '3.6.0' } };

describe('AboutPanel', () => {
  it('lists every dataset with source, licence, vintage and CRS', () => {
    renderWithLocale(<AboutPanel datasets={datasets} health={health} onClose={() => {}} />);
    const items = screen.getAllByTestId('dataset');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('县区边界');
    expect(items[0].textContent).toContain('高德 DataV');
    expect(items[0].textContent).toContain('DataV terms of use');
    expect(items[0].textContent).toContain('2020');
    expect(items[0].textContent).toContain('EPSG:4326 (from GCJ-02)');
    expect(items[1].textContent).toContain('示意数据，非官方');
  });

  it('tags each dataset real or illustrative', () => {
    renderWithLocale(<AboutPanel datasets={datasets} health={health} onClose={() => {}} />);
    expect(screen.getAllByTestId('dataset-tag').map((tag) => tag.textContent)).toEqual(['真实', '示意']);
  });

  it('uses English names and tags in English', () => {
    renderWithLocale(<AboutPanel datasets={datasets} health={health} onClose={() => {}} />, 'en');
    expect(screen.getAllByTestId('dataset')[1].textContent).toContain('Park boundaries');
    expect(screen.getAllByTestId('dataset-tag').map((tag) => tag.textContent)).toEqual(['Real', 'Illustrative']);
  });

  it('names the database and PostGIS version', () => {
    renderWithLocale(<AboutPanel datasets={datasets} health={health} onClose={() => {}} />);
    expect(screen.getByTestId('health-line').textContent).toBe('数据库：内嵌 PGlite · PostGIS 3.6.0');
  });

  it('shows a failed catalogue as an alert', () => {
    renderWithLocale(
      <AboutPanel
        datasets={{ status: 'error', problem: { type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'x' } }}
        health={{ status: 'loading' }}
        onClose={() => {}}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Bad Gateway — x');
  });

  it('closes from the close button and the backdrop, not from a click inside', () => {
    const onClose = vi.fn();
    const { container } = renderWithLocale(<AboutPanel datasets={datasets} health={health} onClose={onClose} />);
    fireEvent.click(screen.getByTestId('about-panel'));
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(container.querySelector('.backdrop')!);
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
