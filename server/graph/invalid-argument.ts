/**
 * The one error the graph queries throw: an argument that names nothing in the graph or
 * cannot be read (an unknown entity id, a malformed cursor). The API turns it into a
 * BAD_USER_INPUT error that names the argument.
 */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';

  constructor(
    /** The argument at fault, as the API names it (`from`, `after`, `id` …). */
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}
