import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { ChallengeQueryService, viewerOf } from '../challenges/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError, UserInputError } from '../common/errors.js';
import type {
  LinkRelatedChallengesInput,
  LinkRelatedChallengesPayload,
  RelatedChallenge,
  UnlinkRelatedChallengesInput,
  UnlinkRelatedChallengesPayload,
} from './dto/similar-challenges.types.js';
import {
  COMPARABLE_STATUSES,
  deleteLink,
  insertLink,
  lockChallenges,
  relatedOf,
} from './similar-challenges.queries.js';

/**
 * Related demands: a platform admin links two challenges of different enterprises that look like the same
 * demand (or unlinks them), and each issuer sees the link on its own challenge: the note, and the other
 * challenge and its issuer only as far as the viewer may see them (the visibility rule, the anonymous-issuer
 * rule). Links are audited.
 */
@Injectable()
export class RelatedChallengesService {
  /** Per-request loaders of `Challenge.relatedChallenges`, keyed by the request object. */
  private readonly perRequest = new WeakMap<
    object,
    DataLoader<string, RelatedChallenge[] | null>
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly challenges: ChallengeQueryService,
  ) {}

  /** For platform admins (the resolver's access rule). */
  async link(
    actor: Actor,
    input: LinkRelatedChallengesInput,
  ): Promise<LinkRelatedChallengesPayload> {
    const { challengeId, relatedChallengeId, note } = input;
    if (challengeId.toLowerCase() === relatedChallengeId.toLowerCase())
      throw UserInputError.field(
        'input.relatedChallengeId',
        'relatedChallengeId must be another challenge than challengeId',
      );
    return this.dataSource.transaction(async (manager) => {
      const found = await lockChallenges(manager, [challengeId, relatedChallengeId]);
      if (found.length < 2) throw new NotFoundError('Challenge');
      const [a, b] = found;
      if (a.issuerOrganizationId === b.issuerOrganizationId)
        throw new ConflictError(
          'RELATED_CHALLENGES_SAME_ISSUER',
          'Both challenges were posted by the same enterprise',
        );
      if (!COMPARABLE_STATUSES.includes(a.status) || !COMPARABLE_STATUSES.includes(b.status))
        throw new ConflictError(
          'RELATED_CHALLENGE_NOT_COMPARABLE',
          'Only challenges pending review or published can be linked as related',
        );
      const row = await insertLink(manager, {
        a: challengeId,
        b: relatedChallengeId,
        note,
        linkedBy: actor.userId,
      });
      if (!row)
        throw new ConflictError(
          'RELATED_CHALLENGES_ALREADY_LINKED',
          'These two challenges are already linked as related',
        );
      await this.audit.record(manager, {
        actor,
        action: 'RELATED_CHALLENGES_LINKED',
        entityType: 'RelatedChallengesLink',
        entityId: row.id,
        data: { challengeId, relatedChallengeId, note },
      });
      return { link: { challengeId, relatedChallengeId, note: row.note, linkedAt: row.linkedAt } };
    });
  }

  /** For platform admins; NOT_FOUND when the two are not linked. */
  async unlink(
    actor: Actor,
    input: UnlinkRelatedChallengesInput,
  ): Promise<UnlinkRelatedChallengesPayload> {
    const { challengeId, relatedChallengeId } = input;
    return this.dataSource.transaction(async (manager) => {
      const row = await deleteLink(manager, challengeId, relatedChallengeId);
      if (!row) throw new NotFoundError('Related challenges link');
      await this.audit.record(manager, {
        actor,
        action: 'RELATED_CHALLENGES_UNLINKED',
        entityType: 'RelatedChallengesLink',
        entityId: row.id,
        data: { challengeId, relatedChallengeId, note: row.note },
      });
      return { link: { challengeId, relatedChallengeId, note: row.note, linkedAt: row.linkedAt } };
    });
  }

  /**
   * The related demands of a challenge the viewer already sees, through the request's loader (one statement
   * for every challenge of the response, one more for the related challenges it may see): null unless the
   * viewer is a member of its issuer or an admin.
   */
  relatedOf(
    req: object,
    actor: Actor | null,
    challengeId: string,
  ): Promise<RelatedChallenge[] | null> {
    return this.loader(req, actor).load(challengeId);
  }

  private loader(req: object, actor: Actor | null): DataLoader<string, RelatedChallenge[] | null> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader(async (ids) => this.load(actor, ids));
      this.perRequest.set(req, loader);
    }
    return loader;
  }

  private async load(
    actor: Actor | null,
    ids: readonly string[],
  ): Promise<(RelatedChallenge[] | null)[]> {
    const viewer = viewerOf(actor);
    if (!actor || (!viewer.admin && viewer.organizationKind !== 'ENTERPRISE'))
      return ids.map(() => null);
    const [rows, mine] = await Promise.all([
      relatedOf(this.dataSource, viewer, ids),
      viewer.admin ? Promise.resolve(null) : this.ownChallenges(actor, ids),
    ]);
    const related = await this.challenges.summaries(actor, [
      ...new Set(rows.map((r) => r.relatedChallengeId)),
    ]);
    const nodeOf = new Map(related.map((c) => [c.id, c]));
    return ids.map((id) => {
      if (mine && !mine.has(id)) return null;
      return rows
        .filter((r) => r.challengeId === id)
        .map((r) => ({
          challenge: nodeOf.get(r.relatedChallengeId) ?? null,
          issuer: r.issuer,
          note: r.note,
          linkedAt: r.linkedAt,
        }));
    });
  }

  /** Which of `ids` are the actor's enterprise's challenges (the others' links are not its to see). */
  private async ownChallenges(actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    const nodes = await this.challenges.summaries(actor, ids, new Set(['viewerIsIssuer']));
    return new Set(nodes.filter((n) => n.viewerIsIssuer).map((n) => n.id));
  }
}
