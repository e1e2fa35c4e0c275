// Who makes or undoes a 分类调档, typed by the person until accounts exist: kept for this tab only
// (sessionStorage, like the admin token), so the next form starts with it.
const STORAGE_KEY = 'muyield.adjustedBy';

export function loadAdjusterName(): string {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveAdjusterName(name: string): void {
  try {
    if (name.trim()) globalThis.sessionStorage?.setItem(STORAGE_KEY, name.trim());
  } catch {
    // Storage disabled: the name lasts while the form is open.
  }
}
