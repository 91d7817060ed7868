// What the offline panel says about the reader's copy, as pure functions: what each kind of
// copy would download now, and the sentence on the saved copy («نسختك المحفوظة من …؛ التحديث: …»).

import type { NumberingSystem } from '../../scripts/lib/arabic/format-number.ts';
import { formatByteSize } from '../../scripts/lib/arabic/format-size.ts';
import { fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import type { ArchiveSummary, CopyKind, SavedCopy } from './cache-names.ts';
import { formatSavedDate } from './saved-date.ts';

/**
 * What each kind of copy would download now: the worker's count when it made one (a saved
 * copy of another version), else from the summary (nothing saved, or the same version saved).
 */
export function copyCosts(summary: ArchiveSummary, saved: SavedCopy | undefined, counted: Record<CopyKind, number> | undefined): Record<CopyKind, number> {
  if (counted) return counted;
  if (!saved || saved.version !== summary.version) return { full: summary.bytes, search: summary.searchBytes };
  return saved.kind === 'full' ? { full: 0, search: 0 } : { full: summary.bytes - summary.searchBytes, search: 0 };
}

/**
 * The sentence on the saved copy: its date, and the update's size when there is one.
 * `update`: bytes to download to bring it up to date; undefined when unknown (offline).
 */
export function savedCopyText(saved: SavedCopy, update: number | undefined, numberingSystem: NumberingSystem, timeZone?: string): string {
  const date = formatSavedDate(saved.savedAt, numberingSystem, timeZone);
  const full = saved.kind === 'full';
  if (update === undefined) return fillPlaceholders(full ? STRINGS.offlineCopySaved : STRINGS.offlineSearchCopySaved, { date });
  if (update === 0) return fillPlaceholders(full ? STRINGS.offlineCopyCurrent : STRINGS.offlineSearchCopyCurrent, { date });
  const size = formatByteSize(update, numberingSystem);
  return fillPlaceholders(full ? STRINGS.offlineCopyUpdate : STRINGS.offlineSearchCopyUpdate, { date, size });
}
