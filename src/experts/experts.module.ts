import { Module } from '@nestjs/common';
import { TechnicalFieldsModule } from '../technical-fields/index.js';
import { ExpertsResolver } from './experts.resolver.js';
import { ExpertsService } from './experts.service.js';

@Module({
  imports: [TechnicalFieldsModule],
  providers: [ExpertsService, ExpertsResolver],
})
export class ExpertsModule {}
