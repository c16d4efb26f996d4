import { isUniqueViolation } from './pg-errors';

describe('isUniqueViolation', () => {
  const duplicate = Object.assign(new Error('duplicate key'), {
    code: '23505',
    constraint: 'chat_message_author_key',
  });

  it('knows a duplicate, of any constraint or of the one named', () => {
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(isUniqueViolation(duplicate, 'chat_message_author_key')).toBe(true);
    expect(isUniqueViolation(duplicate, 'app_user_email_key')).toBe(false);
  });

  it('is false for other refusals and for what is not an error', () => {
    expect(isUniqueViolation(Object.assign(new Error('fk'), { code: '23503' }))).toBe(false);
    expect(isUniqueViolation(new Error('plain'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });
});
