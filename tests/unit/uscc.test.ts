import { composeUscc, organisationCheckCharacter, validateUscc } from '../../src/domain/uscc';

describe('USCC (GB 32100-2015)', () => {
  it.each(['914403001922038216', '91350900587527783P'])('accepts the real code %s', (code) => {
    expect(validateUscc(code)).toMatchObject({ valid: true, uscc: code });
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(validateUscc('  91350900587527783p ')).toMatchObject({ valid: true, uscc: '91350900587527783P' });
  });

  it('names the expected check character', () => {
    const result = validateUscc('914403001922038217');
    expect(result).toMatchObject({ valid: false, problem: { code: 'CHECK_CHARACTER', expected: '6', found: '7' } });
  });

  it('rejects characters outside the alphabet with their position', () => {
    expect(validateUscc('91440300192203821O')).toMatchObject({
      valid: false,
      problem: { code: 'ALPHABET', position: 18, character: 'O' },
    });
  });

  it('rejects a wrong length', () => {
    expect(validateUscc('9144030019220382')).toMatchObject({ valid: false, problem: { code: 'LENGTH' } });
  });

  it('composes codes that validate', () => {
    const body = '5875277' + '8' ;
    const org = body + organisationCheckCharacter(body);
    const code = composeUscc('9', '1', '370102', org);
    expect(validateUscc(code)).toEqual({ valid: true, uscc: code, warnings: [] });
  });

  it('warns, without rejecting, when the organisation-code check fails', () => {
    const code = composeUscc('9', '1', '370102', '58752778Q');
    const result = validateUscc(code);
    expect(result.valid).toBe(true);
    expect(result.valid && result.warnings).toHaveLength(1);
  });
});
