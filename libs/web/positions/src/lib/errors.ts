import { toApiProblem } from '@civitas/web/data-access';
import { useErrorText } from '@civitas/web/ui';

/**
 * An API error of a positions operation in words; BAD_USER_INPUT and CONFLICT add the API's
 * own sentence ("The consultation is closed", the field and what is wrong with it).
 */
export function usePositionsError() {
  const errorText = useErrorText();
  return (error: unknown): string => {
    const problem = toApiProblem(error);
    if (!problem) return '';
    const base = errorText.message(problem);
    if (problem.code !== 'BAD_USER_INPUT' && problem.code !== 'CONFLICT') return base;
    const details = problem.fields.length
      ? problem.fields.flatMap((f) => f.problems.map((p) => `${f.field}: ${p.trim()}`))
      : [problem.message];
    const said = details.filter((d) => d && d !== base);
    return said.length ? `${base} ${said.join(' ')}`.trim() : base;
  };
}
