import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '../config.js';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run import -- …` runs this script: call it the same way, on the embedded database in `dataDir`. */
export async function runImportCli(dataDir: string, ...args: string[]): Promise<CliResult> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'backend/src/cli/import.ts', ...args], { cwd: repoRoot, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
