import { defineSection } from '../define-section';
import { derived, type Derived } from '../../derive/derived';
import { cstDate, monthsBetween } from '../../derive/calendar';
import { ratio } from '../../derive/amounts';
import type { DeriveContext } from '../../derive/derive-context';
import type { RegistrationRecord } from '../../derive/enterprise-records';
import { AS_OF_STATE, countChanges36m, itemAsOf, latestPastChange, registrationAsOf, type ChangeItem } from '../../derive/identity-registry-as-of';
import { districtOfAddress, usccAreaCode } from '../../derive/identity-district';
import { paidInCapitalAsOf, registeredCapitalAsOf } from '../../derive/identity-capital';

const ENTITY_TYPES = ['limited_company', 'joint_stock', 'sole_proprietorship', 'partnership', 'individual_business'] as const;
const STATUSES = ['active', 'revoked', 'cancelled', 'moved_out'] as const;
const GBT4754_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);
const SECTION_SET: ReadonlySet<string> = new Set(GBT4754_SECTIONS);
const SCOPE_MAX = 2000;

const NOT_REGISTERED = 'unknown: no registration record, or the enterprise was established after the as-of date';

/** A fact read straight from the registration record (never changed by registered changes). */
const fromRegistration = (read: (r: RegistrationRecord, asOf: string) => string | number | boolean) => (ctx: DeriveContext): Derived => {
  const reg = registrationAsOf(ctx);
  return reg === null ? derived(null) : derived(read(reg, ctx.asOf), [reg]);
};

/** A registered item on the as-of date, as text. */
const itemText = (item: ChangeItem, current: (d: RegistrationRecord['data']) => string, maxLength = 255) => (ctx: DeriveContext): Derived => {
  const v = itemAsOf(ctx, item, current);
  return v === null || v.value === null ? derived(null) : derived(v.value.slice(0, maxLength), [v.record]);
};

/**
 * The registration record when its last update is on or before the as-of date, so that its undated
 * parts (certification tags) are exactly those of the as-of date; else null.
 */
const registrationUnchangedSinceAsOf = (ctx: DeriveContext): RegistrationRecord | null =>
  ctx.memo('identity:registration-unchanged', () => {
    const reg = registrationAsOf(ctx);
    return reg !== null && cstDate(reg.updatedAt) <= ctx.asOf ? reg : null;
  });

/** Whether the registration record carries a certification tag on the as-of date. */
const hasTag = (tag: string) => (ctx: DeriveContext): Derived => {
  const reg = registrationUnchangedSinceAsOf(ctx);
  return reg === null ? derived(null) : derived(reg.data.tags.some((t) => t.trim() === tag), [reg]);
};


/** The district on the as-of date: the record's district_code, or the district named in the address then. */
function currentDistrict(ctx: DeriveContext): Derived {
  const v = itemAsOf(ctx, 'address', (d) => d.address);
  const reg = registrationAsOf(ctx);
  if (v === null || reg === null) return derived(null);
  if (!v.fromChange) return derived(reg.data.district_code, [reg]);
  const code = v.value === null ? null : districtOfAddress(v.value);
  return code === null ? derived(null) : derived(code, [v.record]);
}

function registeringDistrict(ctx: DeriveContext): Derived {
  const reg = registrationAsOf(ctx);
  const code = reg === null ? null : usccAreaCode(reg.data.uscc);
  return reg === null || code === null ? derived(null) : derived(code, [reg]);
}

const certification = (tag: string, zh: string, en: string) => ({
  key: tag,
  type: 'boolean' as const,
  unit: null,
  zh,
  en,
  sources: ['market-regulation'] as const,
  derivation: `Whether the registration record's tags contain "${tag}". Certifications are not registered changes and carry no date, so the tags are known for the as-of date only when the stored record was last updated (updated_at, China Standard Time date) on or before it; a profile of the as-of date of the latest sync always has them.`,
  nullMeans: `${NOT_REGISTERED}; or the registration record was updated after the as-of date, so its tags of that date are not known`,
  derive: hasTag(tag),
});

