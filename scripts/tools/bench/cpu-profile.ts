// Summarises a V8 CPU profile (node --cpu-prof): where the samples fell, by package and by
// function, so the benchmark can say where a stage spends its time.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds since the sample before, one per sample. */
  timeDeltas?: number[];
}

export interface ProfileShare {
  name: string;
  /** Share of the non-idle samples, 0–1. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** Seconds of samples that were not idle. */
  busySeconds: number;
  byPackage: ProfileShare[];
  byFunction: ProfileShare[];
}

/** Which package a script belongs to: node_modules/<pkg>, node's own modules, or the project's folder. */
export function packageOf(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return 'node';
  const inModules = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(url);
  if (inModules) return inModules[1] as string;
  const inProject = /\/(scripts\/lib\/[^/]+|scripts|content|layouts|\.eleventy\.ts)/u.exec(url);
  return inProject ? (inProject[1] as string) : url.replace(/^file:\/\//u, '');
}

const IDLE = new Set(['(idle)', '(program)']);

export function summariseProfile(profile: CpuProfile, file: string, top = 12): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (!node || IDLE.has(node.callFrame.functionName)) return;
    // The time up to the next sample belongs to this one (1 ms, the default interval, when unknown).
    const micros = profile.timeDeltas?.[index + 1] ?? 1000;
    busy += micros;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = packageOf(url);
    packages.set(where, (packages.get(where) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + micros);
  });
  const ranked = (counts: Map<string, number>): ProfileShare[] =>
    [...counts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, count]) => ({ name, share: busy === 0 ? 0 : count / busy }));
  return { file, busySeconds: busy / 1e6, byPackage: ranked(packages), byFunction: ranked(functions) };
}

/** Summaries of the profiles in a folder, busiest first (a tsx child also profiles its loader thread, mostly idle). */
export async function summariseProfiles(folder: string): Promise<ProfileSummary[]> {
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.cpuprofile'));
  const summaries: ProfileSummary[] = [];
  for (const name of files) {
    const profile = JSON.parse(await readFile(join(folder, name), 'utf8')) as CpuProfile;
    summaries.push(summariseProfile(profile, join(folder, name)));
  }
  return summaries.sort((a, b) => b.busySeconds - a.busySeconds);
}

export function formatProfileSummary(summary: ProfileSummary): string {
  const percent = (share: number): string => `${(share * 100).toFixed(1).padStart(5)}%`;
  return [
    `  ${summary.busySeconds.toFixed(1)} s busy in ${summary.file}`,
    '  by package:',
    ...summary.byPackage.map((entry) => `    ${percent(entry.share)}  ${entry.name}`),
    '  by function (self time):',
    ...summary.byFunction.map((entry) => `    ${percent(entry.share)}  ${entry.name}`),
  ].join('\n');
}
