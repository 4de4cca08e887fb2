import { JINAN_DISTRICT_CODES } from '../../../connectors/sandbox/jinan.data';
import { createSandbox, type Sandbox, type TruthRecord } from '../../../connectors/sandbox/sandbox';
import { validateUscc } from '../../../src/domain/uscc';

type Row = Record<string, unknown>;

/** The id field of each stream, from docs/sandbox-api.md. */
const ID_FIELDS: Record<string, string> = {
  'market-regulation/registrations': 'uscc',
  'market-regulation/changes': 'change_id',
  'market-regulation/shareholders': 'shareholder_id',
  'market-regulation/penalties': 'decision_no',
  'market-regulation/abnormal_operations': 'entry_id',
  'market-regulation/annual_reports': 'report_id',
  'tax/declarations': 'declaration_id',
  'tax/arrears': 'arrear_id',
  'tax/credit_grades': 'grade_id',
  'tax/rd_deductions': 'deduction_id',
  'utility/accounts': 'account_no',
  'utility/bills': 'bill_id',
  'patent/patents': 'application_no',
  'patent/legal_events': 'event_id',
};

describe('sandbox data', () => {
  const invalidRate = 0.02;
  let sandbox: Sandbox;
  const all = new Map<string, TruthRecord[]>();
  const valid = (key: string): Row[] => all.get(key)!.filter((t) => t.valid).map((t) => t.record as Row);

  beforeAll(() => {
    sandbox = createSandbox({ seed: 42, enterprises: 1000, invalidRate });
    for (const { agency, stream } of sandbox.truth.streams()) all.set(`${agency}/${stream}`, sandbox.truth.visible(agency, stream));
  });

  it('has every stream of the contract, with 60–110 records per established enterprise', () => {
    expect([...all.keys()].sort()).toEqual(Object.keys(ID_FIELDS).sort());
    const total = [...all.values()].reduce((s, v) => s + v.length, 0);
    const registered = all.get('market-regulation/registrations')!.length;
    expect(total / registered).toBeGreaterThan(60);
    expect(total / registered).toBeLessThan(110);
  });

  it('serves valid USCCs with Jinan district codes and real industry classes', () => {
    const regs = all.get('market-regulation/registrations')!;
    for (const t of regs) expect(validateUscc(t.id)).toMatchObject({ valid: true });
    for (const r of valid('market-regulation/registrations')) {
      expect(JINAN_DISTRICT_CODES.has(r.district_code as string)).toBe(true);
      expect(JINAN_DISTRICT_CODES.has((r.uscc as string).slice(2, 8))).toBe(true);
      expect(r.industry_code).toMatch(/^[A-T]\d{4}$/);
    }
    const sections = valid('market-regulation/registrations').map((r) => (r.industry_code as string)[0]);
    expect(sections.filter((s) => s === 'I' || s === 'M' || s === 'C').length / sections.length).toBeGreaterThan(0.8);
    for (const key of ['market-regulation/changes', 'market-regulation/shareholders', 'market-regulation/penalties', 'market-regulation/annual_reports']) {
      for (const r of valid(key)) expect(validateUscc(r.uscc as string).valid).toBe(true);
    }
  });

  it('breaks about the configured share of versions, keeps their id, and each is detectably broken', () => {
    let visible = 0;
    let invalid = 0;
    for (const [key, truth] of all) {
      const okRows = truth.filter((t) => t.valid).map((t) => t.record as Row);
      const keys = new Set(Object.keys(okRows[0] ?? {}));
      const enumValues = new Map<string, Set<unknown>>();
      for (const field of keys) {
        const values = new Set(okRows.map((r) => r[field]));
        if (values.size <= 12 && okRows.length > 50 && typeof okRows[0]![field] === 'string') enumValues.set(field, values);
      }
      for (const t of truth) {
        visible++;
        const r = t.record as Row;
        expect(r[ID_FIELDS[key]!]).toBe(t.id);
        if (t.valid) continue;
        invalid++;
        const broken =
          Object.keys(r).length < keys.size ||
          Object.entries(r).some(([field, v]) => {
            if (typeof v !== 'string') return false;
            if (/^-\d/.test(v) || ['N/A', '—', '未知', '12O4.50'].includes(v)) return true;
            if (/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) return true;
            if (/^[0-9A-Z]{18}$/.test(v) && !validateUscc(v).valid) return true;
            return enumValues.has(field) && !enumValues.get(field)!.has(v);
          });
        expect(broken).toBe(true);
      }
    }
    expect(invalid / visible).toBeGreaterThan(invalidRate * 0.8);
    expect(invalid / visible).toBeLessThan(invalidRate * 1.2);
    const stats = sandbox.truth.stats();
    expect(Object.values(stats).reduce((s, x) => s + x.invalid, 0)).toBe(invalid);
  });

  it('agrees across agencies: VAT revenue sums to the annual report, staff counts match', () => {
    const year = 2025;
    const vat = new Map<string, { sum: number; periods: Set<string> }>();
    for (const d of valid('tax/declarations')) {
      if (d.tax_type !== 'VAT' || !(d.period as string).startsWith(`${year}-`)) continue;
      const x = vat.get(d.taxpayer_id as string) ?? { sum: 0, periods: new Set<string>() };
      x.sum += Number(d.taxable_revenue_yuan);
      x.periods.add(d.period as string);
      vat.set(d.taxpayer_id as string, x);
    }
    const quarterEnds = ['03', '06', '09', '12'].map((m) => `${year}-${m}`);
    let compared = 0;
    const kinds = { monthly: 0, quarterly: 0 };
    for (const r of valid('market-regulation/annual_reports')) {
      if (r.year !== year || r.revenue_wan === null) continue;
      const v = vat.get(r.uscc as string);
      if (!v) continue;
      // Monthly payers: 12 declarations; small-scale payers: one per quarter covering three months.
      const monthly = v.periods.size === 12;
      const quarterly = v.periods.size === 4 && quarterEnds.every((p) => v.periods.has(p));
      if (!monthly && !quarterly) continue;
      expect(Math.abs(v.sum - Number(r.revenue_wan) * 10_000)).toBeLessThan(1);
      kinds[monthly ? 'monthly' : 'quarterly']++;
      compared++;
    }
    expect(kinds.monthly).toBeGreaterThan(20);
    expect(kinds.quarterly).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(100);
    const staff = new Map(valid('market-regulation/annual_reports').map((r) => [`${r.uscc}-${r.year}`, r.total_employees]));
    let staffCompared = 0;
    for (const d of valid('tax/rd_deductions')) {
      const s = staff.get(`${d.taxpayer_id}-${d.year}`);
      if (s === undefined) continue;
      expect(d.total_staff).toBe(s);
      expect(d.rd_staff as number).toBeLessThanOrEqual(d.total_staff as number);
      staffCompared++;
    }
    expect(staffCompared).toBeGreaterThan(50);
  });

  it('uses legacy 15-character taxpayer ids for about 2% of taxpayers, linkable to the USCC', () => {
    const regs = new Map(valid('market-regulation/registrations').map((r) => [r.uscc as string, r]));
    const byBody = new Map([...regs.keys()].map((u) => [u.slice(2, 17), u]));
    const taxpayers = new Set(valid('tax/declarations').map((d) => d.taxpayer_id as string));
    const legacy = [...taxpayers].filter((id) => id.length === 15);
    expect(legacy.length / taxpayers.size).toBeGreaterThan(0.005);
    expect(legacy.length / taxpayers.size).toBeLessThan(0.05);
    for (const id of legacy) expect(byBody.has(id)).toBe(true);
    const registered = new Set(all.get('market-regulation/registrations')!.map((t) => t.id));
    for (const id of taxpayers) if (id.length === 18) expect(registered.has(id)).toBe(true);
  });

  it('records renames as changes, and keeps former names alive at the patent office', () => {
    const regs = new Map(valid('market-regulation/registrations').map((r) => [r.uscc as string, r]));
    const renames = valid('market-regulation/changes').filter((c) => c.item === 'name');
    expect(renames.length / regs.size).toBeGreaterThan(0.02);
    expect(renames.length / regs.size).toBeLessThan(0.08);
    for (const c of renames) {
      const reg = regs.get(c.uscc as string);
      if (reg) expect(reg.name).toBe(c.after);
    }
    const former = new Set(renames.map((c) => c.before as string));
    const underFormer = valid('patent/patents').filter((p) => former.has((p.applicants as string[])[0]!));
    expect(underFormer.length).toBeGreaterThan(0);
  });

  it('has unique registered names except a few deliberate near-duplicates', () => {
    const names = valid('market-regulation/registrations').map((r) => r.name as string);
    expect(new Set(names).size).toBe(names.length);
    const trade = (n: string): string => n.replace(/^(济南市\S{2,3}[区县]|济南|山东)/, '').slice(0, 3);
    const byTrade = new Map<string, number>();
    for (const n of names) byTrade.set(trade(n), (byTrade.get(trade(n)) ?? 0) + 1);
    const shared = [...byTrade.values()].filter((c) => c > 1).length;
    expect(shared).toBeGreaterThan(0);
    expect(shared / names.length).toBeLessThan(0.02);
  });

  it('spells utility holder names as variants of registered (or former) names', () => {
    const normalise = (n: string): string =>
      n.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '').replace(/有限责任公司$/, '有限公司').replace(/^济南市(?!\S{2,3}[区县])/, '济南');
    const known = new Set<string>();
    for (const r of valid('market-regulation/registrations')) known.add(normalise(r.name as string));
    for (const c of valid('market-regulation/changes')) if (c.item === 'name') known.add(normalise(c.before as string));
    const accounts = valid('utility/accounts');
    const exact = new Set(valid('market-regulation/registrations').map((r) => r.name as string));
    const exactShare = accounts.filter((a) => exact.has(a.holder_name as string)).length / accounts.length;
    expect(exactShare).toBeGreaterThan(0.4);
    expect(exactShare).toBeLessThan(0.8);
    const matched = accounts.filter((a) => known.has(normalise(a.holder_name as string))).length;
    expect(matched / accounts.length).toBeGreaterThan(0.97);
  });

  it('hides a default outcome that the observable signals predict', () => {
    const outcomes = sandbox.truth.outcomes();
    const rate = outcomes.filter((o) => o.defaulted).length / outcomes.length;
    expect(rate).toBeGreaterThan(0.03);
    expect(rate).toBeLessThan(0.15);
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean(outcomes.filter((o) => o.defaulted).map((o) => o.latentRisk))).toBeGreaterThan(mean(outcomes.filter((o) => !o.defaulted).map((o) => o.latentRisk)) + 0.5);
    const defaulted = new Set(outcomes.filter((o) => o.defaulted).map((o) => o.uscc));
    const grades = valid('tax/credit_grades').filter((g) => (g.taxpayer_id as string).length === 18);
    const poor = (gs: Row[]): number => gs.filter((g) => g.grade === 'C' || g.grade === 'D' || g.grade === 'B').length / gs.length;
    expect(poor(grades.filter((g) => defaulted.has(g.taxpayer_id as string)))).toBeGreaterThan(poor(grades.filter((g) => !defaulted.has(g.taxpayer_id as string))));
    const late = (ds: Row[]): number => ds.filter((d) => d.late === true).length / ds.length;
    const decls = valid('tax/declarations');
    expect(late(decls.filter((d) => defaulted.has(d.taxpayer_id as string)))).toBeGreaterThan(2 * late(decls.filter((d) => !defaulted.has(d.taxpayer_id as string))));
  });

  it('keeps patents plausible: types, IPC codes, grants after filing, events with the record updated', () => {
    const patents = valid('patent/patents');
    const types = new Set(patents.map((p) => p.patent_type));
    expect(types).toEqual(new Set(['invention', 'utility_model', 'design']));
    for (const p of patents) {
      expect(p.application_no).toMatch(/^CN\d{4}[123]\d{7}\.[\dX]$/);
      if (p.patent_type !== 'design') for (const c of p.ipc_codes as string[]) expect(c).toMatch(/^[A-H]\d{2}[A-Z] \d{1,4}\/\d{2,6}$/);
      if (p.granted_on !== null) expect((p.granted_on as string) > (p.filed_on as string)).toBe(true);
      if (p.patent_type === 'invention' && p.granted_on !== null) {
        const years = (Date.parse(p.granted_on as string) - Date.parse(p.filed_on as string)) / (365.25 * 86_400_000);
        expect(years).toBeGreaterThan(1.7);
        expect(years).toBeLessThan(3.5);
      }
    }
    const byNo = new Map(patents.map((p) => [p.application_no, p]));
    let terminal = 0;
    for (const ev of valid('patent/legal_events')) {
      const p = byNo.get(ev.application_no);
      if (!p) continue;
      expect((ev.event_on as string) >= (p.filed_on as string)).toBe(true);
      // A terminal event is the patent's last change: the record was updated at the same instant.
      if (['lapsed_non_payment', 'expired', 'invalidated'].includes(ev.event_type as string)) {
        expect(p.legal_status).toBe(ev.event_type);
        expect(p.updated_at).toBe(ev.updated_at);
        terminal++;
      }
    }
    expect(terminal).toBeGreaterThan(50);
  });
});
