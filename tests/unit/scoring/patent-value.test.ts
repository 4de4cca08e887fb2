import { emptyRecords, type LegalEventRecord, type PatentRecord } from '../../../src/profile/derive/enterprise-records';
import { patentFactsAsOf } from '../../../src/scoring/patent-value/patent-facts';
import { gradeOf, round1, scaleScore, summarisePatentValues, valuePatent, type PatentFacts } from '../../../src/scoring/patent-value/patent-value';
import { PATENT_VALUE_INDICATORS, PATENT_VALUE_MODELS, patentValueModelInForce, validatePatentValueModels, type PatentValueIndicatorCode, type PatentValueModel } from '../../../src/scoring/patent-value/patent-value-models';

const model = PATENT_VALUE_MODELS[0]!;
const scaleOf = (code: PatentValueIndicatorCode) => model.dimensions.flatMap((d) => d.indicators).find((x) => x.code === code)!.scale;

/** A strong patent: a valid, much-cited, licensed PCT invention with a long term left. */
const STRONG: PatentFacts = {
  applicationNo: 'CN201910000001.1',
  title: 'strong',
  type: 'INVENTION',
  status: 'VALID',
  filedOn: '2019-05-01',
  grantedOn: '2021-06-01',
  termEnd: '2039-05-01',
  remainingMonths: 200,
  claims: 25,
  citedBy: 25,
  familySize: 3,
  pct: true,
  ipcSubclasses: 4,
  licences: 3,
  transfers: 2,
  pledgesRegistered: 2,
  pledgedNow: false,
  invalidated: false,
};

/** A weak patent: a pledged, uncited design with 20 months left. */
const WEAK: PatentFacts = {
  ...STRONG,
  applicationNo: 'CN201630000002.2',
  title: 'weak',
  type: 'DESIGN',
  remainingMonths: 20,
  claims: 0,
  citedBy: 0,
  familySize: 1,
  pct: false,
  ipcSubclasses: 0,
  licences: 0,
  transfers: 0,
  pledgesRegistered: 1,
  pledgedNow: true,
};

