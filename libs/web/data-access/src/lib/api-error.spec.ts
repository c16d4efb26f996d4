import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { fieldProblems, problemFromResponse, toApiProblem } from './api-error';

describe('toApiProblem', () => {
  it('reads code, field problems, retryAfter and password problems from GraphQL errors', () => {
    const error = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'input.email', problems: ['must be an e-mail address'] },
              { nonsense: true },
            ],
          },
        },
      ],
    });
    const problem = toApiProblem(error);
    expect(problem).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.email' }] });
    expect(fieldProblems(problem, 'email')).toEqual(['must be an e-mail address']);
    expect(fieldProblems(problem, 'phone')).toEqual([]);

    expect(
      toApiProblem(
        new CombinedGraphQLErrors({
          errors: [
            { message: 'slow down', extensions: { code: 'TOO_MANY_REQUESTS', retryAfter: 90 } },
          ],
        }),
      ),
    ).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfter: 90 });
    expect(
      toApiProblem(
        new CombinedGraphQLErrors({
          errors: [
            {
              message: 'weak',
              extensions: { code: 'WEAK_PASSWORD', problems: ['TOO_SHORT', 'NO_DIGIT_OR_SYMBOL'] },
            },
          ],
        }),
      ),
    ).toMatchObject({ code: 'WEAK_PASSWORD', problems: ['TOO_SHORT', 'NO_DIGIT_OR_SYMBOL'] });
  });

  it('reads the GraphQL body of an HTTP error (429 from the login throttle)', () => {
    const body = JSON.stringify({
      errors: [{ message: 'Too many', extensions: { code: 'TOO_MANY_REQUESTS', retryAfter: 600 } }],
    });
    const error = new ServerError('Response not successful', {
      response: new Response(body, { status: 429 }),
      bodyText: body,
    });
    expect(toApiProblem(error)).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfter: 600 });
  });

  it('maps REST answers and bare statuses, and network failures', () => {
    expect(
      problemFromResponse(403, JSON.stringify({ code: 'FORBIDDEN', message: 'no' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(problemFromResponse(413, 'Payload Too Large')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(problemFromResponse(502, '<html>')).toMatchObject({ code: 'UNKNOWN' });
    expect(toApiProblem(new TypeError('Failed to fetch'))).toMatchObject({ code: 'NETWORK' });
    expect(toApiProblem(undefined)).toBeNull();
  });
});
