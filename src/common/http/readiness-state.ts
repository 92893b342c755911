import { Injectable } from '@nestjs/common';

/** Whether the instance still takes new work: false from the moment it begins to shut down. */
@Injectable()
export class ReadinessState {
  accepting = true;
}