describe('patent value model list', () => {
  it('has weights summing to 1: the dimensions, and the indicators of each dimension', () => {
    for (const m of PATENT_VALUE_MODELS) {
      expect(m.dimensions.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 12);
      for (const d of m.dimensions) expect(d.indicators.reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 12);
      expect(m.dimensions.map((d) => d.dimension)).toEqual(['LEGAL', 'TECHNICAL', 'ECONOMIC']);
    }
    // Every indicator of the catalogue is used once by the first model.
    expect(model.dimensions.flatMap((d) => d.indicators.map((x) => x.code)).sort()).toEqual(Object.keys(PATENT_VALUE_INDICATORS).sort());
  });

  it('is in force from 2023-09-01 inclusive (GB/T 42748-2023), nothing before', () => {
    expect(patentValueModelInForce('2023-08-31')).toBeUndefined();
    expect(patentValueModelInForce('2023-09-01')?.id).toBe('patent-value-2023.1');
    expect(patentValueModelInForce('2030-01-01')?.id).toBe('patent-value-2023.1');
    const later: PatentValueModel = { ...model, id: 'patent-value-2026.1', effectiveFrom: '2026-01-01' };
    const list = validatePatentValueModels([model, later]);
    expect(patentValueModelInForce('2025-12-31', list)?.id).toBe('patent-value-2023.1');
    expect(patentValueModelInForce('2026-01-01', list)?.id).toBe('patent-value-2026.1');
  });

  it('refuses a malformed model, naming what is wrong', () => {
    const legal = model.dimensions[0]!;
    const badWeights: PatentValueModel = { ...model, dimensions: [{ ...legal, weight: 0.5 }, ...model.dimensions.slice(1)] };
    expect(() => validatePatentValueModels([badWeights])).toThrow(/dimension weights do not sum to 1/);
    const badIndicator: PatentValueModel = { ...model, dimensions: [{ ...legal, indicators: [...legal.indicators.slice(1), { ...legal.indicators[0]!, weight: 0.2 }] }, ...model.dimensions.slice(1)] };
    expect(() => validatePatentValueModels([badIndicator])).toThrow(/LEGAL: indicator weights do not sum to 1/);
    const misplaced: PatentValueModel = { ...model, dimensions: [{ ...legal, indicators: [...legal.indicators.slice(1), { ...legal.indicators[0]!, code: 'LICENCES' }] }, ...model.dimensions.slice(1)] };
    expect(() => validatePatentValueModels([misplaced])).toThrow(/LICENCES: belongs to ECONOMIC/);
    const noFloor: PatentValueModel = { ...model, dimensions: [{ ...legal, indicators: legal.indicators.map((x) => (x.code === 'CLAIMS' ? { ...x, scale: { kind: 'steps', unit: 'count', steps: [{ min: 5, score: 60 }] } } : x)) }, ...model.dimensions.slice(1)] };
    expect(() => validatePatentValueModels([noFloor])).toThrow(/CLAIMS: the last step's min must be 0/);
    expect(() => validatePatentValueModels([model, { ...model }])).toThrow(/id repeats/);
  });
});

describe('indicator scales at their boundaries', () => {
  const table: Array<[PatentValueIndicatorCode, Array<[number | string, number]>]> = [
    ['REMAINING_TERM', [[240, 100], [180, 100], [179, 85], [120, 85], [119, 65], [60, 65], [59, 40], [24, 40], [23, 15], [1, 15], [0, 0]]],
    ['CLAIMS', [[20, 100], [19, 80], [10, 80], [9, 60], [5, 60], [4, 40], [1, 40], [0, 0]]],
    ['FAMILY', [[5, 100], [4, 80], [3, 80], [2, 60], [1, 30], [0, 30]]],
    ['FORWARD_CITATIONS', [[20, 100], [19, 85], [10, 85], [9, 70], [5, 70], [4, 50], [2, 50], [1, 30], [0, 10]]],
    ['IPC_BREADTH', [[4, 100], [3, 80], [2, 60], [1, 40], [0, 0]]],
    ['LICENCES', [[3, 100], [2, 85], [1, 70], [0, 30]]],
    ['TRANSFERS', [[2, 100], [1, 75], [0, 40]]],
    ['PLEDGE_FINANCING', [[2, 100], [1, 80], [0, 40]]],
    ['VALIDITY', [['VALID', 100], ['PENDING', 40], ['REJECTED', 0], ['LAPSED', 0], ['EXPIRED', 0], ['INVALIDATED', 0], ['TRANSFERRED_OUT', 0]]],
    ['ENCUMBRANCE', [['CLEAR', 100], ['LICENSED', 80], ['PLEDGED', 30]]],
    ['STABILITY', [['EXAMINED', 100], ['UNEXAMINED', 60], ['NOT_GRANTED', 30], ['INVALIDATED', 0]]],
    ['PATENT_TYPE', [['INVENTION', 100], ['UTILITY_MODEL', 60], ['DESIGN', 40]]],
  ];
  it.each(table)('%s', (code, cases) => {
    for (const [value, score] of cases) expect({ code, value, score: scaleScore(scaleOf(code), value) }).toEqual({ code, value, score });
  });

  it('grades at their band edges', () => {
    expect([80, 79.9, 65, 64.9, 50, 49.9, 35, 34.9, 0].map((x) => gradeOf(model, x))).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E']);
  });

  it('rounds half away from zero at 0.1 without binary drift', () => {
    expect(round1(34.975)).toBe(35);
    expect(round1(0.1 + 0.2)).toBe(0.3);
    expect(round1(16.45)).toBe(16.5);
  });
});

describe('valuePatent, hand-computed', () => {
  it('values a strong patent: legal 97.0, technical 100, economic 100, overall 98.8 (A)', () => {
    const v = valuePatent(model, STRONG);
    // Legal: validity .25×100 + term .20×100 + claims .15×100 + family (PCT → 5) .15×100 + licensed .15×80 + examined .10×100 = 97.
    expect(v.legal.indicators.map((x) => [x.code, x.value, x.score])).toEqual([
      ['VALIDITY', 'VALID', 100],
      ['REMAINING_TERM', 200, 100],
      ['CLAIMS', 25, 100],
      ['FAMILY', 5, 100],
      ['ENCUMBRANCE', 'LICENSED', 80],
      ['STABILITY', 'EXAMINED', 100],
    ]);
    expect([v.legal.degree, v.technical.degree, v.economic.degree]).toEqual([97, 100, 100]);
    // .40×97 + .35×100 + .25×100 = 98.8
    expect(v.overall).toBe(98.8);
    expect(v.grade).toBe('A');
    expect(v.highValueInvention).toBe(true);
    expect(v.pledgeable).toBe(true);
    expect(v.modelId).toBe('patent-value-2023.1');
  });

  it('values a weak patent: legal 43.0, technical 16.5, economic 48.0, overall 35.0 (D), pledged so not pledgeable', () => {
    const v = valuePatent(model, WEAK);
    // Legal: 25 + .20×15 + .15×0 + .15×30 + .15×30 (pledged) + .10×60 (unexamined design) = 43.
    expect(v.legal.degree).toBe(43);
    // Technical: .45×10 + .25×0 + .30×40 = 16.5.
    expect(v.technical.indicators.map((x) => [x.code, x.value, x.score])).toEqual([
      ['FORWARD_CITATIONS', 0, 10],
      ['IPC_BREADTH', 0, 0],
      ['PATENT_TYPE', 'DESIGN', 40],
    ]);
    expect(v.technical.degree).toBe(16.5);
    // Economic: .40×30 + .30×40 + .30×80 = 48.
    expect(v.economic.degree).toBe(48);
    // .40×43 + .35×16.5 + .25×48 = 17.2 + 5.775 + 12 = 34.975 → 35.0, the D band's floor.
    expect(v.overall).toBe(35);
    expect(v.grade).toBe('D');
    expect(v.highValueInvention).toBe(false);
    expect(v.pledgeable).toBe(false);
  });

  it('gives a patent that is not valid no term, and no pledgeability or high value', () => {
    const lapsed = valuePatent(model, { ...STRONG, status: 'LAPSED', remainingMonths: 0 });
    expect(lapsed.legal.indicators.find((x) => x.code === 'VALIDITY')!.score).toBe(0);
    expect(lapsed.legal.indicators.find((x) => x.code === 'REMAINING_TERM')!.value).toBe(0);
    expect(lapsed.highValueInvention).toBe(false);
    expect(lapsed.pledgeable).toBe(false);
    const invalidated = valuePatent(model, { ...STRONG, status: 'INVALIDATED', remainingMonths: 0, invalidated: true });
    expect(invalidated.legal.indicators.find((x) => x.code === 'STABILITY')!.value).toBe('INVALIDATED');
    const pending = valuePatent(model, { ...STRONG, status: 'PENDING', grantedOn: null, remainingMonths: 0 });
    expect(pending.legal.indicators.find((x) => x.code === 'STABILITY')!.value).toBe('NOT_GRANTED');
  });

  it('makes a valid patent pledgeable from exactly the minimum term left', () => {
    expect(valuePatent(model, { ...STRONG, remainingMonths: 24 }).pledgeable).toBe(true);
    expect(valuePatent(model, { ...STRONG, remainingMonths: 23 }).pledgeable).toBe(false);
  });

  it('summarises a portfolio', () => {
    const valuations = [STRONG, WEAK, { ...STRONG, applicationNo: 'CN3', status: 'EXPIRED' as const, remainingMonths: 0 }, { ...WEAK, applicationNo: 'CN4', pledgedNow: false, remainingMonths: 30 }].map((f) => valuePatent(model, f));
    const s = summarisePatentValues(model, valuations);
    expect(s).toMatchObject({ totalPatents: 4, validPatents: 3, validInventionPatents: 1, highValueInventionPatents: 1, pledgeablePatents: 2, pledgeableInventionPatents: 1 });
    // The unpledged design with 30 months left: legal 43 + .20×(40−15) + .15×(100−30) = 58.5; overall .4×58.5 + 5.775 + 12 = 41.175 → 41.2.
    expect(valuations[3]!.legal.degree).toBe(58.5);
    expect(valuations[3]!.overall).toBe(41.2);
    // Pledgeable: STRONG 98.8 + 41.2 = 140.0; mean of the valid (98.8 + 35 + 41.2) / 3 = 58.33 → 58.3.
    expect(s.pledgeableValue).toBe(140);
    expect(s.meanValidOverall).toBe(58.3);
    expect(s.validByGrade).toEqual([{ grade: 'A', count: 1 }, { grade: 'B', count: 0 }, { grade: 'C', count: 0 }, { grade: 'D', count: 2 }, { grade: 'E', count: 0 }]);
  });
});

describe('patentFactsAsOf: facts rebuilt from records as of a date', () => {
  const at = new Date('2024-06-01T00:00:00Z');
  const patent = (data: Partial<PatentRecord['data']>): PatentRecord => ({
    id: '1',
    connector: 'patent',
    stream: 'patents',
    updatedAt: at,
    data: {
      application_no: 'CN201510000001.X',
      patent_type: 'invention',
      title: '一种装置',
      applicants: ['济南测试科技有限公司'],
      filed_on: '2015-03-10',
      published_on: '2016-09-01',
      granted_on: '2018-06-01',
      ipc_codes: ['G06F 17/00', 'G06F 3/01', 'H04L 9/00'],
      claims_count: 12,
      cited_by_count: 7,
      family_size: 2,
      pct: false,
      legal_status: 'granted',
      owner: '济南测试科技有限公司',
      updated_at: '2024-06-01T00:00:00Z',
      ...data,
    } as PatentRecord['data'],
  });
  const event = (n: number, event_type: string, event_on: string, counterparty: string | null = null): LegalEventRecord => ({
    id: String(100 + n),
    connector: 'patent',
    stream: 'legal_events',
    updatedAt: at,
    data: { event_id: `CN201510000001.X-E0${n}`, application_no: 'CN201510000001.X', event_type, event_on, counterparty, updated_at: '2024-06-01T00:00:00Z' } as LegalEventRecord['data'],
  });

  it('counts licences, pledges (released and active) and term left; a patent published after the as-of date is not known yet', () => {
    const records = emptyRecords('91370100MA3C000000');
    records.patents.push(patent({}), patent({ application_no: 'CN202410000009.9', published_on: '2025-11-01', granted_on: null, legal_status: 'pending', filed_on: '2024-05-01' }));
    records.legalEvents.push(
      event(1, 'granted', '2018-06-01'),
      event(2, 'licensed', '2019-01-01', '甲公司'),
      event(3, 'pledged', '2020-01-01', '齐鲁银行'),
      event(4, 'pledge_released', '2021-01-01', '齐鲁银行'),
      event(5, 'pledged', '2024-01-01', '齐鲁银行'),
    );
    const [f, ...rest] = patentFactsAsOf(records, '2025-03-10');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      applicationNo: 'CN201510000001.X',
      type: 'INVENTION',
      status: 'VALID',
      termEnd: '2035-03-10',
      remainingMonths: 120,
      ipcSubclasses: 2,
      licences: 1,
      transfers: 0,
      pledgesRegistered: 2,
      pledgedNow: true,
      invalidated: false,
    });
    // Before the second pledge: registered once, released, so not pledged now.
    expect(patentFactsAsOf(records, '2023-12-31')[0]).toMatchObject({ pledgesRegistered: 1, pledgedNow: false, remainingMonths: 134 });
    // At the end of its term it is expired, with no term left.
    expect(patentFactsAsOf(records, '2035-03-10')[0]).toMatchObject({ status: 'EXPIRED', remainingMonths: 0, pledgedNow: false });
  });
});
