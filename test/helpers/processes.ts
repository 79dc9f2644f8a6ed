import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Both streams, for assertion messages. */
  output: string;
}

/** Tests always run from the repository root. */
export const repoPath = (...parts: string[]): string => join(process.cwd(), ...parts);

/** The built CLI entrypoints; `npm test` builds them before Jest starts. */
export const MIGRATE_CLI = repoPath('dist/src/cli/migrate.js');
export const DATA_SOURCE = repoPath('dist/src/database/data-source.js');
export const TYPEORM_CLI = repoPath('node_modules/typeorm/cli.js');

export function assertBuilt(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm test\` does)`);
}

/** Runs `node <args>` from the repository root with extra environment variables, capturing its output. */
export function runNode(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      output += chunk;
    });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, output }));
  });
}

/** Applies every migration to the database at `databaseUrl` (creating it if needed) with the built CLI. */
export async function migrate(databaseUrl: string): Promise<ProcessResult> {
  assertBuilt(MIGRATE_CLI);
  return runNode([MIGRATE_CLI], { DATABASE_URL: databaseUrl });
}
