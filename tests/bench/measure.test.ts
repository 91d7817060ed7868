// Measuring a benchmark stage: reading GNU time's report and the child's own resource
// usage, and running a child in its own process group that a timeout stops.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gnuTimeAvailable, groupRssKiB, parseGnuTimeReport, parseResourceUsageReport, peakOfAllProcessesMiB, runMeasuredStage, type MeterKind,
} from '../../scripts/tools/bench/measure.ts';
import { useTempDirs } from '../support/temp-dir.ts';

const makeTempDir = useTempDirs('bench-measure-');
/** /proc is Linux's: memory of process groups and the state of a process are read there. */
const onLinux = process.platform === 'linux';

const GNU_TIME_REPORT = `\tCommand being timed: "node --import tsx scripts/build.ts"
\tUser time (seconds): 12.34
\tSystem time (seconds): 1.50
\tPercent of CPU this job got: 104%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:13.21
\tMaximum resident set size (kbytes): 524288
\tExit status: 0
`;

describe('reading resource figures', () => {
  it('reads user time, system time and peak memory from `time -v`', () => {
    expect(parseGnuTimeReport(GNU_TIME_REPORT)).toEqual({ userSeconds: 12.34, systemSeconds: 1.5, peakRssKiB: 524288 });
  });

  it.each([
    ['an empty report', ''],
    ['a report without memory', GNU_TIME_REPORT.replace(/^.*Maximum.*$/mu, '')],
    ['a killed command', 'Command terminated by signal 9\n'],
  ])('reads nothing from %s', (_, text) => {
    expect(parseGnuTimeReport(text)).toBeUndefined();
  });

  it('reads process.resourceUsage() as JSON (microseconds and KiB)', () => {
    const text = JSON.stringify({ userCPUTime: 2_500_000, systemCPUTime: 500_000, maxRSS: 102_400 });
    expect(parseResourceUsageReport(text)).toEqual({ userSeconds: 2.5, systemSeconds: 0.5, peakRssKiB: 102_400 });
  });

  it.each([['not JSON', 'oops'], ['missing fields', '{"userCPUTime":1}']])('reads nothing from %s', (_, text) => {
    expect(parseResourceUsageReport(text)).toBeUndefined();
  });
});

describe('groupRssKiB', () => {
  it.runIf(onLinux)('adds up the memory of the processes of a group (this one, here)', async () => {
    const own = await groupRssKiB(Number((await readFile('/proc/self/stat', 'utf8')).split(') ')[1]?.split(' ')[2]));
    expect(own).toBeGreaterThan(10 * 1024);
    expect(await groupRssKiB(2 ** 30)).toBe(0);
  });
});

describe('peakOfAllProcessesMiB', () => {
  it.each([
    ['the sampled peak, above the largest process’s', 2048 * 1024, 1024 * 1024, 2048],
    ['the largest process’s exact peak, which sampling missed', 10 * 1024, 90 * 1024, 90],
    ['the sampled peak when the largest process’s is unknown', 512 * 1024, undefined, 512],
    ['nothing when nothing was sampled', undefined, 90 * 1024, undefined],
    ['nothing when the group was gone before the first sample', 0, 90 * 1024, undefined],
  ])('is %s', (_, sampledKiB, largestKiB, expected) => {
    expect(peakOfAllProcessesMiB(sampledKiB, largestKiB)).toBe(expected);
  });
});

describe('running a stage in a fresh process', () => {
  const meters: MeterKind[] = ['resource-usage'];

  it.each(meters)('measures a TypeScript script with %s and keeps its output in the log', async (meter) => {
    const dir = await makeTempDir();
    const script = join(dir, 'stage.ts');
    // It lives long enough to be sampled (twice a second) even on a busy machine, where a
    // stage of a fraction of a second can end before the first sample reads its group.
    await writeFile(script, "const size: number = 3;\nconst items = new Array(size * 1e6).fill(1);\nconsole.log(`made ${items.length} items`);\nsetTimeout(() => items.length, 1500);\n");
    const measured = await runMeasuredStage({ stage: 'demo', script, args: [], cwd: dir, logFile: join(dir, 'demo.log'), timeoutMs: 60_000 }, meter);
    expect(measured).toMatchObject({ stage: 'demo', exitCode: 0, timedOut: false, meter });
    expect(measured.cpuSeconds).toBeGreaterThan(0);
    expect(measured.peakRssMiB).toBeGreaterThan(10);
    if (onLinux) expect(measured.peakGroupRssMiB).toBeGreaterThan(10);
    expect(await readFile(measured.logFile, 'utf8')).toBe('made 3000000 items\n');
  });

  it('measures with GNU time when the machine has it', async () => {
    if (!(await gnuTimeAvailable())) return;
    const dir = await makeTempDir();
    const script = join(dir, 'stage.ts');
    await writeFile(script, 'process.exitCode = 3;\n');
    const measured = await runMeasuredStage({ stage: 'demo', script, args: [], cwd: dir, logFile: join(dir, 'demo.log'), timeoutMs: 60_000 }, 'gnu-time');
    expect(measured).toMatchObject({ exitCode: 3, timedOut: false, meter: 'gnu-time' });
    expect(measured.peakRssMiB).toBeGreaterThan(10);
  });

  it('runs a plain script by Node alone, as npm runs the commands\' launcher: no tsx registered', async () => {
    if (!(await gnuTimeAvailable())) return;
    const dir = await makeTempDir();
    const script = join(dir, 'stage.mjs');
    await writeFile(script, 'console.log(JSON.stringify(process.execArgv));\n');
    const measured = await runMeasuredStage({ stage: 'plain', script, args: [], cwd: dir, plain: true, nodeFlags: ['--max-semi-space-size=64'], logFile: join(dir, 'plain.log'), timeoutMs: 60_000 }, 'gnu-time');
    expect(measured).toMatchObject({ exitCode: 0, timedOut: false });
    expect(JSON.parse(await readFile(measured.logFile, 'utf8'))).toEqual(['--max-semi-space-size=64']);
  });

  it.runIf(onLinux)('stops a stage that outlives its timeout, with what it started', async () => {
    const dir = await makeTempDir();
    const script = join(dir, 'forever.ts');
    await writeFile(script, "import { spawn } from 'node:child_process';\nconst sleeper = spawn('sleep', ['600'], { stdio: 'inherit' });\nconsole.log(sleeper.pid);\nsetInterval(() => undefined, 1000);\n");
    const measured = await runMeasuredStage({ stage: 'forever', script, args: [], cwd: dir, logFile: join(dir, 'forever.log'), timeoutMs: 1500 }, 'resource-usage');
    expect(measured.timedOut).toBe(true);
    expect(measured.exitCode).toBeNull();
    const sleeper = (await readFile(measured.logFile, 'utf8')).trim();
    expect(sleeper).toMatch(/^\d+$/);
    // Gone, or a zombie waiting to be reaped: either way no longer running.
    const state = await readFile(`/proc/${sleeper}/stat`, 'utf8').then((stat) => stat.split(') ')[1]?.[0], () => 'gone');
    expect(['gone', 'Z', 'X']).toContain(state);
  });
});
