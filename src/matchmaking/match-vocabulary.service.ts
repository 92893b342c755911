import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Vocabulary, VocabularyPair } from './analysis/vocabulary.js';
import { loadMatchVocabulary } from './match-indexing.js';
import { loadShippedVocabulary } from './vocabulary/shipped-vocabulary.js';

/**
 * The vocabulary matching uses, built once per process: the shipped vocabulary (read once), the taxonomy's
 * bilingual names and the admins' additions; built again after an admin changes a pair on this instance, and
 * whenever an indexer finds the database's part changed (another instance's admin), see indexQueuedBatch.
 */
@Injectable()
export class MatchVocabularyService {
  private shipped: Promise<VocabularyPair[]> | null = null;
  private current: Promise<Vocabulary> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The vocabulary; built again when `stale` (the indexer saw the database's part change). */
  vocabulary(stale = false): Promise<Vocabulary> {
    if (stale) this.current = null;
    if (!this.current) {
      this.shipped ??= loadShippedVocabulary();
      const building = loadMatchVocabulary(this.dataSource, this.shipped);
      this.current = building;
      // A failed build (the database away) is retried by the next caller.
      building.catch(() => {
        if (this.current === building) this.current = null;
      });
    }
    return this.current;
  }

  /** Drops the built vocabulary: the next use reads the additions again. */
  invalidate(): void {
    this.current = null;
  }
}
