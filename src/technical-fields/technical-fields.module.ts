import { Module } from '@nestjs/common';
import { TechnicalFieldsResolver } from './technical-fields.resolver.js';
import { TechnicalFieldsService } from './technical-fields.service.js';

@Module({
  providers: [TechnicalFieldsService, TechnicalFieldsResolver],
  exports: [TechnicalFieldsService],
})
export class TechnicalFieldsModule {}
