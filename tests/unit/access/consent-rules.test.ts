import { consentStatus, GATED_SECTIONS, PUBLIC_SECTIONS, sectionAccess, type ConsentGrant } from '../../../src/access/consent-rules';
import type { Principal } from '../../../src/access/principal';
import { SECTIONS } from '../../../src/profile/catalog/field.types';

const BANK_A = 1;
const BANK_B = 2;
const USCC = '91370100MA3C5K1T2X';
const NOW = new Date('2026-10-01T08:00:00.000Z');
const ms = (offset: number) => new Date(NOW.getTime() + offset);
const DAY = 86_400_000;

const institution = (institutionId: number): Principal => ({ keyId: 10 + institutionId, name: `bank-${institutionId}`, role: 'INSTITUTION', institutionId, institutionName: `Bank ${institutionId}` });
const bankA = institution(BANK_A);

let nextId = 1;
const consent = (overrides: Partial<ConsentGrant> = {}): ConsentGrant => ({
  id: nextId++,
  uscc: USCC,
  institutionId: BANK_A,
  sections: ['tax'],
  purpose: 'credit_assessment',
  grantedAt: ms(-30 * DAY),
  expiresAt: ms(30 * DAY),
  revokedAt: null,
  ...overrides,
});

const reasonOf = (access: ReturnType<typeof sectionAccess>, section: string) => access.withheld.find((w) => w.section === section)?.reason;

