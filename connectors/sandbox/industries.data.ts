/**
 * The industry mix of the simulated population: GB/T 4754-2017 four-digit classes (mostly sections
 * I, M and C, as among sci-tech borrowers), grouped into families that share naming words, business
 * scope, IPC codes, patent vocabulary and resource intensity.
 */
export type Section = 'I' | 'M' | 'C' | 'G' | 'L';

export interface IndustryFamily {
  readonly id: string;
  /** 行业词 used in company names; exactly six per family. */
  readonly words: readonly [string, string, string, string, string, string];
  readonly scope: readonly string[];
  readonly ipc: readonly string[];
  /** Technique and object vocabulary for patent titles. */
  readonly techniques: readonly string[];
  readonly objects: readonly string[];
  /** kWh per yuan of revenue, and m³ of water per yuan. */
  readonly kwhPerYuan: number;
  readonly m3PerYuan: number;
  /** Sells goods (13% VAT) rather than services (6%). */
  readonly goods: boolean;
  /** Patent filings per year for a typical firm, and the share of firms doing R&D. */
  readonly patentRate: number;
  readonly rdShare: number;
  /** Invention / utility model / design mix. */
  readonly patentMix: readonly [number, number, number];
}

export interface IndustryClass {
  readonly code: string; // section letter + 4 digits
  readonly name: string;
  readonly section: Section;
  readonly family: IndustryFamily;
  readonly weight: number;
}

const f = (x: IndustryFamily): IndustryFamily => x;

