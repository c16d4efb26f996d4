export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** What a password still lacks; stable keys so both the API and the web can translate them. */
export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'NO_LETTER' | 'NO_DIGIT_OR_SYMBOL';

export function passwordProblems(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push('TOO_LONG');
  if (!/\p{L}/u.test(password)) problems.push('NO_LETTER');
  if (!/[\p{N}\p{P}\p{S}]/u.test(password)) problems.push('NO_DIGIT_OR_SYMBOL');
  return problems;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `at least ${PASSWORD_MIN_LENGTH} characters`,
  TOO_LONG: `at most ${PASSWORD_MAX_LENGTH} characters`,
  NO_LETTER: 'a letter',
  NO_DIGIT_OR_SYMBOL: 'a digit or a symbol',
};
