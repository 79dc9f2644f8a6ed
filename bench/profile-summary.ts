/**
 * Summarises a V8 CPU profile (`npm run bench -- --profile` writes them): where the process spent
 * its time, by function and by package, as self time.
 *   node bench/dist/bench/profile-summary.js bench/results/profiles/<run>/report-write-api.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** node_modules/<package> (scoped too), "node:internal", "app" or "(program)". */
function packageOf(url: string): string {
  if (!url) return '(native / idle)';
  if (url.startsWith('node:')) return 'node internals';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (/\/dist\/src\//.test(url) || /\/bench\/dist\/src\//.test(url)) return 'app (src)';
  if (/\/bench\//.test(url)) return 'bench';
  return url;
}

export function summarise(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^.*?(node_modules\/|dist\/)/, '$1')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + micros);
  }
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`)
      .join('\n');
  return `total ${(total / 1e6).toFixed(1)} s sampled\n\nby package (self time):\n${rows(byPackage)}\n\nby function (self time):\n${rows(byFunction)}`;
}

if (require.main === module) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' } }, allowPositionals: true });
  for (const file of positionals) {
    console.log(`== ${file}\n${summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(values.top))}\n`);
  }
}
