// The admin token lives in this tab's sessionStorage only: gone when the tab closes, never in the URL.
const STORAGE_KEY = 'muyield.adminToken';

export function loadAdminToken(): string {
  try {
    return globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveAdminToken(token: string): void {
  try {
    if (token) globalThis.sessionStorage?.setItem(STORAGE_KEY, token);
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the token lasts while the wizard is open.
  }
}
