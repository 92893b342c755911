/** Collects the positional parameters ($1, $2, ...) of one SQL statement built from fragments. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
