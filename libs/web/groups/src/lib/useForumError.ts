import { toApiProblem } from '@civitas/web/data-access';
import { useErrorText } from '@civitas/web/ui';
import { useTranslation } from 'react-i18next';
import { GROUPS_NS } from './i18n';
import { type ForumOperation, threadErrorOverrides } from './thread-rules';

/** An API error of a forum operation in words (a CONFLICT per operation, see forumConflictKey). */
export function useForumError() {
  const { t } = useTranslation(GROUPS_NS);
  const errorText = useErrorText();
  return (error: unknown, operation: ForumOperation): string => {
    const problem = toApiProblem(error);
    return problem
      ? errorText.message(problem, threadErrorOverrides(t, operation, problem.message))
      : '';
  };
}
