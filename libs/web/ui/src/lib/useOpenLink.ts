import { type ApiProblem, toApiProblem } from '@civitas/web/data-access';
import { useEffect, useRef, useState } from 'react';
import { useErrorText } from './errors';

/** What opening a mailed link came to: the API's answer, or why not in words. */
export type LinkOutcome<T> =
  | { done: true; value: T }
  | { done: false; code: string; message: string };

/**
 * Opens a mailed single-use link (confirm, unsubscribe…) once per `key`: a re-render or a
 * second effect does not send it again, a new key does; `null` opens nothing. A refusal is
 * put into words by its code (`refusals`, translated), else as any API problem is. Null until
 * the API has answered.
 */
export function useOpenLink<T>(
  key: string | null,
  open: () => Promise<T>,
  refusals: Partial<Record<string, string>>,
): LinkOutcome<T> | null {
  const errorText = useErrorText();
  const opener = useRef(open);
  opener.current = open;
  const asked = useRef<string | null>(null);
  const [answer, setAnswer] = useState<
    { key: string; value: T; problem?: never } | { key: string; problem: ApiProblem } | null
  >(null);

  useEffect(() => {
    if (key === null || asked.current === key) return;
    asked.current = key;
    opener.current().then(
      (value) => setAnswer({ key, value }),
      // A rejection without a reason is still a refusal.
      (error: unknown) => setAnswer({ key, problem: toApiProblem(error ?? new Error('refused'))! }),
    );
  }, [key]);

  if (!answer || answer.key !== key) return null;
  if (!answer.problem) return { done: true, value: answer.value };
  const { problem } = answer;
  return {
    done: false,
    code: problem.code,
    message: refusals[problem.code] ?? errorText.message(problem),
  };
}
