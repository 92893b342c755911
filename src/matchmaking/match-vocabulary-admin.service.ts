import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import { type ConnectionShape, timeIdPage } from '../common/pagination/connection.js';
import type {
  AddMatchVocabularyPairInput,
  AddMatchVocabularyPairPayload,
  MatchVocabularyArgs,
  MatchVocabularyPairType,
  RemoveMatchVocabularyPairInput,
  RemoveMatchVocabularyPairPayload,
} from './dto/match-vocabulary.types.js';
import { queueEverything } from './match-index.queries.js';
import { MatchVocabularyService } from './match-vocabulary.service.js';
import {
  deleteVocabularyPair,
  insertVocabularyPair,
  type VocabularyPairRow,
  vocabularyPairsPage,
} from './match-vocabulary.queries.js';

/**
 * The admins' side of the matching vocabulary: the pairs they added, a page at a time, and adding or removing
 * one. A change alters what every document's text means to matching (a Chinese term gains or loses its English
 * counterpart), so it queues every challenge and SME for the indexer in the same transaction and drops the
 * built vocabulary; the background indexer then rebuilds the index with the new vocabulary.
 */
@Injectable()
export class MatchVocabularyAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly vocabularies: MatchVocabularyService,
  ) {}

  /** The admin-added pairs, newest first; `filter.search` keeps those whose zh or en holds the text. */
  list(args: MatchVocabularyArgs): Promise<ConnectionShape<MatchVocabularyPairType>> {
    const search = args.filter?.search || null;
    return timeIdPage(
      args,
      (limit, after) => vocabularyPairsPage(this.dataSource, limit, after, search),
      (row) => [row.createdAt, row.id],
    );
  }

  /** Adds a pair (input already normalised and checked by the DTO); CONFLICT when it is there already. */
  async add(
    actor: Actor,
    input: AddMatchVocabularyPairInput,
  ): Promise<AddMatchVocabularyPairPayload> {
    const pair = await this.changeVocabulary(
      actor,
      'MATCH_VOCABULARY_PAIR_ADDED',
      async (manager) => {
        const inserted = await insertVocabularyPair(manager, {
          zh: input.zh,
          en: input.en,
          createdBy: actor.userId,
        });
        if (!inserted)
          throw new ConflictError(
            'VOCABULARY_PAIR_EXISTS',
            `The pair ${input.zh} / ${input.en} is already in the vocabulary`,
          );
        return inserted;
      },
    );
    return { pair };
  }

  /** Removes a pair; NOT_FOUND when no pair has that id. */
  async remove(
    actor: Actor,
    input: RemoveMatchVocabularyPairInput,
  ): Promise<RemoveMatchVocabularyPairPayload> {
    const removed = await this.changeVocabulary(
      actor,
      'MATCH_VOCABULARY_PAIR_REMOVED',
      async (manager) => {
        const deleted = await deleteVocabularyPair(manager, input.id);
        if (!deleted) throw new NotFoundError('Vocabulary pair');
        return deleted;
      },
    );
    return { id: removed.id };
  }

  /**
   * Runs a change of the pairs, queues every document and records the audit event, in one transaction (a
   * refusal thrown by `change` rolls it all back: nothing is queued for nothing). The event comes last, as the
   * audit trail asks (its lock is held to the commit). The built vocabulary is dropped after the commit:
   * dropped before it, a rebuild in between would read the old pairs and be kept.
   */
  private async changeVocabulary(
    actor: Actor,
    action: 'MATCH_VOCABULARY_PAIR_ADDED' | 'MATCH_VOCABULARY_PAIR_REMOVED',
    change: (manager: EntityManager) => Promise<VocabularyPairRow>,
  ): Promise<VocabularyPairRow> {
    const result = await this.dataSource.transaction(async (manager) => {
      const pair = await change(manager);
      await queueEverything(manager);
      await this.audit.record(manager, {
        actor,
        action,
        entityType: 'MatchVocabularyPair',
        entityId: pair.id,
        data: { zh: pair.zh, en: pair.en },
      });
      return pair;
    });
    this.vocabularies.invalidate();
    return result;
  }
}
