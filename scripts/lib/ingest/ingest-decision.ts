// The decision at the heart of ingest, for one raw file whose article has been built: is it
// a duplicate, a new article, the same as before, an article an editor changed (kept unless
// forced), or an update? A pure function of what is known at that point in the run, so the
// table of cases is tested as a table; ingest-batch.ts does the reading, writing and
// bookkeeping around it.

import type { IngestStatus } from './ingest-batch.ts';

export interface DecisionInput {
  /** The article's id, and the file it is to be written to. */
  id: string;
  target: string;
  /** SHA-256 of the raw file's bytes. */
  sourceSha256: string;
  /** The raw file that claimed this id earlier in this run, if one did. */
  claimedBy?: string;
  /** Another article that says the same text: its id and where it is. */
  sameTextAs?: { id: string; path: string };
  /** The article this id has already (before this raw file): where, and from which raw bytes. */
  existing?: { path: string; sourceSha256?: string };
  /** The built document is byte for byte the existing article. */
  sameDocument: boolean;
  /** An editor has changed the existing article since ingest wrote it. */
  existingEdited: boolean;
  /** Retagging, and the current rules give other tags than the article has: the note to show. */
  retagged: boolean;
  /** The tags the current rules give. */
  tags: readonly string[];
  force: boolean;
  retag: boolean;
}

export interface IngestDecision {
  status: Exclude<IngestStatus, 'rejected'>;
  /** The article the report names, when not the target (a duplicate's original, a kept article); null for none. */
  article?: string | null;
  reason?: string;
  /** Warnings this decision adds to the file's own. */
  warnings: readonly string[];
  /**
   * What is done: write the document to the target (removing `replaces` when it is
   * elsewhere), record the raw file as standing for the unchanged article, or nothing.
   */
  action: { kind: 'write'; replaces?: string } | { kind: 'record' } | { kind: 'none' };
  /** The raw file claims the id for the rest of the run (a duplicate does not). */
  claims: boolean;
  /** The id keeps pointing at the existing article (an editor's version kept), not the target. */
  keepsExisting: boolean;
}

/** Tags as a report names them: «سورية، دمشق». */
export const tagList = (tags: readonly string[]): string => `«${tags.join('، ')}»`;

export function ingestDecision(input: DecisionInput): IngestDecision {
  const unclaimed = { warnings: [], action: { kind: 'none' }, claims: false, keepsExisting: false } as const;
  if (input.claimedBy !== undefined) {
    return { ...unclaimed, status: 'duplicate', article: null, reason: `the id ${input.id} was already ingested from ${input.claimedBy} in this run` };
  }
  if (input.sameTextAs !== undefined && input.sameTextAs.id !== input.id) {
    return { ...unclaimed, status: 'duplicate', article: input.sameTextAs.path, reason: `same text as the article ${input.sameTextAs.id}` };
  }
  const { existing } = input;
  if (!existing) return { status: 'created', warnings: [], action: { kind: 'write' }, claims: true, keepsExisting: false };
  if (existing.path === input.target && input.sameDocument) {
    return { status: 'unchanged', warnings: [], action: { kind: 'record' }, claims: true, keepsExisting: false };
  }
  if (input.existingEdited && !input.force) {
    const kept = { article: existing.path, action: { kind: 'none' }, claims: true, keepsExisting: true } as const;
    if (existing.sourceSha256 === input.sourceSha256 && input.retag && input.retagged) {
      return {
        ...kept, status: 'kept-edited', warnings: [],
        reason: `the current rules give the tags ${tagList(input.tags)}, but an editor has changed the article since ingest: kept as edited (--force overwrites)`,
      };
    }
    if (existing.sourceSha256 === input.sourceSha256) {
      return { ...kept, status: 'unchanged', warnings: ['edited by an editor since ingest; kept as edited'] };
    }
    return { ...kept, status: 'kept-edited', warnings: [], reason: 'the raw file changed, but an editor has changed the article since ingest: kept as edited (--force overwrites)' };
  }
  const warnings = [
    ...(input.existingEdited ? ['overwrote an editor\'s changes (--force)'] : []),
    ...(existing.path !== input.target ? [`moved from ${existing.path}`] : []),
  ];
  return { status: 'updated', warnings, action: { kind: 'write', replaces: existing.path }, claims: true, keepsExisting: false };
}
