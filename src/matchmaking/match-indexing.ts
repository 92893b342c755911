import type { DataSource, EntityManager } from 'typeorm';
import type { SqlTarget } from '../database/typed-query.js';
import { analyzeChallenge, analyzeSme } from './analysis/documents.js';
import { DEFAULT_MATCH_WEIGHTS } from './analysis/score.js';
import { Vocabulary, type VocabularyPair } from './analysis/vocabulary.js';
import type { MatchSide } from './match.entities.js';
import {
  type Bm25Parameters,
  challengeCandidatesFor,
  smeCandidatesFor,
} from './match-candidates.js';
import { anyList, dropLists, lockSides } from './match-lists.queries.js';
import { challengeContexts } from './match.queries.js';
import {
  challengeSources,
  type IndexedDocument,
  type QueuedDocument,
  replaceDocuments,
  smeSources,
  takeQueued,
  taxonomyPairs,
  vocabularyAdditions,
  vocabularySignature,
} from './match-index.queries.js';
import { loadShippedVocabulary } from './vocabulary/shipped-vocabulary.js';

/**
 * Indexing as plain functions over a data source, shared by the service's background job and the command-line
 * tools that fill a database in bulk (seed:scale, eval:matching), so both index exactly alike.
 */

/** Documents indexed per transaction. */
export const INDEX_BATCH = 100;

/** The vocabulary: the shipped pairs, the taxonomy's names and the admins' additions. */
export async function loadMatchVocabulary(
  target: SqlTarget,
  shipped: Promise<VocabularyPair[]> = loadShippedVocabulary(),
): Promise<Vocabulary> {
  const [pairs, taxonomy, additions, signature] = await Promise.all([
    shipped,
    taxonomyPairs(target),
    vocabularyAdditions(target),
    vocabularySignature(target),
  ]);
  return new Vocabulary([...pairs, ...taxonomy, ...additions], signature);
}

/** Where an indexer gets its vocabulary: a fixed one, or a provider that builds it again when `stale`. */
export type VocabularySource = Vocabulary | ((stale: boolean) => Promise<Vocabulary>);

/**
 * Takes up to `limit` documents off the queue and indexes them, in one transaction; the number taken. With a
 * provider, the vocabulary is checked against the database after the documents are taken (in the same
 * transaction), so a pair an admin added before they were queued is always in it.
 */
export async function indexQueuedBatch(
  manager: EntityManager,
  source: VocabularySource,
  limit: number,
  bm25: Bm25Parameters = DEFAULT_MATCH_WEIGHTS,
): Promise<number> {
  const queued = await takeQueued(manager, limit);
  if (!queued.length) return 0;
  await lockSides(manager, ['C', 'S']);
  let vocabulary = typeof source === 'function' ? await source(false) : source;
  let rebuilt = false;
  if (
    typeof source === 'function' &&
    vocabulary.signature !== (await vocabularySignature(manager))
  ) {
    vocabulary = await source(true);
    rebuilt = true;
  }
  const ids = (side: MatchSide) => queued.filter((q) => q.side === side).map((q) => q.docId);
  const challengeIds = ids('C');
  const smeIds = ids('S');
  if (challengeIds.length) {
    const sources = await challengeSources(manager, challengeIds);
    const docs: IndexedDocument[] = sources.map((s) => ({
      docId: s.id,
      ...analyzeChallenge(s, vocabulary),
    }));
    const found = new Set(sources.map((s) => s.id));
    await replaceDocuments(
      manager,
      'C',
      docs,
      challengeIds.filter((id) => !found.has(id)),
    );
  }
  if (smeIds.length) {
    const sources = await smeSources(manager, smeIds);
    const docs: IndexedDocument[] = sources.map((s) => ({
      docId: s.id,
      ...analyzeSme(s, vocabulary),
    }));
    const found = new Set(sources.map((s) => s.id));
    await replaceDocuments(
      manager,
      'S',
      docs,
      smeIds.filter((id) => !found.has(id)),
    );
  }
  await dropChangedLists(manager, queued, rebuilt, bm25);
  return queued.length;
}

/** More documents than this in one batch (a bulk load, a requeue after a vocabulary change) drop every kept list. */
const BULK_CHANGE = 20;
/** How many documents of the other side a changed document is checked against (the lists it may now enter). */
const REVERSE_CANDIDATES = 300;

/**
 * Drops the kept lists (match_lists) a batch of changed documents may alter, in the indexing transaction: each
 * document's own list, the lists that hold it, and the lists of the documents it is itself a candidate for
 * (the same candidate statement as a request, the other way round), where it may now rank. A bulk change drops
 * them all. The lists generation moves in any case, so no list computed meanwhile is kept.
 */
async function dropChangedLists(
  manager: EntityManager,
  queued: readonly QueuedDocument[],
  rebuilt: boolean,
  bm25: Bm25Parameters,
): Promise<void> {
  const sides: MatchSide[] = ['C', 'S'];
  if (!(await anyList(manager))) return dropLists(manager, { sides });
  if (rebuilt || queued.length > BULK_CHANGE) return dropLists(manager, { sides, all: true });
  const subjects = queued.map((q) => ({ side: other(q.side), id: q.docId }));
  const contexts = await challengeContexts(
    manager,
    queued.filter((q) => q.side === 'C').map((q) => q.docId),
  );
  for (const challenge of contexts) {
    const { candidates } = await smeCandidatesFor(manager, challenge, bm25, REVERSE_CANDIDATES);
    subjects.push(...candidates.map((c) => ({ side: 'C' as const, id: c.id })));
  }
  for (const { docId } of queued.filter((q) => q.side === 'S')) {
    const viewer = {
      signedIn: true,
      admin: false,
      organizationId: docId,
      organizationKind: 'SME' as const,
    };
    const candidates = await challengeCandidatesFor(
      manager,
      viewer,
      docId,
      bm25,
      REVERSE_CANDIDATES,
    );
    subjects.push(...candidates.map((c) => ({ side: 'S' as const, id: c.id })));
  }
  await dropLists(manager, {
    sides,
    subjects,
    members: queued.map((q) => ({ side: q.side, id: q.docId })),
  });
}

const other = (side: MatchSide): MatchSide => (side === 'C' ? 'S' : 'C');

/** Indexes queued documents, batch after batch, until the queue is empty or `limit` are done; the number done. */
export async function indexQueued(
  dataSource: DataSource,
  vocabulary: VocabularySource,
  limit = Number.MAX_SAFE_INTEGER,
  bm25: Bm25Parameters = DEFAULT_MATCH_WEIGHTS,
): Promise<number> {
  let done = 0;
  while (done < limit) {
    const n = await dataSource.transaction((manager) =>
      indexQueuedBatch(manager, vocabulary, Math.min(INDEX_BATCH, limit - done), bm25),
    );
    done += n;
    if (n === 0) break;
  }
  return done;
}