export const IDENTITY_FIELDS = defineSection('identity', [
  {
    key: 'registered_name',
    type: 'string',
    unit: null,
    maxLength: 100,
    zh: '登记名称（截至评估日）',
    en: 'Registered name as of the as-of date',
    sources: ['market-regulation'],
    derivation: `Registered name from registrations.name. ${AS_OF_STATE}`,
    nullMeans: NOT_REGISTERED,
    derive: itemText('name', (d) => d.name, 100),
  },
  {
    key: 'entity_type',
    type: 'enum',
    unit: null,
    values: ENTITY_TYPES,
    zh: '市场主体类型',
    en: 'Entity type (limited company, joint stock, sole proprietorship, partnership, individual business)',
    sources: ['market-regulation'],
    derivation: 'registrations.entity_type (not changeable by registered changes).',
    nullMeans: NOT_REGISTERED,
    derive: fromRegistration((r) => r.data.entity_type),
  },
  {
    key: 'registering_district_code',
    type: 'code',
    unit: null,
    maxLength: 6,
    zh: '登记地行政区划代码（统一社会信用代码第3–8位）',
    en: 'GB/T 2260 area code of registration (USCC positions 3–8)',
    sources: ['market-regulation'],
    derivation: 'Characters 3–8 of the registration record\'s USCC (GB 32100-2015): the area of the authority that first registered the enterprise; it does not change when the enterprise moves.',
    nullMeans: NOT_REGISTERED,
    derive: registeringDistrict,
  },
  {
    key: 'current_district_code',
    type: 'code',
    unit: null,
    maxLength: 6,
    zh: '当前所在区县代码（截至评估日）',
    en: 'GB/T 2260 code of the district the enterprise is registered in as of the as-of date',
    sources: ['market-regulation'],
    derivation: `The registered address of the as-of date is reconstructed as for registered_address. When it is the registration record's own, registrations.district_code; when it comes from a changes record (an address change after the as-of date, or one newer than the record), the Jinan district (区/县) named in that address text.`,
    nullMeans: `${NOT_REGISTERED}; or the address of the as-of date (from an address change) names no Jinan district`,
    derive: currentDistrict,
  },
  {
    key: 'district_moved',
    type: 'boolean',
    unit: null,
    zh: '是否已迁出登记地区县',
    en: 'Whether the enterprise now sits in another district than the one it registered in',
    sources: ['market-regulation'],
    derivation: 'current_district_code (as of the as-of date) differs from registering_district_code (USCC positions 3–8).',
    nullMeans: 'unknown: either district code is unknown',
    derive: (ctx) => {
      const now = ctx.field('current_district_code');
      const first = ctx.field('registering_district_code');
      if (now.value === null || first.value === null) return derived(null);
      return derived(now.value !== first.value, [...new Set([...first.records, ...now.records])]);
    },
  },
  {
    key: 'industry_code',
    type: 'code',
    unit: null,
    maxLength: 5,
    zh: '国民经济行业分类代码（GB/T 4754-2017，门类字母+4位小类）',
    en: 'Industry class, GB/T 4754-2017 (section letter + 4-digit class, e.g. I6513)',
    sources: ['market-regulation'],
    derivation: 'registrations.industry_code as registered (latest known; the registry records no industry changes).',
    nullMeans: NOT_REGISTERED,
    derive: fromRegistration((r) => r.data.industry_code.trim().toUpperCase()),
  },
  {
    key: 'industry_section',
    type: 'enum',
    unit: null,
    values: GBT4754_SECTIONS,
    zh: '行业门类（GB/T 4754-2017，A–T）',
    en: 'Industry section, GB/T 4754-2017 (A–T; e.g. I software and IT, M R&D and technical services, C manufacturing)',
    sources: ['market-regulation'],
    derivation: 'First character of registrations.industry_code.',
    nullMeans: NOT_REGISTERED,
    derive: (ctx) => {
      const code = ctx.field('industry_code');
      const section = typeof code.value === 'string' ? code.value.charAt(0) : '';
      return SECTION_SET.has(section) ? derived(section, code.records) : derived(null);
    },
  },
  {
    key: 'established_on',
    type: 'date',
    unit: null,
    zh: '成立日期',
    en: 'Date of establishment',
    sources: ['market-regulation'],
    derivation: 'registrations.established_on.',
    nullMeans: NOT_REGISTERED,
    derive: fromRegistration((r) => r.data.established_on),
  },
  {
    key: 'age_months',
    type: 'integer',
    unit: 'months',
    zh: '成立月数（截至评估日）',
    en: 'Age in whole months at the as-of date',
    sources: ['market-regulation'],
    derivation: 'Whole months from registrations.established_on to the as-of date (a month counts once its day is reached).',
    nullMeans: NOT_REGISTERED,
    derive: fromRegistration((r, asOf) => monthsBetween(r.data.established_on, asOf)),
  },
  {
    key: 'registration_status',
    type: 'enum',
    unit: null,
    values: STATUSES,
    zh: '登记状态（截至评估日：存续、吊销、注销、迁出）',
    en: 'Registration status as of the as-of date (active, revoked, cancelled, moved out)',
    sources: ['market-regulation'],
    derivation: `registrations.status. ${AS_OF_STATE}`,
    nullMeans: `${NOT_REGISTERED}; or a status change recorded a value outside the four statuses`,
    derive: (ctx) => {
      const v = itemAsOf(ctx, 'status', (d) => d.status);
      const status = v?.value?.trim() ?? '';
      return v !== null && STATUS_SET.has(status) ? derived(status, [v.record]) : derived(null);
    },
  },
  {
    key: 'status_changed_on',
    type: 'date',
    unit: null,
    zh: '最近一次登记状态变更日期（吊销、注销、迁出等）',
    en: 'Date of the latest registered status change (revocation, cancellation, moving out …)',
    sources: ['market-regulation'],
    derivation: 'changed_on of the latest `changes` record with item "status" dated on or before the as-of date (no window).',
    nullMeans: 'none: no status change recorded on or before the as-of date (status as at registration)',
    derive: (ctx) => {
      const c = latestPastChange(ctx, 'status');
      return c === null ? derived(null) : derived(c.data.changed_on, [c]);
    },
  },
  {
    key: 'registered_capital',
    type: 'money',
    unit: 'CNY fen',
    zh: '注册资本（截至评估日）',
    en: 'Registered (subscribed) capital as of the as-of date',
    sources: ['market-regulation'],
    derivation: `registrations.registered_capital_wan in fen (1 万元 = 1,000,000 fen). ${AS_OF_STATE} Change texts are 万元 amounts.`,
    nullMeans: `${NOT_REGISTERED}; or the capital change text of the as-of date is not an amount`,
    derive: registeredCapitalAsOf,
  },
  {
    key: 'paid_in_capital',
    type: 'money',
    unit: 'CNY fen',
    zh: '实缴资本（截至评估日）',
    en: 'Paid-in capital as of the as-of date',
    sources: ['market-regulation'],
    derivation: 'registrations.paid_in_capital_wan in fen. Registered changes do not carry paid-in capital, so the record\'s value is used only when its capital state is that of the as-of date: no registered_capital change dated after the as-of date and none on or before it newer than the record\'s approved_on.',
    nullMeans: `${NOT_REGISTERED}; or the capital changed after the as-of date (paid-in capital then unknown)`,
    derive: paidInCapitalAsOf,
  },
  {
    key: 'paid_in_ratio',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '实缴比例（实缴资本 ÷ 注册资本）',
    en: 'Paid-in share of registered capital',
    sources: ['market-regulation'],
    derivation: 'paid_in_capital / registered_capital, both as of the as-of date; 0 under the subscription system when nothing is paid in.',
    nullMeans: 'unknown: paid-in capital unknown, or registered capital is 0',
    derive: (ctx) => {
      const paid = ctx.field('paid_in_capital');
      const capital = ctx.field('registered_capital');
      if (typeof paid.value !== 'number' || typeof capital.value !== 'number') return derived(null);
      const r = ratio(paid.value, capital.value);
      return r === null ? derived(null) : derived(r, [...new Set([...paid.records, ...capital.records])]);
    },
  },
  {
    key: 'registered_address',
    type: 'string',
    unit: null,
    maxLength: 255,
    zh: '登记住所（截至评估日）',
    en: 'Registered address as of the as-of date',
    sources: ['market-regulation'],
    derivation: `registrations.address. ${AS_OF_STATE}`,
    nullMeans: NOT_REGISTERED,
    derive: itemText('address', (d) => d.address),
  },
  {
    key: 'business_scope',
    type: 'string',
    unit: null,
    maxLength: SCOPE_MAX,
    zh: '经营范围（截至评估日）',
    en: 'Registered business scope as of the as-of date',
    sources: ['market-regulation'],
    derivation: `registrations.business_scope, cut to its first ${SCOPE_MAX} characters. ${AS_OF_STATE}`,
    nullMeans: NOT_REGISTERED,
    derive: itemText('business_scope', (d) => d.business_scope, SCOPE_MAX),
  },
  certification('high_tech_enterprise', '是否高新技术企业（认定标签）', 'Certified high-tech enterprise (高新技术企业; CIT rate 15%)'),
  certification('tech_sme', '是否科技型中小企业（入库标签）', 'Registered technology-based SME (科技型中小企业)'),
  certification('specialized_sme', '是否专精特新中小企业', 'Certified specialised and sophisticated SME (专精特新)'),
  {
    key: 'name_changes_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月名称变更次数',
    en: 'Name changes in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of `changes` records with item "name" whose changed_on lies in (as-of date − 36 months, as-of date].',
    nullMeans: 'never null: 0 when there is none',
    derive: countChanges36m('name'),
  },
  {
    key: 'former_name',
    type: 'string',
    unit: null,
    maxLength: 100,
    zh: '曾用名（最近一次更名前的名称）',
    en: 'Former name (the name before the latest rename)',
    sources: ['market-regulation'],
    derivation: '`before` of the latest `changes` record with item "name" dated on or before the as-of date (no window).',
    nullMeans: 'none: no name change recorded on or before the as-of date',
    derive: (ctx) => {
      const c = latestPastChange(ctx, 'name');
      const before = c?.data.before?.trim() ?? '';
      return c === null || before === '' ? derived(null) : derived(before.slice(0, 100), [c]);
    },
  },
  {
    key: 'last_name_change_on',
    type: 'date',
    unit: null,
    zh: '最近一次名称变更日期',
    en: 'Date of the latest name change',
    sources: ['market-regulation'],
    derivation: 'changed_on of the latest `changes` record with item "name" dated on or before the as-of date (no window).',
    nullMeans: 'none: no name change recorded on or before the as-of date',
    derive: (ctx) => {
      const c = latestPastChange(ctx, 'name');
      return c === null ? derived(null) : derived(c.data.changed_on, [c]);
    },
  },
  {
    key: 'address_changes_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月住所变更次数',
    en: 'Registered address changes in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of `changes` records with item "address" whose changed_on lies in (as-of date − 36 months, as-of date].',
    nullMeans: 'never null: 0 when there is none',
    derive: countChanges36m('address'),
  },
  {
    key: 'last_address_change_on',
    type: 'date',
    unit: null,
    zh: '最近一次住所变更日期',
    en: 'Date of the latest registered address change',
    sources: ['market-regulation'],
    derivation: 'changed_on of the latest `changes` record with item "address" dated on or before the as-of date (no window).',
    nullMeans: 'none: no address change recorded on or before the as-of date',
    derive: (ctx) => {
      const c = latestPastChange(ctx, 'address');
      return c === null ? derived(null) : derived(c.data.changed_on, [c]);
    },
  },
  {
    key: 'scope_changes_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月经营范围变更次数',
    en: 'Business scope changes in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of `changes` records with item "business_scope" whose changed_on lies in (as-of date − 36 months, as-of date].',
    nullMeans: 'never null: 0 when there is none',
    derive: countChanges36m('business_scope'),
  },
]);
