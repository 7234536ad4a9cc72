/** Timing and the figures a benchmark prints: medians and percentiles of repeated runs, memory. */
import * as fs from 'fs';
import { performance } from 'perf_hooks';

/** The value below which `fraction` of the samples fall (nearest-rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) {
    return NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) {
    return NaN;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds that `work` took, and what it returned. */
export function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/**
 * Untimed runs before the timed ones, for every figure alike: the first runs of any code are
 * interpreted or half-compiled, and a server answers thousands of requests, not five.
 */
export const WARMUPS = Number(process.env.BENCH_WARMUPS ?? 20);

/** `runs` timings of `work` (synchronous), after `warmups` untimed runs. */
export function sample(runs: number, work: (run: number) => unknown, warmups = WARMUPS): number[] {
  for (let run = 0; run < warmups; run++) {
    work(-1 - run);
  }
  return Array.from({ length: runs }, (_, run) => timed(() => work(run)).ms);
}

/**
 * `runs` timings of `work` (asynchronous), after `warmups` untimed runs; `before`, if given, runs
 * untimed ahead of each run (warm-ups too): the setup a figure leaves out.
 */
export async function sampleAsync(
  runs: number,
  work: (run: number) => Promise<unknown>,
  warmups = WARMUPS,
  before?: (run: number) => Promise<unknown>,
): Promise<number[]> {
  for (let run = 0; run < warmups; run++) {
    await before?.(-1 - run);
    await work(-1 - run);
  }
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    await before?.(run);
    samples.push((await timedAsync(() => work(run))).ms);
  }
  return samples;
}

export function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : 'n/a';
}

/** A plain text table: the first row is the header, columns padded to their widest cell. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(rows[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Peak and current resident memory of a process, from /proc (Linux only). */
export function memoryOf(pid: number | undefined): { peak: string; current: string } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => {
      const kib = Number(/^(\w+):\s+(\d+) kB/m.exec(status.split('\n').find((line) => line.startsWith(name + ':')) ?? '')?.[2]);
      return Number.isFinite(kib) ? `${(kib / 1024).toFixed(0)} MiB` : 'n/a';
    };
    return { peak: field('VmHWM'), current: field('VmRSS') };
  } catch {
    return { peak: 'n/a', current: 'n/a' };
  }
}
