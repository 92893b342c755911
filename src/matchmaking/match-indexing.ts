import type { DataSource, EntityManager } from 'typeorm';
import type { SqlTarget } from '../database/typed-query.js';
import { analyzeChallenge, analyzeSme } from './analysis/documents.js';
import { Vocabulary, type VocabularyPair } from './analysis/vocabulary.js';
import type { MatchSide } from './match.entities.js';
import {
  challengeSources,
  type IndexedDocument,
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
): Promise<number> {
  const queued = await takeQueued(manager, limit);
  if (!queued.length) return 0;
  let vocabulary = typeof source === 'function' ? await source(false) : source;
  if (typeof source === 'function' && vocabulary.signature !== (await vocabularySignature(manager)))
    vocabulary = await source(true);
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
  return queued.length;
}

/** Indexes queued documents, batch after batch, until the queue is empty or `limit` are done; the number done. */
export async function indexQueued(
  dataSource: DataSource,
  vocabulary: VocabularySource,
  limit = Number.MAX_SAFE_INTEGER,
): Promise<number> {
  let done = 0;
  while (done < limit) {
    const n = await dataSource.transaction((manager) =>
      indexQueuedBatch(manager, vocabulary, Math.min(INDEX_BATCH, limit - done)),
    );
    done += n;
    if (n === 0) break;
  }
  return done;
}
