import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { ErrorCode, passwordProblems, PASSWORD_PROBLEM_MESSAGES } from '@civitas/shared/domain';
import { domainError } from '@civitas/api/core';

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

  /** WEAK_PASSWORD naming everything the password still lacks. */
  assertStrong(password: string): void {
    const problems = passwordProblems(password);
    if (problems.length === 0) return;
    const missing = problems.map((p) => PASSWORD_PROBLEM_MESSAGES[p]).join(', ');
    throw domainError(ErrorCode.WEAK_PASSWORD, `The password needs ${missing}.`, { problems });
  }
}
