import { Mutation, Resolver } from '@nestjs/graphql';
import { Access, AccessRule } from '../common/auth/access.decorator.js';
import { MutationInput } from '../common/graphql/mutation-input.js';
import { UnsubscribeEmailInput, UnsubscribeEmailPayload } from './dto/mail.types.js';
import { UnsubscribeService } from './unsubscribe.service.js';

@Resolver()
export class UnsubscribeResolver {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Mutation(() => UnsubscribeEmailPayload, {
    description:
      'Stops one kind of e-mail for the recipient of the link (the token is the credential; each works once).',
  })
  @Access(AccessRule.PUBLIC)
  async unsubscribeEmail(
    @MutationInput() input: UnsubscribeEmailInput,
  ): Promise<UnsubscribeEmailPayload> {
    return { kind: await this.unsubscribes.unsubscribe(input.token) };
  }
}
