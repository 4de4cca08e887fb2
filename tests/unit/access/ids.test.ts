import { parseRowId } from '../../../src/access/ids';
import { HubError } from '../../../src/errors/hub-error';

describe('parseRowId', () => {
  it('accepts positive whole numbers, as text or numbers, trimmed', () => {
    expect(parseRowId(' 42 ')).toBe(42);
    expect(parseRowId(7)).toBe(7);
    expect(parseRowId('4294967295')).toBe(4_294_967_295);
  });

  it.each(['0', '-1', '1.5', '1e3', 'abc', '', '4294967296', '99999999999'])('refuses %p with BAD_USER_INPUT naming the argument', (bad) => {
    let caught: unknown;
    try {
      parseRowId(bad, 'after');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HubError);
    expect(caught).toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'after' }, message: expect.stringMatching(/^after must be a positive whole number/) });
  });
});
