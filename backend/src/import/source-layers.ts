import { ImportReadError } from './safe-zip.js';
import { problemDetail, type ProblemDetail } from '../bundle/problems.js';
import type { SourceLayer } from './source.js';

/**
 * The file holds several layers and none was named, or the one named is not there: nothing is read, and
 * the layers travel with the error so the report (and the import wizard) can offer them.
 */
export class SourceLayerChoiceError extends ImportReadError {
  constructor(file: string, readonly sourceLayers: SourceLayer[], message: string, detail?: ProblemDetail) {
    super(file, message, detail);
  }
}

/** "parcels (MultiPolygon, 4 features), roads (LineString, 2 features)" */
export function describeSourceLayers(layers: readonly SourceLayer[]): string {
  return layers.map((l) => {
    const facts = [l.geometryType, l.count !== undefined ? `${l.count} ${l.count === 1 ? 'feature' : 'features'}` : undefined].filter(Boolean);
    return facts.length ? `${l.name} (${facts.join(', ')})` : l.name;
  }).join(', ');
}

/**
 * The layer `chosen` names, or a SourceLayerChoiceError when it names none of them or none was chosen of several.
 * A layer in a folder of a zip (`园区数据/parcels`) may also be named without the folder when no other has that name.
 */
export function chooseSourceLayer(file: string, layers: readonly SourceLayer[], chosen: string | undefined, kind: string): SourceLayer {
  const how = 'choose one with sourceLayer= (HTTP) or --source-layer (CLI)';
  if (chosen !== undefined) {
    const byShortName = layers.filter((l) => l.name.split('/').pop() === chosen);
    const found = layers.find((l) => l.name === chosen) ?? (byShortName.length === 1 ? byShortName[0] : undefined);
    if (!found) {
      throw new SourceLayerChoiceError(file, [...layers], `has no ${kind} "${chosen}"; it has ${describeSourceLayers(layers)}: ${how}`,
        problemDetail('sourceLayerNotFound', { chosen, what: kind, layers: layers.map((l) => l.name) }));
    }
    return found;
  }
  if (layers.length > 1) {
    throw new SourceLayerChoiceError(file, [...layers], `holds ${layers.length} ${kind}s, ${describeSourceLayers(layers)}; nothing was read: ${how}`,
      problemDetail('severalSourceLayers', { count: layers.length, what: kind, layers: layers.map((l) => l.name) }));
  }
  return layers[0];
}
