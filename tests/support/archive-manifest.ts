// The offline copy's manifest as the service worker puts it together from its list of parts
// (save-copy.ts): read from a built site, or from offlineFiles' answer.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assembleManifest } from '../../assets/js/archive-plan.ts';
import { ARCHIVE_MANIFEST, type ArchiveIndex, type ArchiveManifest, type ArchivePartFile } from '../../assets/js/cache-names.ts';
import type { OfflineFiles } from '../../scripts/lib/search/offline-archive.ts';

export async function readArchiveIndex(siteDir: string): Promise<ArchiveIndex> {
  return JSON.parse(await readFile(join(siteDir, ARCHIVE_MANIFEST), 'utf8')) as ArchiveIndex;
}

export async function readArchiveManifest(siteDir: string): Promise<ArchiveManifest> {
  const index = await readArchiveIndex(siteDir);
  const parts = await Promise.all(index.parts.map(async (part) => (JSON.parse(await readFile(join(siteDir, part.path), 'utf8')) as ArchivePartFile).files));
  return assembleManifest(index, parts);
}

export function manifestOf(archive: OfflineFiles): ArchiveManifest {
  return assembleManifest(archive.index, archive.parts.map((part) => (JSON.parse(part.bytes.toString('utf8')) as ArchivePartFile).files));
}