const SOFTWARE = f({
  id: 'software', words: ['科技', '软件', '信息技术', '软件技术', '数字科技', '智能科技'],
  scope: ['软件开发', '软件销售', '信息系统集成服务', '人工智能应用软件开发', '数据处理和存储支持服务', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['G06F 8/30', 'G06F 16/27', 'G06F 9/50', 'G06F 21/62', 'G06Q 10/06', 'G06N 3/08'],
  techniques: ['深度学习', '知识图谱', '区块链', '微服务', '联邦学习', '大语言模型'],
  objects: ['数据治理', '日志分析', '权限管理', '任务调度', '文档检索', '业务流程编排'],
  kwhPerYuan: 0.015, m3PerYuan: 0.0004, goods: false, patentRate: 0.6, rdShare: 0.8, patentMix: [0.75, 0.05, 0.2],
});
const INTERNET = f({
  id: 'internet', words: ['网络科技', '信息科技', '互联网科技', '数据科技', '云计算', '网络技术'],
  scope: ['互联网数据服务', '互联网信息服务', '网络技术服务', '数字内容制作服务', '广告设计、代理', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['H04L 67/10', 'G06F 16/9535', 'G06Q 30/02', 'H04L 9/40', 'G06Q 50/10', 'G06F 16/35'],
  techniques: ['边缘计算', '推荐算法', '隐私计算', '流式计算', '图神经网络', '多模态检索'],
  objects: ['内容分发', '用户画像', '在线支付', '流量调度', '直播互动', '数据交换'],
  kwhPerYuan: 0.03, m3PerYuan: 0.0004, goods: false, patentRate: 0.5, rdShare: 0.7, patentMix: [0.8, 0.05, 0.15],
});
const IC = f({
  id: 'ic', words: ['微电子', '半导体', '集成电路', '芯片科技', '电子科技', '微电子技术'],
  scope: ['集成电路设计', '集成电路芯片设计及服务', '集成电路销售', '电子元器件批发', '半导体分立器件销售', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['G06F 30/39', 'H03K 19/00', 'H01L 27/02', 'G11C 16/04', 'H03M 1/12', 'G06F 30/33'],
  techniques: ['低功耗', '高速串行', '模数混合', '时钟恢复', '存内计算', '可重构'],
  objects: ['模数转换器', '锁相环电路', '存储控制器', '电源管理芯片', '射频前端', '接口电路'],
  kwhPerYuan: 0.03, m3PerYuan: 0.0006, goods: true, patentRate: 1.0, rdShare: 0.9, patentMix: [0.85, 0.12, 0.03],
});
const IT_SERVICES = f({
  id: 'it-services', words: ['信息技术', '智能科技', '系统集成', '信息系统', '数智科技', '物联网科技'],
  scope: ['信息系统集成服务', '物联网技术服务', '信息技术咨询服务', '计算机系统服务', '安全技术防范系统设计施工服务', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['G06F 16/21', 'H04L 67/12', 'G06Q 10/10', 'G06F 11/30', 'H04W 4/70', 'G08C 17/02'],
  techniques: ['物联网', '数字孪生', '云边协同', '视频结构化', '智能运维', '低代码'],
  objects: ['设备监控', '智慧园区管理', '能耗监测', '机房巡检', '资产定位', '安防联动'],
  kwhPerYuan: 0.02, m3PerYuan: 0.0005, goods: false, patentRate: 0.5, rdShare: 0.6, patentMix: [0.55, 0.35, 0.1],
});
const RESEARCH = f({
  id: 'research', words: ['生物科技', '新材料科技', '技术研究院', '科技发展', '工程技术', '技术开发'],
  scope: ['工程和技术研究和试验发展', '自然科学研究和试验发展', '医学研究和试验发展', '新材料技术研发', '生物基材料技术研发', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['C12N 15/11', 'G01N 33/53', 'C07K 14/47', 'A61K 38/00', 'C08L 67/04', 'C12Q 1/68'],
  techniques: ['基因编辑', '高通量筛选', '纳米改性', '微流控', '酶催化', '单细胞测序'],
  objects: ['可降解复合材料', '检测试剂盒', '重组蛋白', '抗体药物', '功能涂层', '生物传感器'],
  kwhPerYuan: 0.05, m3PerYuan: 0.004, goods: false, patentRate: 1.2, rdShare: 0.95, patentMix: [0.85, 0.13, 0.02],
});
const TESTING = f({
  id: 'testing', words: ['检测技术', '检验检测', '计量科技', '认证技术', '质量技术', '检测科技'],
  scope: ['检验检测服务', '计量技术服务', '认证服务', '标准化服务', '环境保护监测', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['G01N 21/01', 'G01N 33/00', 'G01R 31/00', 'G01M 99/00', 'G01N 27/26', 'G01D 21/00'],
  techniques: ['光谱分析', '无损检测', '在线监测', '机器视觉', '电化学', '超声'],
  objects: ['水质检测', '材料疲劳测试', '电池安全评估', '气体分析', '焊缝检测', '计量校准'],
  kwhPerYuan: 0.04, m3PerYuan: 0.002, goods: false, patentRate: 0.6, rdShare: 0.6, patentMix: [0.35, 0.6, 0.05],
});
const DESIGN = f({
  id: 'design', words: ['工程设计', '工业设计', '设计咨询', '规划设计', '建筑设计', '设计科技'],
  scope: ['工程设计活动', '工业设计服务', '专业设计服务', '规划设计管理', '工程管理服务', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['G06F 30/13', 'E04B 1/00', 'G06T 17/00', 'G06F 30/20', 'E04G 21/00', 'F24F 11/00'],
  techniques: ['参数化', '装配式', '建筑信息模型', '三维扫描', '拓扑优化', '仿真'],
  objects: ['钢结构节点', '幕墙系统', '管线综合', '产品外观', '通风系统', '预制构件'],
  kwhPerYuan: 0.012, m3PerYuan: 0.0005, goods: false, patentRate: 0.3, rdShare: 0.4, patentMix: [0.3, 0.45, 0.25],
});
const PROMOTION = f({
  id: 'promotion', words: ['科技发展', '环保科技', '新能源科技', '节能科技', '知识产权', '科技服务'],
  scope: ['节能管理服务', '环保咨询服务', '新能源原动设备销售', '知识产权服务', '科技中介服务', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['B01D 53/86', 'H02J 3/38', 'C02F 9/00', 'F24S 10/00', 'B33Y 10/00', 'F23G 5/00'],
  techniques: ['余热回收', '光伏储能', '膜分离', '催化燃烧', '增材制造', '智能微网'],
  objects: ['废气处理', '污水处理', '能源管理', '光伏支架', '除尘设备', '热泵机组'],
  kwhPerYuan: 0.03, m3PerYuan: 0.002, goods: false, patentRate: 0.5, rdShare: 0.5, patentMix: [0.35, 0.6, 0.05],
});
const PHARMA = f({
  id: 'pharma', words: ['医药', '生物医药', '制药', '药业', '医药科技', '生物制药'],
  scope: ['药品生产', '药品批发', '第一类医疗器械销售', '化工产品销售（不含许可类化工产品）', '生物化工产品技术研发', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['A61K 31/4725', 'A61K 9/20', 'A61P 35/00', 'C07D 401/04', 'A61K 36/00', 'A61K 9/16'],
  techniques: ['缓释', '冻干', '纳米晶', '微球', '连续流合成', '手性拆分'],
  objects: ['口服固体制剂', '注射液', '中药提取物', '原料药中间体', '抗肿瘤化合物', '眼用制剂'],
  kwhPerYuan: 0.08, m3PerYuan: 0.01, goods: true, patentRate: 1.0, rdShare: 0.9, patentMix: [0.8, 0.17, 0.03],
});
const MACHINERY = f({
  id: 'machinery', words: ['智能装备', '机械', '机器人', '自动化设备', '精密机械', '装备科技'],
  scope: ['智能机器人的研发', '工业机器人制造', '金属切削机床制造', '通用设备制造（不含特种设备制造）', '机械设备销售', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['B25J 9/16', 'B25J 11/00', 'B23Q 17/00', 'B23B 39/00', 'H01L 21/67', 'B65G 47/90'],
  techniques: ['视觉引导', '力控', '激光', '伺服', '柔性', '数控'],
  objects: ['机械臂', '夹具', '上下料机构', '切割设备', '输送线', '晶圆搬运装置'],
  kwhPerYuan: 0.18, m3PerYuan: 0.004, goods: true, patentRate: 1.2, rdShare: 0.7, patentMix: [0.3, 0.62, 0.08],
});
const ELECTRONICS = f({
  id: 'electronics', words: ['电子', '电子科技', '光电科技', '通信技术', '电子技术', '光电'],
  scope: ['电子元器件制造', '通信设备制造', '光电子器件制造', '计算机软硬件及外围设备制造', '电子专用材料销售', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['H05K 1/02', 'H05K 3/00', 'H04B 10/50', 'H01L 31/00', 'G06F 1/16', 'H01S 5/00'],
  techniques: ['高频', '散热', '光纤', '柔性电路', '激光', '电磁屏蔽'],
  objects: ['电路板', '光模块', '服务器机箱', '天线', '激光器', '显示模组'],
  kwhPerYuan: 0.14, m3PerYuan: 0.005, goods: true, patentRate: 1.0, rdShare: 0.7, patentMix: [0.35, 0.55, 0.1],
});
const BATTERY = f({
  id: 'battery', words: ['新能源', '能源科技', '电池科技', '储能科技', '动力科技', '新能源科技'],
  scope: ['电池制造', '电池销售', '储能技术服务', '新能源汽车电附件销售', '电力电子元器件制造', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['H01M 10/0525', 'H01M 4/36', 'H01M 10/44', 'H02J 7/00', 'H01M 50/20', 'H01M 10/613'],
  techniques: ['固态电解质', '热管理', '均衡控制', '硅碳负极', '梯次利用', '快充'],
  objects: ['电池模组', '储能柜', '电池管理系统', '正极材料', '电芯壳体', '充电装置'],
  kwhPerYuan: 0.2, m3PerYuan: 0.006, goods: true, patentRate: 1.1, rdShare: 0.8, patentMix: [0.45, 0.5, 0.05],
});
const MED_DEVICE = f({
  id: 'med-device', words: ['医疗器械', '医疗科技', '医疗设备', '生物医疗', '健康科技', '医学科技'],
  scope: ['第二类医疗器械生产', '第二类医疗器械销售', '医疗设备租赁', '医学研究和试验发展', '健康咨询服务（不含诊疗服务）', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['A61B 5/00', 'A61B 6/03', 'A61B 8/00', 'A61M 5/00', 'A61B 17/00', 'A61N 1/36'],
  techniques: ['超声', '光学相干', '可穿戴', '微创', '电刺激', '低剂量'],
  objects: ['监护仪', '输液装置', '穿刺器械', '成像探头', '康复设备', '体外诊断设备'],
  kwhPerYuan: 0.08, m3PerYuan: 0.004, goods: true, patentRate: 1.1, rdShare: 0.85, patentMix: [0.4, 0.5, 0.1],
});
const AUTOMATION = f({
  id: 'automation', words: ['自动化', '智能控制', '控制技术', '仪器仪表', '自控科技', '测控技术'],
  scope: ['工业自动控制系统装置制造', '智能仪器仪表制造', '环境监测专用仪器仪表制造', '电气设备销售', '工业控制计算机及系统销售', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['G05B 19/418', 'G05B 19/05', 'G01D 5/00', 'G05B 23/02', 'G01F 1/00', 'H02P 6/00'],
  techniques: ['边缘控制', '预测性维护', '无线传感', '多变量', '总线', '自适应'],
  objects: ['控制柜', '流量计', '变频器', '传感器', '数据采集终端', '执行机构'],
  kwhPerYuan: 0.1, m3PerYuan: 0.003, goods: true, patentRate: 0.9, rdShare: 0.7, patentMix: [0.35, 0.57, 0.08],
});
const VEHICLE = f({
  id: 'vehicle', words: ['汽车电子', '智能汽车', '车联网科技', '汽车科技', '智行科技', '车载科技'],
  scope: ['智能车载设备制造', '汽车零部件研发', '汽车零部件及配件制造', '智能车载设备销售', '导航终端制造', '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广'],
  ipc: ['B60R 16/023', 'G07C 5/08', 'B60W 40/02', 'H04W 4/40', 'G08G 1/01', 'B60L 58/12'],
  techniques: ['毫米波雷达', '车路协同', '融合定位', '驾驶员监测', '域控制', 'V2X'],
  objects: ['车载终端', '行车记录装置', '线束', '车载显示屏', '泊车辅助系统', '电池监控模块'],
  kwhPerYuan: 0.12, m3PerYuan: 0.003, goods: true, patentRate: 0.9, rdShare: 0.7, patentMix: [0.4, 0.5, 0.1],
});
const TRADE = f({
  id: 'trade', words: ['商贸', '贸易', '电子商务', '供应链管理', '商务', '国际贸易'],
  scope: ['电子产品销售', '计算机软硬件及辅助设备批发', '互联网销售（除销售需要许可的商品）', '供应链管理服务', '货物进出口', '技术进出口'],
  ipc: ['G06Q 30/06', 'G06Q 10/08', 'G06Q 30/02', 'G06K 17/00', 'G06Q 10/08', 'G06Q 30/06'],
  techniques: ['智能仓储', '电子标签', '路径规划', '需求预测', '扫码', '冷链'],
  objects: ['订单管理', '包装箱', '货架', '配送车', '库存盘点', '展示柜'],
  kwhPerYuan: 0.01, m3PerYuan: 0.0003, goods: true, patentRate: 0.05, rdShare: 0.1, patentMix: [0.2, 0.5, 0.3],
});
const BUSINESS = f({
  id: 'business', words: ['投资管理', '企业管理咨询', '广告', '文化传媒', '会展服务', '资产管理'],
  scope: ['企业管理咨询', '以自有资金从事投资活动', '广告制作', '会议及展览服务', '市场营销策划', '信息咨询服务（不含许可类信息咨询服务）'],
  ipc: ['G06Q 30/02', 'G06Q 50/10', 'G06Q 10/06', 'G09F 9/30', 'G06Q 30/02', 'G06Q 40/06'],
  techniques: ['数字营销', '沉浸式', '全息', '智能投放', '客户关系', '舆情'],
  objects: ['展台', '广告屏', '活动管理', '投资分析', '会员管理', '宣传装置'],
  kwhPerYuan: 0.008, m3PerYuan: 0.0003, goods: false, patentRate: 0.04, rdShare: 0.1, patentMix: [0.3, 0.3, 0.4],
});

const c = (code: string, name: string, family: IndustryFamily, weight: number): IndustryClass => ({
  code,
  name,
  section: code[0] as Section,
  family,
  weight,
});

export const INDUSTRIES: readonly IndustryClass[] = [
  c('I6511', '基础软件开发', SOFTWARE, 2),
  c('I6512', '支撑软件开发', SOFTWARE, 2),
  c('I6513', '应用软件开发', SOFTWARE, 10),
  c('I6519', '其他软件开发', SOFTWARE, 3),
  c('I6520', '集成电路设计', IC, 2),
  c('I6531', '信息系统集成服务', IT_SERVICES, 6),
  c('I6532', '物联网技术服务', IT_SERVICES, 3),
  c('I6540', '运行维护服务', IT_SERVICES, 1.5),
  c('I6550', '信息处理和存储支持服务', IT_SERVICES, 1.5),
  c('I6560', '信息技术咨询服务', IT_SERVICES, 3),
  c('I6572', '动漫、游戏数字内容服务', INTERNET, 1),
  c('I6429', '互联网其他信息服务', INTERNET, 1.5),
  c('I6431', '互联网生产服务平台', INTERNET, 1.5),
  c('I6450', '互联网数据服务', INTERNET, 1.5),
  c('M7310', '自然科学研究和试验发展', RESEARCH, 1.5),
  c('M7320', '工程和技术研究和试验发展', RESEARCH, 4),
  c('M7340', '医学研究和试验发展', RESEARCH, 1.5),
  c('M7452', '检测服务', TESTING, 2.5),
  c('M7453', '计量服务', TESTING, 0.5),
  c('M7484', '工程设计活动', DESIGN, 2),
  c('M7491', '工业设计服务', DESIGN, 1),
  c('M7513', '新材料技术推广服务', PROMOTION, 2),
  c('M7514', '节能技术推广服务', PROMOTION, 2),
  c('M7515', '新能源技术推广服务', PROMOTION, 1.5),
  c('M7516', '环保技术推广服务', PROMOTION, 2),
  c('M7520', '知识产权服务', PROMOTION, 1),
  c('M7530', '科技中介服务', PROMOTION, 1),
  c('C2720', '化学药品制剂制造', PHARMA, 1.5),
  c('C2761', '生物药品制造', PHARMA, 1),
  c('C3421', '金属切削机床制造', MACHINERY, 1.5),
  c('C3491', '工业机器人制造', MACHINERY, 2),
  c('C3562', '半导体器件专用设备制造', MACHINERY, 1),
  c('C3581', '医疗诊断、监护及治疗设备制造', MED_DEVICE, 2),
  c('C3841', '锂离子电池制造', BATTERY, 1.5),
  c('C3911', '计算机整机制造', ELECTRONICS, 1),
  c('C3921', '通信系统设备制造', ELECTRONICS, 1.5),
  c('C3963', '智能车载设备制造', VEHICLE, 1.5),
  c('C3973', '集成电路制造', ELECTRONICS, 0.5),
  c('C3976', '光电子器件制造', ELECTRONICS, 1.5),
  c('C3982', '电子电路制造', ELECTRONICS, 1.5),
  c('C4011', '工业自动控制系统装置制造', AUTOMATION, 3),
  c('G5179', '其他机械设备及电子产品批发', TRADE, 2),
  c('G5193', '互联网批发', TRADE, 1),
  c('G5292', '互联网零售', TRADE, 1),
  c('L7212', '投资与资产管理', BUSINESS, 1),
  c('L7251', '互联网广告服务', BUSINESS, 1),
  c('L7281', '科技会展服务', BUSINESS, 0.5),
];

export const INDUSTRY_WEIGHTS: readonly number[] = INDUSTRIES.map((x) => x.weight);
