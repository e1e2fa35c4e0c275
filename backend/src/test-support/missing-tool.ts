import { describe, it } from 'vitest';

/**
 * Where a program some tests need (GDAL, LibreOffice) is not installed, one skipped test in `suite` names it
 * and how to install it, so the gap shows in the run. Where it is installed this adds nothing: its tests run.
 */
export function reportMissingTool(installed: boolean, suite: string, message: string): void {
  if (!installed) describe(suite, () => it.skip(message, () => undefined));
}
