import { QueryFailedError } from 'typeorm';

/** The constraint a PostgreSQL unique violation (23505) broke, or null when `error` is something else. */
export function uniqueViolation(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; constraint?: string } | undefined;
  return driver?.code === '23505' ? (driver.constraint ?? '') : null;
}
