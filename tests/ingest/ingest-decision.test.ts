// The ingest decision as a table: each case of what is known when a built article is about to
// be written, and what ingest then does and reports.
import { describe, expect, it } from 'vitest';
import { ingestDecision, type DecisionInput, type IngestDecision } from '../../scripts/lib/ingest/ingest-decision.ts';

const TARGET = 'content/articles/2017/07/a1b2c3d4e5f60718.md';
const ELSEWHERE = 'content/articles/2017/06/a1b2c3d4e5f60718.md';

const input = (changes: Partial<DecisionInput>): DecisionInput => ({
  id: 'a1b2c3d4e5f60718', target: TARGET, sourceSha256: 'new', sameDocument: false, existingEdited: false,
  retagged: false, tags: ['سورية', 'دمشق'], force: false, retag: false, ...changes,
});

type Expected = Pick<IngestDecision, 'status' | 'action' | 'claims' | 'keepsExisting'> & Partial<Pick<IngestDecision, 'article' | 'reason' | 'warnings'>>;

const cases: [string, Partial<DecisionInput>, Expected][] = [
  ['a new id', {},
    { status: 'created', action: { kind: 'write' }, claims: true, keepsExisting: false, warnings: [] }],
  ['an id another file of this run claimed', { claimedBy: 'raw/a.txt', existing: { path: TARGET } },
    { status: 'duplicate', article: null, reason: 'the id a1b2c3d4e5f60718 was already ingested from raw/a.txt in this run', action: { kind: 'none' }, claims: false, keepsExisting: false }],
  ['the text of another article', { sameTextAs: { id: 'ffffffffffffffff', path: 'content/articles/2016/01/ffffffffffffffff.md' } },
    { status: 'duplicate', article: 'content/articles/2016/01/ffffffffffffffff.md', reason: 'same text as the article ffffffffffffffff', action: { kind: 'none' }, claims: false, keepsExisting: false }],
  ['its own text, known under its own id', { sameTextAs: { id: 'a1b2c3d4e5f60718', path: TARGET } },
    { status: 'created', action: { kind: 'write' }, claims: true, keepsExisting: false }],
  ['the same document in the same place', { existing: { path: TARGET, sourceSha256: 'new' }, sameDocument: true },
    { status: 'unchanged', action: { kind: 'record' }, claims: true, keepsExisting: false, warnings: [] }],
  ['the same document moved to another month', { existing: { path: ELSEWHERE, sourceSha256: 'new' }, sameDocument: true },
    { status: 'updated', action: { kind: 'write', replaces: ELSEWHERE }, claims: true, keepsExisting: false, warnings: [`moved from ${ELSEWHERE}`] }],
  ['a changed raw file', { existing: { path: TARGET, sourceSha256: 'old' } },
    { status: 'updated', action: { kind: 'write', replaces: TARGET }, claims: true, keepsExisting: false, warnings: [] }],
  ['an edited article, raw file the same', { existing: { path: TARGET, sourceSha256: 'new' }, existingEdited: true },
    { status: 'unchanged', article: TARGET, action: { kind: 'none' }, claims: true, keepsExisting: true, warnings: ['edited by an editor since ingest; kept as edited'] }],
  ['an edited article, raw file changed', { existing: { path: TARGET, sourceSha256: 'old' }, existingEdited: true },
    { status: 'kept-edited', article: TARGET, reason: 'the raw file changed, but an editor has changed the article since ingest: kept as edited (--force overwrites)', action: { kind: 'none' }, claims: true, keepsExisting: true }],
  ['an edited article the current rules would retag', { existing: { path: TARGET, sourceSha256: 'new' }, existingEdited: true, retag: true, retagged: true },
    { status: 'kept-edited', article: TARGET, reason: 'the current rules give the tags «سورية، دمشق», but an editor has changed the article since ingest: kept as edited (--force overwrites)', action: { kind: 'none' }, claims: true, keepsExisting: true }],
  ['an edited article, forced', { existing: { path: TARGET, sourceSha256: 'old' }, existingEdited: true, force: true },
    { status: 'updated', action: { kind: 'write', replaces: TARGET }, claims: true, keepsExisting: false, warnings: ['overwrote an editor\'s changes (--force)'] }],
  ['an edited article elsewhere, forced', { existing: { path: ELSEWHERE, sourceSha256: 'old' }, existingEdited: true, force: true },
    { status: 'updated', action: { kind: 'write', replaces: ELSEWHERE }, claims: true, keepsExisting: false, warnings: ['overwrote an editor\'s changes (--force)', `moved from ${ELSEWHERE}`] }],
];

describe('ingestDecision', () => {
  it.each(cases)('%s', (_case, changes, expected) => {
    expect(ingestDecision(input(changes))).toMatchObject(expected);
  });

  it('reports a duplicate before anything else is looked at', () => {
    const decision = ingestDecision(input({ claimedBy: 'raw/a.txt', sameTextAs: { id: 'ffffffffffffffff', path: 'x' }, existing: { path: TARGET }, existingEdited: true }));
    expect(decision.status).toBe('duplicate');
    expect(decision.reason).toMatch(/already ingested from raw\/a\.txt/);
  });
});
