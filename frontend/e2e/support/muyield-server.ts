// Starts the MuYield server for the browser test, or waits for the one at MUYIELD_URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SERVER_START_TIMEOUT_MS = 240_000;
/** Server output kept for the error message when it fails to start. */
const OUTPUT_CHUNKS_KEPT = 200;

export interface Server {
  baseUrl: string;
  process?: ChildProcess;
  dataDir?: string;
  output: string[];
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (server.process && server.process.exitCode !== null) {
      throw new Error(`server exited with ${server.process.exitCode}:\n${server.output.join('').slice(-4000)}`);
    }
    try {
      const response = await fetch(`${server.baseUrl}/api/health`);
      if (response.ok && ((await response.json()) as { status?: string }).status === 'ok') return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(1000);
  }
  throw new Error(`server not healthy after ${timeoutMs} ms (${lastError}):\n${server.output.join('').slice(-4000)}`);
}

/** `env` adds to the server's environment (e.g. ADMIN_TOKEN); ignored when MUYIELD_URL points at a running server. */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const fromEnv = process.env.MUYIELD_URL;
  if (fromEnv) {
    const server: Server = { baseUrl: fromEnv.replace(/\/+$/, ''), output: [] };
    await waitForHealth(server, SERVER_START_TIMEOUT_MS);
    return server;
  }
  const port = await findFreePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'muyield-browser-data-'));
  const child = spawn('npx', ['tsx', 'backend/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so afterAll can stop npx, tsx and node together.
    detached: true,
  });
  const server: Server = { baseUrl: `http://localhost:${port}`, process: child, dataDir, output: [] };
  const record = (chunk: Buffer) => {
    server.output.push(chunk.toString());
    if (server.output.length > OUTPUT_CHUNKS_KEPT) server.output.shift();
  };
  child.stdout?.on('data', record);
  child.stderr?.on('data', record);
  try {
    await waitForHealth(server, SERVER_START_TIMEOUT_MS);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return server;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  const child = server.process;
  if (child?.pid !== undefined) {
    // Signal the group even if npx itself is gone: the node process it started may not be.
    const running = child.exitCode === null && child.signalCode === null;
    const exited = running ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
    };
    signalGroup('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
    if (timedOut) signalGroup('SIGKILL');
    // npx exits first; the server under it is still closing its database. Wait for the whole group.
    const deadline = Date.now() + 15_000;
    while (groupAlive(child.pid) && Date.now() < deadline) await sleep(200);
    if (groupAlive(child.pid)) signalGroup('SIGKILL');
  }
  if (server.dataDir) await rm(server.dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
