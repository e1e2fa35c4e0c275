// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchAnswer, SearchHit } from '../api/finder-types';
import type { Resource } from '../data/use-resource';
import { renderWithLocale } from '../test-support/render';
import { SettingsDialog } from '../settings/SettingsDialog';
import { SearchBox } from './SearchBox';

afterEach(cleanup);

const hits: SearchHit[] = [
  { kind: 'park', code: 'AK-GX', name: '安康高新区', parkCode: 'AK-GX', parkName: '安康高新区', bbox: [1, 2, 3, 4], point: [2, 3] },
  { kind: 'parcel', code: '610902GB00001', name: '610902GB00001', parkCode: 'AK-GX', parkName: '安康高新区', bbox: [1, 2, 3, 4], point: [2, 3] },
  { kind: 'enterprise', code: '91610900MA0000A19A', name: '安康富硒食品有限公司', parkCode: 'AK-GX', parkName: '安康高新区', bbox: null, point: null },
];
const ready: Resource<SearchAnswer> = { status: 'ready', data: { query: '安康', results: hits } };

function renderBox(answer: Resource<SearchAnswer> = ready) {
  const onChoose = vi.fn();
  renderWithLocale(<SearchBox text="安康" onTextChange={() => {}} answer={answer} onChoose={onChoose} />);
  const input = screen.getByRole('combobox');
  fireEvent.focus(input);
  return { input, onChoose };
}

describe('SearchBox', () => {
  it('lists results with their kind and park', () => {
    renderBox();
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      '园区安康高新区',
      '宗地610902GB00001位于 安康高新区',
      '企业安康富硒食品有限公司91610900MA0000A19A位于 安康高新区',
    ]);
  });

  it('moves through the results with the arrow keys and chooses with Enter', () => {
    const { input, onChoose } = renderBox();
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = screen.getAllByRole('option')[1];
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(active.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(screen.getAllByRole('option')[2].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith(hits[2]);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('chooses the first result on Enter without arrows, and closes on Escape', () => {
    const { input, onChoose } = renderBox();
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.focus(input);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChoose).toHaveBeenCalledWith(hits[0]);
  });

  it('says when nothing is found', () => {
    renderBox({ status: 'ready', data: { query: 'zz', results: [] } });
    expect(screen.getByTestId('search-results').textContent).toBe('无结果');
  });
});

describe('SettingsDialog', () => {
  it('refuses GCJ-02 tiles with the reason, at once', () => {
    const onApply = vi.fn();
    renderWithLocale(<SettingsDialog choice={{ kind: 'offline' }} onApply={onApply} onClose={() => {}} />);
    fireEvent.click(screen.getByTestId('basemap-xyz'));
    fireEvent.change(screen.getByTestId('xyz-url'), { target: { value: 'https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}' } });
    fireEvent.change(screen.getByTestId('xyz-crs'), { target: { value: 'gcj02' } });
    expect(screen.getByTestId('basemap-error').textContent).toContain('GCJ-02 瓦片无法使用');
    expect((screen.getByTestId('basemap-apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('closes on Escape without applying', () => {
    const onApply = vi.fn();
    const onClose = vi.fn();
    renderWithLocale(<SettingsDialog choice={{ kind: 'offline' }} onApply={onApply} onClose={onClose} />);
    fireEvent.keyDown(screen.getByTestId('basemap-xyz'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onApply).not.toHaveBeenCalled();
  });

  it('applies 天地图 with the key once given, and asks for it before', () => {
    const onApply = vi.fn();
    renderWithLocale(<SettingsDialog choice={{ kind: 'offline' }} onApply={onApply} onClose={() => {}} />, 'en');
    fireEvent.click(screen.getByTestId('basemap-tianditu-vec'));
    fireEvent.click(screen.getByTestId('basemap-apply'));
    expect(screen.getByTestId('basemap-error').textContent).toBe('Enter your Tianditu key.');
    expect(onApply).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('tianditu-key'), { target: { value: 'k123' } });
    fireEvent.click(screen.getByTestId('basemap-apply'));
    expect(onApply).toHaveBeenCalledWith({ kind: 'tianditu', layer: 'vec', key: 'k123' });
  });
});
