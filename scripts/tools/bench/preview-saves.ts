// What the preview probe (preview-probe.ts) measures of `npm start`'s saves, and its summary
// for the report: the JSON line the probe prints, read back from its log, and the median,
// 90th percentile and largest of the times, with the memory after the first and last save
// and the highest after any save.
// Pure: text and numbers in, numbers out.

/** Saves the probe makes unless told otherwise: issue 11 asks that memory stay flat over 100. */
export const DEFAULT_SAVES = 100;

/** One save of an article under the preview. */
export interface PreviewSave {
  /** The article file saved, relative to the project. */
  article: string;
  /** From the write until the preview served the article's page with the new text. */
  pageMs: number;
  /** From the write until the preview server's settled() resolved: the search index caught up. */
  searchMs: number;
  /** Resident memory of the probe's process (the preview server and its build worker thread) once the save settled. */
  rssMiB: number;
}

/** The JSON line the probe prints: the first build, then every save in order. */
export interface PreviewProbeOutput {
  /** From starting the preview server until its first build (search included) was done. */
  firstBuildMs: number;
  saves: PreviewSave[];
}

export interface Spread {
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

export interface PreviewSavesSummary {
  saves: number;
  firstBuildMs: number;
  pageServed: Spread;
  searchCaughtUp: Spread;
  rssAfterFirstSaveMiB: number;
  rssAfterLastSaveMiB: number;
  /** The highest of the memory after each save: between the first and the last, garbage collection makes it rise and fall. */
  rssHighestAfterSaveMiB: number;
}

const isSave = (value: unknown): value is PreviewSave => {
  const save = value as Partial<PreviewSave> | null;
  return typeof save === 'object' && save !== null && typeof save.article === 'string'
    && [save.pageMs, save.searchMs, save.rssMiB].every((number) => typeof number === 'number' && Number.isFinite(number));
};

/**
 * The probe's result from its log (which holds whatever else the preview printed): the last
 * line that is a JSON object with a first build time and a list of saves; undefined when
 * there is none (the probe failed or was stopped before it printed it).
 */
export function parsePreviewProbeLog(log: string): PreviewProbeOutput | undefined {
  const lines = log.split(/\r?\n/u).filter((line) => line.startsWith('{')).reverse();
  for (const line of lines) {
    let parsed: Partial<PreviewProbeOutput>;
    try {
      parsed = JSON.parse(line) as Partial<PreviewProbeOutput>;
    } catch {
      continue;
    }
    if (typeof parsed.firstBuildMs === 'number' && Array.isArray(parsed.saves) && parsed.saves.every(isSave)) {
      return { firstBuildMs: parsed.firstBuildMs, saves: parsed.saves };
    }
  }
  return undefined;
}

/** The value at a fraction of the sorted values, by nearest rank (0.5 the median, 0.9 the 90th percentile, 1 the largest). */
export function nearestRank(values: readonly number[], fraction: number): number {
  if (values.length === 0) throw new Error('there are no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

const spread = (values: readonly number[]): Spread => ({
  medianMs: nearestRank(values, 0.5),
  p90Ms: nearestRank(values, 0.9),
  maxMs: nearestRank(values, 1),
});

/** The summary the report prints; undefined when the probe made no save. */
export function summarisePreviewSaves(output: PreviewProbeOutput): PreviewSavesSummary | undefined {
  const [first] = output.saves;
  const last = output.saves[output.saves.length - 1];
  if (!first || !last) return undefined;
  return {
    saves: output.saves.length,
    firstBuildMs: output.firstBuildMs,
    pageServed: spread(output.saves.map((save) => save.pageMs)),
    searchCaughtUp: spread(output.saves.map((save) => save.searchMs)),
    rssAfterFirstSaveMiB: first.rssMiB,
    rssAfterLastSaveMiB: last.rssMiB,
    rssHighestAfterSaveMiB: Math.max(...output.saves.map((save) => save.rssMiB)),
  };
}
