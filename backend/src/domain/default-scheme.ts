import defaultSchemeJson from './default-scheme.json';
import type { EvaluationScheme } from './scheme.js';
import { validateScheme } from './scheme-validation.js';

function loadDefaultScheme(): EvaluationScheme {
  const result = validateScheme(defaultSchemeJson);
  if (!result.ok) {
    throw new Error(`default-scheme.json is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return result.scheme;
}

/** The Zhejiang-model default scheme (DOMAIN.md §2–§6), checked by validateScheme when first imported. */
export const DEFAULT_SCHEME: EvaluationScheme = loadDefaultScheme();
