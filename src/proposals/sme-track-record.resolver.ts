import { Injectable } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { SmeType } from '../organizations/index.js';
import { TrackRecordEntryType } from './dto/track-record.types.js';
import { trackRecordsOf } from './proposals.queries.js';

/**
 * `Sme.trackRecord`: the SME's results on the platform per technical field. The parent SME was read with the
 * organisation visibility rule, so whoever sees the SME sees its record. One statement per request for every SME
 * in it (a per-request DataLoader keyed by the request object).
 */
@Injectable()
@Resolver(() => SmeType)
export class SmeTrackRecordResolver {
  private readonly perRequest = new WeakMap<object, DataLoader<string, TrackRecordEntryType[]>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [TrackRecordEntryType], {
    description:
      'Results on the platform per technical field (shortlisted, selected, awarded), counted once winners are public; empty when none.',
  })
  trackRecord(
    @Parent() sme: SmeType,
    @Context() ctx: { req: object },
  ): Promise<TrackRecordEntryType[]> {
    return this.loader(ctx.req).load(sme.id);
  }

  private loader(req: object): DataLoader<string, TrackRecordEntryType[]> {
    let loader = this.perRequest.get(req);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const byId = new Map<string, TrackRecordEntryType[]>(ids.map((id) => [id, []]));
        for (const row of await trackRecordsOf(this.dataSource, ids))
          byId.get(row.organizationId)?.push(row.entry);
        return ids.map((id) => byId.get(id) ?? []);
      });
      this.perRequest.set(req, loader);
    }
    return loader;
  }
}
