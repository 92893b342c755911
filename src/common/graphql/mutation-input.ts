import { Args } from '@nestjs/graphql';

/**
 * The one argument of every mutation, `input` (its fields are described on its input type). Validated like every
 * argument by the global validation pipe.
 */
export const MutationInput = () =>
  Args('input', {
    description: "The mutation's input; each field is described on the input type.",
  });