describe('sectionAccess', () => {
  it('shows platform roles every section, whatever the consents', () => {
    for (const role of ['STEWARD', 'ADMIN'] as const) {
      const access = sectionAccess({ keyId: 1, name: role, role, institutionId: null, institutionName: null }, [], NOW);
      expect(access).toEqual({ visible: [...SECTIONS], withheld: [], purposes: ['platform'] });
    }
  });

  it('shows an institution without consent the public section only, every gated one withheld as NO_CONSENT', () => {
    const access = sectionAccess(bankA, [], NOW);
    expect(access.visible).toEqual([...PUBLIC_SECTIONS]);
    expect(access.withheld.map((w) => w.section)).toEqual([...GATED_SECTIONS]);
    expect(new Set(access.withheld.map((w) => w.reason))).toEqual(new Set(['NO_CONSENT']));
    expect(access.withheld[0]!.message).toMatch(/has not granted your institution a consent/);
    expect(access.purposes).toEqual(['public']);
  });

  it('opens the consented sections in force, with their purpose, and withholds the rest as NOT_IN_CONSENT_SCOPE', () => {
    const access = sectionAccess(bankA, [consent({ sections: ['tax', 'electricity'], purpose: 'post_loan_monitoring' })], NOW);
    expect(access.visible).toEqual(['identity', 'tax', 'electricity']);
    expect(reasonOf(access, 'water')).toBe('NOT_IN_CONSENT_SCOPE');
    expect(reasonOf(access, 'financing')).toBe('NOT_IN_CONSENT_SCOPE');
    expect(access.withheld).toHaveLength(GATED_SECTIONS.length - 2);
    expect(access.purposes).toEqual(['post_loan_monitoring']);
  });

  it('unions several consents in force and lists each purpose that opened something, sorted', () => {
    const access = sectionAccess(bankA, [consent({ sections: ['tax'], purpose: 'talent_loan' }), consent({ sections: ['talent'], purpose: 'credit_assessment' })], NOW);
    expect(access.visible).toEqual(['identity', 'tax', 'talent']);
    expect(access.purposes).toEqual(['credit_assessment', 'talent_loan']);
  });

  it('does not credit a purpose for a section another consent already opened', () => {
    const access = sectionAccess(bankA, [consent({ sections: ['tax'], purpose: 'credit_assessment' }), consent({ sections: ['tax'], purpose: 'subsidy_review' })], NOW);
    expect(access.purposes).toEqual(['credit_assessment']);
  });

  it('treats the expiry instant as the end: in force a millisecond before, expired at it', () => {
    const grant = consent({ expiresAt: NOW });
    expect(sectionAccess(bankA, [grant], ms(-1)).visible).toContain('tax');
    const atExpiry = sectionAccess(bankA, [grant], NOW);
    expect(atExpiry.visible).not.toContain('tax');
    expect(reasonOf(atExpiry, 'tax')).toBe('CONSENT_EXPIRED');
    expect(reasonOf(sectionAccess(bankA, [grant], ms(DAY)), 'tax')).toBe('CONSENT_EXPIRED');
  });

  it('treats the grant instant as the start: not yet in force a millisecond before (CONSENT_EXPIRED), in force at it', () => {
    const grant = consent({ grantedAt: NOW, expiresAt: ms(DAY) });
    const before = sectionAccess(bankA, [grant], ms(-1));
    expect(before.visible).toEqual(['identity']);
    expect(reasonOf(before, 'tax')).toBe('CONSENT_EXPIRED');
    expect(before.withheld.find((w) => w.section === 'tax')!.message).toMatch(/not yet in force/);
    expect(sectionAccess(bankA, [grant], NOW).visible).toContain('tax');
  });

  it('withholds a revoked consent’s sections as CONSENT_REVOKED, even before its expiry', () => {
    const access = sectionAccess(bankA, [consent({ revokedAt: ms(-DAY) })], NOW);
    expect(access.visible).toEqual(['identity']);
    expect(reasonOf(access, 'tax')).toBe('CONSENT_REVOKED');
    expect(reasonOf(access, 'water')).toBe('NOT_IN_CONSENT_SCOPE');
  });

  it('says expired, not revoked, when one covering consent was revoked and another expired', () => {
    const access = sectionAccess(bankA, [consent({ revokedAt: ms(-DAY) }), consent({ expiresAt: ms(-DAY), grantedAt: ms(-10 * DAY) })], NOW);
    expect(reasonOf(access, 'tax')).toBe('CONSENT_EXPIRED');
  });

  it('lets a live consent win over a revoked or expired one for the same section', () => {
    const access = sectionAccess(bankA, [consent({ revokedAt: ms(-DAY) }), consent({ expiresAt: ms(-1) }), consent()], NOW);
    expect(access.visible).toContain('tax');
    expect(access.withheld.find((w) => w.section === 'tax')).toBeUndefined();
  });

  it('never counts another institution’s consent, in force or not', () => {
    const forB = consent({ institutionId: BANK_B, sections: [...GATED_SECTIONS] });
    const asA = sectionAccess(bankA, [forB], NOW);
    expect(asA.visible).toEqual(['identity']);
    expect(new Set(asA.withheld.map((w) => w.reason))).toEqual(new Set(['NO_CONSENT']));
    expect(asA.purposes).toEqual(['public']);
    const asB = sectionAccess(institution(BANK_B), [forB, consent({ sections: ['tax'] })], NOW);
    expect(asB.visible).toEqual([...SECTIONS]);
  });

  it('does not let an institution key without an institution match consents with a null institution', () => {
    const orphan: Principal = { keyId: 9, name: 'orphan', role: 'INSTITUTION', institutionId: null, institutionName: null };
    expect(sectionAccess(orphan, [consent()], NOW).visible).toEqual(['identity']);
  });

  it('keeps visible sections in catalog order and every section either visible or withheld', () => {
    const access = sectionAccess(bankA, [consent({ sections: ['financing', 'tax', 'governance'] })], NOW);
    expect(access.visible).toEqual(['identity', 'governance', 'tax', 'financing']);
    expect([...access.visible, ...access.withheld.map((w) => w.section)].sort()).toEqual([...SECTIONS].sort());
  });
});

describe('consentStatus', () => {
  const grant = { grantedAt: NOW, expiresAt: ms(DAY), revokedAt: null };
  it.each([
    [ms(-1), 'NOT_YET_IN_FORCE'],
    [NOW, 'IN_FORCE'],
    [ms(DAY - 1), 'IN_FORCE'],
    [ms(DAY), 'EXPIRED'],
  ])('at %p is %s', (at, status) => {
    expect(consentStatus(grant, at)).toBe(status);
  });

  it('is REVOKED once revoked, whatever the dates', () => {
    expect(consentStatus({ ...grant, revokedAt: ms(1) }, ms(2))).toBe('REVOKED');
    expect(consentStatus({ ...grant, revokedAt: ms(1) }, ms(-1))).toBe('REVOKED');
  });
});
