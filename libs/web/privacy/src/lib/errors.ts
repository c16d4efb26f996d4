import { toApiProblem } from '@civitas/web/data-access';
import { useErrorText } from '@civitas/web/ui';

/**
 * An API error of a privacy operation in words. BAD_USER_INPUT and CONFLICT also carry the
 * API's own sentence, which says what to change.
 */
export function usePrivacyError() {
  const errorText = useErrorText();
  return (error: unknown): string => {
    const problem = toApiProblem(error);
    if (!problem) return '';
    const base = errorText.message(problem);
    if (problem.code !== 'BAD_USER_INPUT' && problem.code !== 'CONFLICT') return base;
    const details = problem.fields.length
      ? problem.fields.flatMap((f) =>
          f.problems.map((p) => (p.includes(f.field) ? p : `${f.field}: ${p.trim()}`)),
        )
      : [problem.message];
    const said = details.filter((d) => d && d !== base);
    // The API speaks English; in Polish its sentence still names the expected form.
    return said.length ? `${base} ${said.join(' ')}`.trim() : base;
  };
}
