/** Word pools for names, counterparties and texts. */

export const SURNAMES: readonly string[] = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段曲庞'];

export const GIVEN_CHARACTERS: readonly string[] = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉玲鹏宇浩凯晨子梓轩涵欣博然雨泽一诺思佳俊琳晓东海波峰斌亮昊睿航鑫瑞雪婷颖慧志国庆春'];

/** Distinct characters for 字号 (trade names); three are combined, so names are unique by construction. */
export const TRADE_NAME_CHARACTERS: readonly string[] = [...new Set('华信达科中泰润恒瑞博宏鑫源通盛安诚德兴海天远嘉汇丰新创智联和金正益宇航星辰晟昊睿思明锐峰泉山鲁齐岳舜禹尚卓越宸翰坤乾元亨利贞晶耀辉煌朗悦欣蓝云川凌拓展图腾飞鸿鹏翔骏驰瀚澜沃土林森木青松柏竹梅兰菊桐瑾瑜璟琦琪珑璞玺麒麟凤祥瑞福禄寿康宁泰和谐普惠众合力同创协新锦绣东方北辰南华西岭中天宏图伟业鼎立方圆永久长城万里千秋百川汇聚融通信诚')];

export const BANKS: readonly string[] = [
  '齐鲁银行股份有限公司',
  '中国工商银行股份有限公司济南分行',
  '中国银行股份有限公司济南分行',
  '招商银行股份有限公司济南分行',
  '兴业银行股份有限公司济南分行',
  '交通银行股份有限公司山东省分行',
  '恒丰银行股份有限公司济南分行',
  '北京银行股份有限公司济南分行',
  '上海浦东发展银行股份有限公司济南分行',
];

export const UNIVERSITIES: readonly string[] = [
  '山东大学',
  '齐鲁工业大学（山东省科学院）',
  '济南大学',
  '山东师范大学',
  '山东建筑大学',
  '山东省农业科学院',
  '山东第一医科大学（山东省医学科学院）',
];

export const STATE_INVESTORS: readonly string[] = [
  '济南高新控股集团有限公司',
  '济南产业发展投资集团有限公司',
  '山东省鲁信投资控股集团有限公司',
  '济南市科技风险投资有限公司',
];

export const PENALTY_VIOLATIONS: readonly string[] = [
  '未按规定公示年度报告信息',
  '发布虚假或者引人误解的广告',
  '销售不合格产品',
  '未取得许可从事经营活动',
  '实施不正当竞争行为',
  '不按规定明码标价',
  '未按规定办理变更登记',
  '提交虚假材料取得登记',
];

export const ABNORMAL_REASON_REPORT = '未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告';
export const ABNORMAL_REASON_ADDRESS = '通过登记的住所或者经营场所无法联系';
export const REMOVAL_REASON_REPORT = '补报未报年份的年度报告并公示';
export const REMOVAL_REASON_ADDRESS = '依法办理住所或者经营场所变更登记';
export const REMOVAL_REASON_CONTACT = '提出通过登记的住所或者经营场所可以重新取得联系';
