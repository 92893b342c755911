import { Module } from '@nestjs/common';
import { TechnicalFieldsModule } from '../technical-fields/technical-fields.module.js';
import { ExpertsResolver } from './experts.resolver.js';
import { ExpertsService } from './experts.service.js';

@Module({
  imports: [TechnicalFieldsModule],
  providers: [ExpertsService, ExpertsResolver],
})
export class ExpertsModule {}
