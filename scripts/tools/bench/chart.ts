// Draws the benchmark's results as a small self-contained SVG: wall time against corpus
// size, one line per stage, both axes on log scales. Pure: results in, SVG text out.

import type { BenchRun } from './results.ts';

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { top: 40, right: 150, bottom: 50, left: 70 };
const COLOURS = ['#1b6ca8', '#d1495b', '#2a9d8f', '#e9a03b', '#6a4c93', '#577590', '#8c564b'];

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/gu, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[character] ?? ''};`);
}

/** Powers of ten from below min to above max, at least two of them. */
function decades(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(min));
  const high = Math.max(low + 1, Math.ceil(Math.log10(max)));
  return Array.from({ length: high - low + 1 }, (_, index) => 10 ** (low + index));
}

/** 1000 → 1k, 100000 → 100k: corpus sizes on the x axis. */
function sizeLabel(value: number): string {
  return value >= 1000 ? `${value / 1000}k` : String(value);
}

export function renderChart(runs: readonly BenchRun[]): string {
  const stages = [...new Set(runs.flatMap((run) => run.stages.filter((stage) => !stage.informational).map((stage) => stage.stage)))];
  const points = stages.map((stage) => ({
    stage,
    points: runs.flatMap((run) => {
      const found = run.stages.find((entry) => entry.stage === stage && entry.exitCode === 0);
      return found ? [{ articles: run.articles, seconds: Math.max(found.wallSeconds, 0.01) }] : [];
    }),
  }));
  const all = points.flatMap((line) => line.points);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="14" font-weight="bold">Wall time against articles (log–log)</text>`,
  ];
  const latest = runs[runs.length - 1];
  if (latest) {
    const { machine } = latest;
    parts.push(`<text x="${WIDTH - 10}" y="22" text-anchor="end" fill="#666">${escapeXml(`${machine.cpus} CPUs, ${machine.memoryGiB} GiB, node ${machine.node}${latest.commit ? `, ${latest.commit}` : ''}`)}</text>`);
  }
  if (all.length === 0) {
    parts.push(`<text x="${MARGIN.left}" y="${MARGIN.top + 20}">No stage completed.</text>`, '</svg>');
    return `${parts.join('\n')}\n`;
  }
  const xTicks = decades(Math.min(...all.map((point) => point.articles)), Math.max(...all.map((point) => point.articles)));
  const yTicks = decades(Math.min(...all.map((point) => point.seconds)), Math.max(...all.map((point) => point.seconds)));
  const [xLow, xHigh] = [Math.log10(xTicks[0] ?? 1), Math.log10(xTicks[xTicks.length - 1] ?? 10)];
  const [yLow, yHigh] = [Math.log10(yTicks[0] ?? 1), Math.log10(yTicks[yTicks.length - 1] ?? 10)];
  const x = (articles: number): number => MARGIN.left + ((Math.log10(articles) - xLow) / (xHigh - xLow)) * plotWidth;
  const y = (seconds: number): number => MARGIN.top + plotHeight - ((Math.log10(seconds) - yLow) / (yHigh - yLow)) * plotHeight;
  const fixed = (value: number): string => value.toFixed(1);

  for (const tick of xTicks) {
    parts.push(`<line x1="${fixed(x(tick))}" y1="${MARGIN.top}" x2="${fixed(x(tick))}" y2="${MARGIN.top + plotHeight}" stroke="#ddd"/>`);
    parts.push(`<text x="${fixed(x(tick))}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${sizeLabel(tick)}</text>`);
  }
  for (const tick of yTicks) {
    parts.push(`<line x1="${MARGIN.left}" y1="${fixed(y(tick))}" x2="${MARGIN.left + plotWidth}" y2="${fixed(y(tick))}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${fixed(y(tick) + 4)}" text-anchor="end">${tick} s</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#999"/>`);
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">articles</text>`);

  points.forEach((line, index) => {
    const colour = COLOURS[index % COLOURS.length] ?? '#000';
    const coordinates = line.points.map((point) => `${fixed(x(point.articles))},${fixed(y(point.seconds))}`);
    if (coordinates.length > 1) parts.push(`<polyline points="${coordinates.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const point of line.points) {
      parts.push(`<circle cx="${fixed(x(point.articles))}" cy="${fixed(y(point.seconds))}" r="3.5" fill="${colour}"><title>${escapeXml(line.stage)}: ${point.seconds.toFixed(2)} s at ${point.articles} articles</title></circle>`);
    }
    const legendY = MARGIN.top + 10 + index * 20;
    parts.push(`<line x1="${WIDTH - MARGIN.right + 15}" y1="${legendY}" x2="${WIDTH - MARGIN.right + 35}" y2="${legendY}" stroke="${colour}" stroke-width="2"/>`);
    parts.push(`<text x="${WIDTH - MARGIN.right + 40}" y="${legendY + 4}">${escapeXml(line.stage)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
