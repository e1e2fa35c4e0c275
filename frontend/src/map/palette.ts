import type { Rgba } from './tiers';

// Base-map colours. Kept clear of the park tier colours (tiers.ts) so parks stand out and a
// screenshot test can tell them apart.

/** Outside the ten counties. */
export const BACKGROUND_CSS = '#dde4ea';
export const COUNTY_FILL: Rgba = [250, 248, 241, 255];
export const COUNTY_LINE: Rgba = [128, 118, 106, 255];
export const RIVER_LINE: Rgba = [70, 140, 215, 220];
export const PARK_LINE: Rgba = [255, 255, 255, 230];
export const SELECTED_LINE: Rgba = [20, 30, 60, 255];
/** A park pointed at from the ranking list. */
export const HIGHLIGHT_LINE: Rgba = [230, 0, 120, 255];
export const HOVER_HIGHLIGHT: Rgba = [255, 255, 255, 100];
export const COUNTY_LABEL: Rgba = [80, 70, 60, 255];
export const PARK_LABEL: Rgba = [30, 35, 45, 255];
export const LABEL_HALO: Rgba = [255, 255, 255, 235];

/** No glyph server: TextLayer draws labels with the browser's own CJK fonts. */
export const LABEL_FONT_FAMILY = '"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif';
