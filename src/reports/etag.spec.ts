import { ifMatchSatisfied, reportEtag } from './etag.js';

describe('report ETags', () => {
  const etag = reportEtag({ id: 'abc', version: 3 });

  it('changes with the version', () => {
    expect(etag).toBe('"abc.3"');
    expect(reportEtag({ id: 'abc', version: 4 })).not.toBe(etag);
  });

  it.each([
    ['"abc.3"', true],
    ['  "abc.3" ', true],
    ['"x", "abc.3"', true],
    ['*', true],
    ['"abc.2"', false],
    ['W/"abc.3"', false],
    ['abc.3', false],
  ])('If-Match %s → %s', (header, ok) => {
    expect(ifMatchSatisfied(header, etag)).toBe(ok);
  });

  it('never matches a report that does not exist', () => {
    expect(ifMatchSatisfied('*', null)).toBe(false);
  });
});
