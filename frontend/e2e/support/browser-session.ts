// What every browser journey starts from: a MuYield server (MUYIELD_URL, or one started here), Debian's
// Chromium on a fresh profile and its first page, with the page's uncaught errors collected. Each journey
// ends by expecting none.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { REPO_ROOT, type Server, startServer, stopServer } from './muyield-server';

/** Screenshots of the journeys, for a person to look at (test-results/browser/). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'browser');

export interface BrowserSession {
  server: Server;
  context: BrowserContext;
  page: Page;
  /** The page's uncaught errors, in order. */
  pageErrors: string[];
  /** Until the app says it has drawn its first data (window.__muyield.ready). */
  waitForReady(): Promise<unknown>;
  /** Chromium closed, its profile removed, the server stopped (if started here). */
  close(): Promise<void>;
}

export interface BrowserSessionOptions {
  viewport: { width: number; height: number };
  /** Added to a server started here (e.g. ADMIN_TOKEN); ignored with MUYIELD_URL. */
  serverEnv?: Record<string, string>;
  /** Runs before the page is taken: routes for other hosts, request listeners. */
  prepare?: (context: BrowserContext, server: Server) => Promise<void> | void;
}

export async function openBrowserSession(options: BrowserSessionOptions): Promise<BrowserSession> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const server = await startServer(options.serverEnv);
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
    await stopServer(server);
  };
  try {
    profileDir = await mkdtemp(join(tmpdir(), 'muyield-chromium-'));
    context = await launchChromium(profileDir, options.viewport);
    await options.prepare?.(context, server);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const waitForReady = () => page.waitForFunction(() => window.__muyield?.ready === true, null, { timeout: 90_000 });
    return { server, context, page, pageErrors, waitForReady, close };
  } catch (error) {
    await close();
    throw error;
  }
}
