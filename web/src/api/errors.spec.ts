import { ApiError, messagesByField } from './errors';

describe('API errors', () => {
  it('keep the status, every message, the import row errors and Retry-After', () => {
    const response = new Response(null, { status: 429, headers: { 'retry-after': '120' } });
    const error = ApiError.fromResponse(response, {
      statusCode: 429,
      error: 'Too Many Requests',
      message: ['a', 'b'],
      errors: [{ row: 3, column: 'due_date', message: 'not a date' }],
    });
    expect(error).toMatchObject({ status: 429, messages: ['a', 'b'], retryAfter: 120 });
    expect(error.rowErrors).toEqual([{ row: 3, column: 'due_date', message: 'not a date' }]);
  });

  it('fall back to the error name when there is no message, and to nothing for a body that is not JSON', () => {
    expect(ApiError.fromResponse(new Response(null, { status: 404 }), { statusCode: 404, error: 'Not Found' }).messages).toEqual(['Not Found']);
    expect(ApiError.fromResponse(new Response(null, { status: 502 }), '<html>').messages).toEqual([]);
  });

  it('sort validation messages by the field they name', () => {
    const { fields, general } = messagesByField([
      'tasks.0.percentComplete must not be greater than 100',
      'tasks.0.percentComplete must be an integer number',
      'summary must be a string',
      'property extra should not exist',
    ]);
    expect(Object.fromEntries(fields)).toEqual({
      'tasks.0.percentComplete': ['tasks.0.percentComplete must not be greater than 100', 'tasks.0.percentComplete must be an integer number'],
      summary: ['summary must be a string'],
    });
    expect(general).toEqual(['property extra should not exist']);
  });
});
