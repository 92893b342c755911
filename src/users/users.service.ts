import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import {
  ConnectionShape,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '../common/pagination/connection.js';
import { UserType } from './dto/user.types.js';
import { UsersArgs } from './dto/user.inputs.js';
import { UserEntity, UserStatus } from './user.entity.js';
import { toUserType } from './user.mapper.js';
import { moveUserStatus, revokeSessionsOfSuspendedUser } from './users.queries.js';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async me(actor: Actor): Promise<UserType> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actor.userId });
    if (!user) throw new NotFoundError('User');
    return toUserType(user);
  }

  /** Administrators' list of accounts, newest first, keyset-paginated. */
  async list(_actor: Actor, args: UsersArgs): Promise<ConnectionShape<UserType>> {
    const first = pageSize(args);
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(first + 1);
    if (args.filter?.status) qb.andWhere('u.status = :status', { status: args.filter.status });
    if (args.filter?.search) {
      const pattern = `%${args.filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(u.email ILIKE :pattern OR u.display_name ILIKE :pattern)', { pattern });
    }
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      qb.andWhere('(u.created_at, u.id) < (:createdAt::timestamptz, :id::uuid)', { createdAt, id });
    }
    const rows = await qb.getMany();
    return toConnection(
      rows,
      first,
      (u) => encodeCursor([u.createdAt.toISOString(), u.id]),
      toUserType,
      args.after,
    );
  }

  /** Suspends an account: its sessions end and its tokens stop working at the next request. */
  async suspend(actor: Actor, userId: string, reason: string): Promise<UserType> {
    if (userId === actor.userId)
      throw new ConflictError('CANNOT_SUSPEND_SELF', 'Administrators cannot suspend themselves');
    return this.dataSource.transaction(async (manager) => {
      const user = await this.transition(manager, userId, UserStatus.ACTIVE, UserStatus.SUSPENDED);
      await revokeSessionsOfSuspendedUser(manager, userId);
      await this.audit.record(manager, {
        actor,
        action: 'USER_SUSPENDED',
        entityType: 'User',
        entityId: userId,
        from: UserStatus.ACTIVE,
        to: UserStatus.SUSPENDED,
        reason,
      });
      return toUserType(user);
    });
  }

  async reinstate(actor: Actor, userId: string, reason: string): Promise<UserType> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.transition(manager, userId, UserStatus.SUSPENDED, UserStatus.ACTIVE);
      await this.audit.record(manager, {
        actor,
        action: 'USER_REINSTATED',
        entityType: 'User',
        entityId: userId,
        from: UserStatus.SUSPENDED,
        to: UserStatus.ACTIVE,
        reason,
      });
      return toUserType(user);
    });
  }

  private async transition(
    manager: EntityManager,
    userId: string,
    from: UserStatus,
    to: UserStatus,
  ): Promise<UserEntity> {
    const moved = await moveUserStatus(manager, userId, from, to);
    const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new NotFoundError('User');
    if (!moved) {
      throw new ConflictError('INVALID_TRANSITION', `A ${user.status} user cannot become ${to}`, {
        from: user.status,
        to,
      });
    }
    return user;
  }
}
