import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per e-mail address (known or not, so that the lock does not reveal which
 * addresses have accounts). Reaching the limit locks sign-in for that address for a while.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz', precision: 3 })
  lastFailureAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', precision: 3, nullable: true })
  lockedUntil: Date | null;
}
