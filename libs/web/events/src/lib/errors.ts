import { toApiProblem } from '@civitas/web/data-access';
import { useErrorText } from '@civitas/web/ui';

/**
 * An API error of an events operation in words. CONFLICT (registration closed, already
 * registered) and BAD_USER_INPUT also carry the API's own sentence, which says why.
 */
export function useEventsError() {
  const errorText = useErrorText();
  return (error: unknown): string => {
    const problem = toApiProblem(error);
    if (!problem) return '';
    const base = errorText.message(problem);
    if (problem.code !== 'BAD_USER_INPUT' && problem.code !== 'CONFLICT') return base;
    const said = problem.message && problem.message !== base ? ` ${problem.message}` : '';
    return `${base}${said}`.trim();
  };
}
