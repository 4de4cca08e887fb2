/**
 * Jinan's districts (GB/T 2260) with the roads and parks the sandbox builds addresses from. Weights
 * follow where tech SMEs cluster (the high-tech zone straddles 历下 and 历城).
 */
export interface District {
  readonly code: string;
  readonly name: string;
  /** Short name for authority names and decision numbers, e.g. 历下. */
  readonly short: string;
  readonly weight: number;
  readonly roads: readonly string[];
  readonly parks: readonly string[];
}

export const DISTRICTS: readonly District[] = [
  { code: '370102', name: '历下区', short: '历下', weight: 18, roads: ['经十路', '解放路', '泉城路', '和平路', '文化东路', '历山路', '山大路', '燕子山路'], parks: ['汉峪金谷', '齐鲁软件园', '奥体金融中心', '山大科技园'] },
  { code: '370103', name: '市中区', short: '市中', weight: 9, roads: ['经七路', '纬二路', '英雄山路', '二环南路', '舜耕路', '王官庄路'], parks: ['绿地中心', '万达广场', '鲁能康桥'] },
  { code: '370104', name: '槐荫区', short: '槐荫', weight: 7, roads: ['经十路', '齐州路', '张庄路', '日照路', '腊山河西路'], parks: ['西城大厦', '阳光新路商务中心'] },
  { code: '370105', name: '天桥区', short: '天桥', weight: 6, roads: ['北园大街', '无影山路', '堤口路', '明湖西路', '济泺路'], parks: ['新材料产业园', '中铁财智中心'] },
  { code: '370112', name: '历城区', short: '历城', weight: 24, roads: ['工业北路', '飞跃大道', '舜华路', '新泺大街', '颖秀路', '港兴三路', '世纪大道'], parks: ['齐鲁软件园', '中国电子信息产业园', '国际创新谷', '汉峪金谷', '齐鲁创新谷'] },
  { code: '370113', name: '长清区', short: '长清', weight: 4, roads: ['大学路', '海棠路', '经十西路', '凤凰路'], parks: ['大学科技园', '长清经济开发区'] },
  { code: '370114', name: '章丘区', short: '章丘', weight: 8, roads: ['汇泉路', '山泉路', '唐王山路', '龙泉大道'], parks: ['明水经济技术开发区', '刁镇化工产业园'] },
  { code: '370115', name: '济阳区', short: '济阳', weight: 4, roads: ['纬二路', '开元大街', '富阳街'], parks: ['济北经济开发区', '济阳经济开发区'] },
  { code: '370116', name: '莱芜区', short: '莱芜', weight: 5, roads: ['鲁中大街', '长勺路', '汶源大街', '凤城大街'], parks: ['莱芜高新技术产业开发区'] },
  { code: '370117', name: '钢城区', short: '钢城', weight: 2, roads: ['府前大街', '钢都大街', '双元大街'], parks: ['钢城经济开发区'] },
  { code: '370124', name: '平阴县', short: '平阴', weight: 2, roads: ['青龙路', '榆山路', '东阿路'], parks: ['平阴工业园区'] },
  { code: '370126', name: '商河县', short: '商河', weight: 2, roads: ['商中路', '利民路', '鑫源路'], parks: ['商河经济开发区'] },
];

export const DISTRICT_WEIGHTS: readonly number[] = DISTRICTS.map((d) => d.weight);

export const JINAN_DISTRICT_CODES: ReadonlySet<string> = new Set(DISTRICTS.map((d) => d.code));
