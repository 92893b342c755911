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
  const [pairs, taxonomy, additions] = await Promise.all([
    shipped,
    taxonomyPairs(target),
    vocabularyAdditions(target),
  ]);
  return new Vocabulary([...pairs, ...taxonomy, ...additions]);
}

/** Takes up to `limit` documents off the queue and indexes them, in one transaction; the number taken. */
export async function indexQueuedBatch(
  manager: EntityManager,
  vocabulary: Vocabulary,
  limit: number,
): Promise<number> {
  const queued = await takeQueued(manager, limit);
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
  vocabulary: Vocabulary | (() => Promise<Vocabulary>),
  limit = Number.MAX_SAFE_INTEGER,
): Promise<number> {
  let done = 0;
  while (done < limit) {
    const v = typeof vocabulary === 'function' ? await vocabulary() : vocabulary;
    const n = await dataSource.transaction((manager) =>
      indexQueuedBatch(manager, v, Math.min(INDEX_BATCH, limit - done)),
    );
    done += n;
    if (n === 0) break;
  }
  return done;
}
