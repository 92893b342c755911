import { Module } from '@nestjs/common';
import { AllianceResolver } from './alliance.resolver.js';
import { AllianceService } from './alliance.service.js';

@Module({
  providers: [AllianceService, AllianceResolver],
  exports: [AllianceService],
})
export class AllianceModule {}
