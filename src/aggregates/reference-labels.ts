/**
 * Human labels for the codes the aggregates group by. The catalog stores codes (GB/T 2260 district
 * codes, GB/T 4754-2017 section letters, snake_case enum values); dashboards want names. Copied from
 * the national standards here rather than imported from the sandbox, which is test scaffolding.
 */

/** Jinan's county-level divisions, GB/T 2260 (as of the 2019 merger of Laiwu into Jinan). */
export const JINAN_DISTRICT_NAMES: Readonly<Record<string, string>> = {
  '370102': '历下区',
  '370103': '市中区',
  '370104': '槐荫区',
  '370105': '天桥区',
  '370112': '历城区',
  '370113': '长清区',
  '370114': '章丘区',
  '370115': '济阳区',
  '370116': '莱芜区',
  '370117': '钢城区',
  '370124': '平阴县',
  '370126': '商河县',
};

/** GB/T 4754-2017 sections (门类) A–T. */
export const INDUSTRY_SECTION_NAMES: Readonly<Record<string, string>> = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
};

/** The catalog's `registration_status` values. */
export const REGISTRATION_STATUS_NAMES: Readonly<Record<string, string>> = {
  active: '存续',
  revoked: '吊销',
  cancelled: '注销',
  moved_out: '迁出',
};

/** The catalog's `entity_type` values. */
export const ENTITY_TYPE_NAMES: Readonly<Record<string, string>> = {
  limited_company: '有限责任公司',
  joint_stock: '股份有限公司',
  sole_proprietorship: '个人独资企业',
  partnership: '合伙企业',
  individual_business: '个体工商户',
};

/** The certification tags: each is a boolean identity field of the catalog, keyed by its field key. */
export const TAG_NAMES: Readonly<Record<string, string>> = {
  high_tech_enterprise: '高新技术企业',
  tech_sme: '科技型中小企业',
  specialized_sme: '专精特新中小企业',
};

/** Label of a bucket whose key is null (the field is unknown for those enterprises). */
export const UNKNOWN_LABEL = '未知';
