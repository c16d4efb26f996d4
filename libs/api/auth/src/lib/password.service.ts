import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { ErrorCode, passwordProblems, PASSWORD_PROBLEM_MESSAGES } from '@civitas/shared/domain';
import { domainError } from '@civitas/api/core';
import { LoginThrottleService } from './login-throttle.service';
import { User } from './user.entity';

/** OWASP's minimum for argon2id: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

@Injectable()
export class PasswordService {
  /** Verified against when the account does not exist, so timing does not tell. */
  private readonly decoy = argon2.hash('civitas-decoy-password', ARGON2_OPTIONS);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
  ) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }

  /**
   * The one rule for every act a signed-in person confirms with the current password:
   * INVALID_CREDENTIALS when it is wrong, TOO_MANY_REQUESTS (before checking) once the
   * account has failed as often as sign-in allows; a right password clears the count.
   */
  async verifyCurrent(userId: string, password: string): Promise<void> {
    await this.throttle.assertReauthAllowed(userId);
    const account = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!(await this.verify(account?.passwordHash, password))) {
      await this.throttle.recordReauthFailure(userId);
      throw domainError(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong.');
    }
    await this.throttle.recordReauthSuccess(userId);
  }

  /** WEAK_PASSWORD naming everything the password still lacks. */
  assertStrong(password: string): void {
    const problems = passwordProblems(password);
    if (problems.length === 0) return;
    const missing = problems.map((p) => PASSWORD_PROBLEM_MESSAGES[p]).join(', ');
    throw domainError(ErrorCode.WEAK_PASSWORD, `The password needs ${missing}.`, { problems });
  }
}
