import type { Rng } from './rng.js';

/**
 * Bilingual text for the scale data: technical fields with their sub-topics, demand phrasing,
 * regions, company names and people's names. Every generator builds its text from here, so search
 * and matchmaking run on text that looks like the real thing (Chinese without spaces, English with
 * inflections) and the fields line up across enterprises, SMEs, challenges and proposals.
 */

export interface Term {
  zh: string;
  en: string;
}

export interface TechnicalField extends Term {
  /** Stable identifier, for tags and matchmaking. */
  code: string;
  /** Narrower subjects inside the field. */
  topics: readonly Term[];
}

export const TECHNICAL_FIELDS: readonly TechnicalField[] = [
  {
    code: 'ENERGY_STORAGE',
    zh: '储能',
    en: 'energy storage',
    topics: [
      { zh: '储能电站', en: 'energy storage power station' },
      { zh: '锂电池', en: 'lithium battery' },
      { zh: '钠离子电池', en: 'sodium-ion battery' },
      { zh: '液流电池', en: 'flow battery' },
      { zh: '电池管理系统', en: 'battery management system' },
      { zh: '热管理', en: 'thermal management' },
      { zh: '热失控预警', en: 'thermal runaway early warning' },
      { zh: '梯次利用', en: 'second-life battery reuse' },
    ],
  },
  {
    code: 'HYDROGEN',
    zh: '氢能',
    en: 'hydrogen energy',
    topics: [
      { zh: '电解水制氢', en: 'water electrolysis' },
      { zh: '燃料电池', en: 'fuel cell' },
      { zh: '储氢材料', en: 'hydrogen storage material' },
      { zh: '加氢站', en: 'hydrogen refuelling station' },
      { zh: '质子交换膜', en: 'proton exchange membrane' },
      { zh: '催化剂', en: 'catalyst' },
    ],
  },
  {
    code: 'PHOTOVOLTAICS',
    zh: '光伏',
    en: 'photovoltaics',
    topics: [
      { zh: '钙钛矿电池', en: 'perovskite solar cell' },
      { zh: '异质结组件', en: 'heterojunction module' },
      { zh: '光伏逆变器', en: 'solar inverter' },
      { zh: '分布式光伏', en: 'distributed solar power' },
      { zh: '组件清洗机器人', en: 'panel cleaning robot' },
    ],
  },
  {
    code: 'INDUSTRIAL_INTERNET',
    zh: '工业互联网',
    en: 'industrial internet',
    topics: [
      { zh: '设备预测性维护', en: 'predictive maintenance' },
      { zh: '数字孪生', en: 'digital twin' },
      { zh: '边缘计算网关', en: 'edge computing gateway' },
      { zh: '工业数据采集', en: 'industrial data acquisition' },
      { zh: '标识解析', en: 'industrial identifier resolution' },
      { zh: '智能排产', en: 'intelligent production scheduling' },
    ],
  },
  {
    code: 'BIOMEDICINE',
    zh: '生物医药',
    en: 'biomedicine',
    topics: [
      { zh: '抗体药物', en: 'antibody drug' },
      { zh: '细胞治疗', en: 'cell therapy' },
      { zh: '体外诊断试剂', en: 'in vitro diagnostic reagent' },
      { zh: '药物递送', en: 'drug delivery' },
      { zh: '医用高分子材料', en: 'medical polymer' },
      { zh: '连续流合成', en: 'continuous flow synthesis' },
    ],
  },
  {
    code: 'SEMICONDUCTORS',
    zh: '半导体',
    en: 'semiconductors',
    topics: [
      { zh: '功率器件', en: 'power device' },
      { zh: '碳化硅衬底', en: 'silicon carbide substrate' },
      { zh: '先进封装', en: 'advanced packaging' },
      { zh: '光刻胶', en: 'photoresist' },
      { zh: '模拟芯片', en: 'analog chip' },
      { zh: '晶圆检测', en: 'wafer inspection' },
    ],
  },
  {
    code: 'NEW_ENERGY_VEHICLES',
    zh: '新能源汽车',
    en: 'new energy vehicles',
    topics: [
      { zh: '电驱动系统', en: 'electric drive system' },
      { zh: '快充技术', en: 'fast charging' },
      { zh: '车规级芯片', en: 'automotive-grade chip' },
      { zh: '轻量化车身', en: 'lightweight body' },
      { zh: '电池包结构', en: 'battery pack structure' },
    ],
  },
  {
    code: 'SMART_HOME',
    zh: '智慧家庭',
    en: 'smart home',
    topics: [
      { zh: '变频压缩机', en: 'inverter compressor' },
      { zh: '语音交互', en: 'voice interaction' },
      { zh: '洗衣机降噪', en: 'washing machine noise reduction' },
      { zh: '冰箱保鲜', en: 'refrigerator food preservation' },
      { zh: '空气净化', en: 'air purification' },
      { zh: '低功耗物联网模组', en: 'low-power IoT module' },
    ],
  },
  {
    code: 'ADVANCED_MATERIALS',
    zh: '新材料',
    en: 'advanced materials',
    topics: [
      { zh: '石墨烯', en: 'graphene' },
      { zh: '碳纤维复合材料', en: 'carbon fibre composite' },
      { zh: '高温合金', en: 'superalloy' },
      { zh: '可降解塑料', en: 'biodegradable plastic' },
      { zh: '气凝胶', en: 'aerogel' },
      { zh: '特种涂层', en: 'special coating' },
    ],
  },
  {
    code: 'INTELLIGENT_MANUFACTURING',
    zh: '智能制造',
    en: 'intelligent manufacturing',
    topics: [
      { zh: '工业机器人', en: 'industrial robot' },
      { zh: '机器视觉检测', en: 'machine vision inspection' },
      { zh: '柔性产线', en: 'flexible production line' },
      { zh: '激光焊接', en: 'laser welding' },
      { zh: '精密减速器', en: 'precision reducer' },
      { zh: '增材制造', en: 'additive manufacturing' },
    ],
  },
  {
    code: 'ARTIFICIAL_INTELLIGENCE',
    zh: '人工智能',
    en: 'artificial intelligence',
    topics: [
      { zh: '大模型', en: 'large language model' },
      { zh: '知识图谱', en: 'knowledge graph' },
      { zh: '缺陷识别算法', en: 'defect recognition algorithm' },
      { zh: '智能客服', en: 'intelligent customer service' },
      { zh: '强化学习调度', en: 'reinforcement learning scheduling' },
    ],
  },
  {
    code: 'CARBON_NEUTRALITY',
    zh: '节能环保',
    en: 'energy saving and environment',
    topics: [
      { zh: '碳捕集', en: 'carbon capture' },
      { zh: '余热回收', en: 'waste heat recovery' },
      { zh: '工业废水处理', en: 'industrial wastewater treatment' },
      { zh: '挥发性有机物治理', en: 'VOC abatement' },
      { zh: '碳足迹核算', en: 'carbon footprint accounting' },
    ],
  },
  {
    code: 'MARINE_EQUIPMENT',
    zh: '海洋装备',
    en: 'marine equipment',
    topics: [
      { zh: '海上风电', en: 'offshore wind power' },
      { zh: '水下机器人', en: 'underwater robot' },
      { zh: '海水淡化', en: 'seawater desalination' },
      { zh: '船舶防腐', en: 'marine anti-corrosion' },
    ],
  },
  {
    code: 'COLD_CHAIN',
    zh: '冷链物流',
    en: 'cold chain logistics',
    topics: [
      { zh: '冷库节能', en: 'cold storage energy saving' },
      { zh: '温度追溯', en: 'temperature traceability' },
      { zh: '蓄冷材料', en: 'cold storage material' },
    ],
  },
];

/** What a demand asks of its topic (需求方向). */
export const DEMAND_GOALS: readonly Term[] = [
  { zh: '关键技术攻关', en: 'key technology breakthrough' },
  { zh: '国产化替代', en: 'domestic substitution' },
  { zh: '降本增效', en: 'cost reduction and efficiency' },
  { zh: '可靠性提升', en: 'reliability improvement' },
  { zh: '检测方法开发', en: 'test method development' },
  { zh: '智能化改造', en: 'intelligent upgrade' },
  { zh: '工艺优化', en: 'process optimisation' },
  { zh: '寿命延长', en: 'service life extension' },
  { zh: '安全性提升', en: 'safety improvement' },
  { zh: '小型化设计', en: 'miniaturised design' },
];

/** Measurable indicators (考核指标) with their units. */
export const INDICATORS: readonly (Term & { unit: string })[] = [
  { zh: '能量密度', en: 'energy density', unit: 'Wh/kg' },
  { zh: '循环寿命', en: 'cycle life', unit: 'cycles' },
  { zh: '转换效率', en: 'conversion efficiency', unit: '%' },
  { zh: '良品率', en: 'yield rate', unit: '%' },
  { zh: '响应时间', en: 'response time', unit: 'ms' },
  { zh: '噪声', en: 'noise level', unit: 'dB' },
  { zh: '单位成本', en: 'unit cost', unit: 'CNY' },
  { zh: '检测准确率', en: 'detection accuracy', unit: '%' },
  { zh: '工作温度范围', en: 'operating temperature range', unit: '°C' },
  { zh: '功耗', en: 'power consumption', unit: 'W' },
];

export interface Region extends Term {
  /** Province-level division. */
  province: Term;
}

export const REGIONS: readonly Region[] = [
  { zh: '青岛', en: 'Qingdao', province: { zh: '山东', en: 'Shandong' } },
  { zh: '济南', en: 'Jinan', province: { zh: '山东', en: 'Shandong' } },
  { zh: '上海', en: 'Shanghai', province: { zh: '上海', en: 'Shanghai' } },
  { zh: '苏州', en: 'Suzhou', province: { zh: '江苏', en: 'Jiangsu' } },
  { zh: '南京', en: 'Nanjing', province: { zh: '江苏', en: 'Jiangsu' } },
  { zh: '杭州', en: 'Hangzhou', province: { zh: '浙江', en: 'Zhejiang' } },
  { zh: '宁波', en: 'Ningbo', province: { zh: '浙江', en: 'Zhejiang' } },
  { zh: '合肥', en: 'Hefei', province: { zh: '安徽', en: 'Anhui' } },
  { zh: '深圳', en: 'Shenzhen', province: { zh: '广东', en: 'Guangdong' } },
  { zh: '广州', en: 'Guangzhou', province: { zh: '广东', en: 'Guangdong' } },
  { zh: '东莞', en: 'Dongguan', province: { zh: '广东', en: 'Guangdong' } },
  { zh: '北京', en: 'Beijing', province: { zh: '北京', en: 'Beijing' } },
  { zh: '天津', en: 'Tianjin', province: { zh: '天津', en: 'Tianjin' } },
  { zh: '武汉', en: 'Wuhan', province: { zh: '湖北', en: 'Hubei' } },
  { zh: '成都', en: 'Chengdu', province: { zh: '四川', en: 'Sichuan' } },
  { zh: '西安', en: 'Xi’an', province: { zh: '陕西', en: 'Shaanxi' } },
  { zh: '长沙', en: 'Changsha', province: { zh: '湖南', en: 'Hunan' } },
  { zh: '厦门', en: 'Xiamen', province: { zh: '福建', en: 'Fujian' } },
  { zh: '沈阳', en: 'Shenyang', province: { zh: '辽宁', en: 'Liaoning' } },
  { zh: '重庆', en: 'Chongqing', province: { zh: '重庆', en: 'Chongqing' } },
];

/** Syllables of trade names (字号), with their pinyin. */
const BRAND_PARTS: readonly Term[] = [
  { zh: '海', en: 'Hai' },
  { zh: '创', en: 'Chuang' },
  { zh: '华', en: 'Hua' },
  { zh: '科', en: 'Ke' },
  { zh: '瑞', en: 'Rui' },
  { zh: '联', en: 'Lian' },
  { zh: '通', en: 'Tong' },
  { zh: '达', en: 'Da' },
  { zh: '鑫', en: 'Xin' },
  { zh: '源', en: 'Yuan' },
  { zh: '智', en: 'Zhi' },
  { zh: '新', en: 'Xin' },
  { zh: '博', en: 'Bo' },
  { zh: '远', en: 'Yuan' },
  { zh: '峰', en: 'Feng' },
  { zh: '泰', en: 'Tai' },
  { zh: '恒', en: 'Heng' },
  { zh: '凯', en: 'Kai' },
  { zh: '晶', en: 'Jing' },
  { zh: '澜', en: 'Lan' },
  { zh: '宇', en: 'Yu' },
  { zh: '辰', en: 'Chen' },
];

const COMPANY_KINDS: readonly Term[] = [
  { zh: '科技有限公司', en: 'Technology Co., Ltd.' },
  { zh: '新材料有限公司', en: 'New Materials Co., Ltd.' },
  { zh: '智能装备有限公司', en: 'Intelligent Equipment Co., Ltd.' },
  { zh: '电子有限公司', en: 'Electronics Co., Ltd.' },
  { zh: '生物科技有限公司', en: 'Biotechnology Co., Ltd.' },
  { zh: '能源科技股份有限公司', en: 'Energy Technology Co., Ltd.' },
];

const GROUP_KINDS: readonly Term[] = [
  { zh: '集团股份有限公司', en: 'Group Co., Ltd.' },
  { zh: '控股集团有限公司', en: 'Holding Group Co., Ltd.' },
  { zh: '股份有限公司', en: 'Corporation' },
];

/** Chinese surnames with their pinyin, weighted roughly by frequency. */
const SURNAMES: readonly (readonly [Term, number])[] = [
  [{ zh: '王', en: 'Wang' }, 7],
  [{ zh: '李', en: 'Li' }, 7],
  [{ zh: '张', en: 'Zhang' }, 7],
  [{ zh: '刘', en: 'Liu' }, 5],
  [{ zh: '陈', en: 'Chen' }, 5],
  [{ zh: '杨', en: 'Yang' }, 3],
  [{ zh: '赵', en: 'Zhao' }, 2],
  [{ zh: '黄', en: 'Huang' }, 2],
  [{ zh: '周', en: 'Zhou' }, 2],
  [{ zh: '吴', en: 'Wu' }, 2],
  [{ zh: '徐', en: 'Xu' }, 1],
  [{ zh: '孙', en: 'Sun' }, 1],
  [{ zh: '胡', en: 'Hu' }, 1],
  [{ zh: '朱', en: 'Zhu' }, 1],
  [{ zh: '高', en: 'Gao' }, 1],
  [{ zh: '林', en: 'Lin' }, 1],
  [{ zh: '何', en: 'He' }, 1],
  [{ zh: '郭', en: 'Guo' }, 1],
  [{ zh: '马', en: 'Ma' }, 1],
  [{ zh: '罗', en: 'Luo' }, 1],
  [{ zh: '欧阳', en: 'Ouyang' }, 0.2],
  [{ zh: '司马', en: 'Sima' }, 0.1],
];

const GIVEN_NAME_CHARS: readonly Term[] = [
  { zh: '伟', en: 'wei' },
  { zh: '芳', en: 'fang' },
  { zh: '娜', en: 'na' },
  { zh: '敏', en: 'min' },
  { zh: '静', en: 'jing' },
  { zh: '丽', en: 'li' },
  { zh: '强', en: 'qiang' },
  { zh: '磊', en: 'lei' },
  { zh: '军', en: 'jun' },
  { zh: '洋', en: 'yang' },
  { zh: '勇', en: 'yong' },
  { zh: '艳', en: 'yan' },
  { zh: '杰', en: 'jie' },
  { zh: '涛', en: 'tao' },
  { zh: '明', en: 'ming' },
  { zh: '超', en: 'chao' },
  { zh: '霞', en: 'xia' },
  { zh: '平', en: 'ping' },
  { zh: '华', en: 'hua' },
  { zh: '辉', en: 'hui' },
  { zh: '鹏', en: 'peng' },
  { zh: '宇', en: 'yu' },
  { zh: '浩', en: 'hao' },
  { zh: '婷', en: 'ting' },
  { zh: '琳', en: 'lin' },
  { zh: '晨', en: 'chen' },
  { zh: '欣', en: 'xin' },
  { zh: '博', en: 'bo' },
  { zh: '文', en: 'wen' },
  { zh: '建', en: 'jian' },
  { zh: '国', en: 'guo' },
  { zh: '海', en: 'hai' },
  { zh: '峰', en: 'feng' },
  { zh: '晓', en: 'xiao' },
  { zh: '志', en: 'zhi' },
  { zh: '思', en: 'si' },
  { zh: '嘉', en: 'jia' },
  { zh: '睿', en: 'rui' },
];

/** Names of foreign colleagues (alliance members include multinationals such as AstraZeneca). */
const FOREIGN_FIRST = [
  'Anna',
  'David',
  'Maria',
  'James',
  'Sophie',
  'Lukas',
  'Emma',
  'Olivier',
  'Hiroshi',
  'Priya',
  'Carlos',
  'Elena',
];
const FOREIGN_LAST = [
  'Müller',
  'Smith',
  'García',
  'Rossi',
  'Dubois',
  'Tanaka',
  'Kim',
  'Novak',
  'Johansson',
  'Patel',
  'Brown',
  'Schneider',
];

export interface PersonName {
  /** As the person shows it on the platform: 王磊, Lei Wang, 王磊 Lei Wang, Anna Müller. */
  displayName: string;
  /** Lower-case ASCII for e-mail addresses: lei.wang */
  ascii: string;
  locale: 'zh-CN' | 'en';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A person's name, mostly Chinese, sometimes written in pinyin or foreign. */
export function personName(rng: Rng): PersonName {
  const style = rng.weighted([
    ['zh', 70],
    ['pinyin', 14],
    ['both', 10],
    ['foreign', 6],
  ] as const);
  if (style === 'foreign') {
    const first = rng.pick(FOREIGN_FIRST);
    const last = rng.pick(FOREIGN_LAST);
    const ascii = `${first}.${last}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    return { displayName: `${first} ${last}`, ascii, locale: 'en' };
  }
  const surname = rng.weighted(SURNAMES);
  const given = rng.chance(0.65)
    ? [rng.pick(GIVEN_NAME_CHARS), rng.pick(GIVEN_NAME_CHARS)]
    : [rng.pick(GIVEN_NAME_CHARS)];
  const zh = surname.zh + given.map((g) => g.zh).join('');
  const givenPinyin = capitalise(given.map((g) => g.en).join(''));
  const pinyin = `${givenPinyin} ${surname.en}`;
  const ascii = `${givenPinyin}.${surname.en}`.toLowerCase();
  if (style === 'pinyin') return { displayName: pinyin, ascii, locale: 'en' };
  if (style === 'both') return { displayName: `${zh} ${pinyin}`, ascii, locale: 'zh-CN' };
  return { displayName: zh, ascii, locale: 'zh-CN' };
}

export interface CompanyName extends Term {
  /** Lower-case ASCII handle, for e-mail domains. */
  ascii: string;
  /** The trade name (字号) and its pinyin: Hairui. */
  brand: Term;
  region: Region;
  field: TechnicalField;
}

/**
 * A registered company name in the usual pattern 城市 + 字号 + 行业 + 组织形式, e.g.
 * 青岛海瑞储能科技有限公司 / Qingdao Hairui Energy Storage Technology Co., Ltd.
 * Large enterprises get a group form (集团股份有限公司).
 */
export function companyName(
  rng: Rng,
  options: { large?: boolean; field?: TechnicalField; region?: Region } = {},
): CompanyName {
  const region = options.region ?? rng.pick(REGIONS);
  const field = options.field ?? rng.pick(TECHNICAL_FIELDS);
  const brand = [rng.pick(BRAND_PARTS), rng.pick(BRAND_PARTS)];
  const brandZh = brand.map((b) => b.zh).join('');
  const brandEn = capitalise(brand.map((b) => b.en.toLowerCase()).join(''));
  const kind = options.large ? rng.pick(GROUP_KINDS) : rng.pick(COMPANY_KINDS);
  const fieldEn = field.en.replace(/\b\w/g, (c) => c.toUpperCase());
  return {
    zh: options.large
      ? `${region.zh}${brandZh}${kind.zh}`
      : `${region.zh}${brandZh}${field.zh}${kind.zh}`,
    en: options.large
      ? `${region.en} ${brandEn} ${kind.en}`
      : `${region.en} ${brandEn} ${fieldEn} ${kind.en}`,
    ascii: `${region.en}${brandEn}`
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase(),
    brand: { zh: brandZh, en: brandEn },
    region,
    field,
  };
}

/** A demand title in both languages, e.g. 储能电站热失控预警关键技术攻关 / Key technology breakthrough: thermal runaway early warning for energy storage power stations. */
export function demandTitle(
  rng: Rng,
  field: TechnicalField = rng.pick(TECHNICAL_FIELDS),
): Term & { field: TechnicalField; topic: Term } {
  const topic = rng.pick(field.topics);
  const goal = rng.pick(DEMAND_GOALS);
  const zh = topic.zh.startsWith(field.zh)
    ? `${topic.zh}${goal.zh}`
    : `${field.zh}${topic.zh}${goal.zh}`;
  const en = `${capitalise(goal.en)}: ${topic.en} for ${field.en}`;
  return { zh, en, field, topic };
}

/** One sentence stating a measurable target, in both languages. */
export function indicatorSentence(rng: Rng, topic: Term): Term {
  const indicator = rng.pick(INDICATORS);
  const value = rng.int(2, 99) * (indicator.unit === '%' ? 1 : rng.pick([1, 10, 100]));
  const direction = rng.chance(0.5)
    ? { zh: '不低于', en: 'at least' }
    : { zh: '不高于', en: 'at most' };
  return {
    zh: `${topic.zh}的${indicator.zh}${direction.zh}${value}${indicator.unit}。`,
    en: `The ${indicator.en} of the ${topic.en} must be ${direction.en} ${value} ${indicator.unit}.`,
  };
}

/** A short paragraph for descriptions and proposal bodies: a few sentences in one language. */
export function paragraph(
  rng: Rng,
  field: TechnicalField,
  language: 'zh' | 'en',
  sentences = 3,
): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i += 1) {
    const topic = rng.pick(field.topics);
    if (rng.chance(0.5)) {
      parts.push(indicatorSentence(rng, topic)[language]);
    } else {
      const goal = rng.pick(DEMAND_GOALS);
      parts.push(
        language === 'zh'
          ? `围绕${topic.zh}开展${goal.zh}，形成可在产线验证的方案。`
          : `We seek ${goal.en} in ${topic.en}, with a solution that can be validated on a production line.`,
      );
    }
  }
  return parts.join(language === 'zh' ? '' : ' ');
}

/**
 * Technical routes (技术路线) of each field: the ways of doing the work that SMEs say they follow and that
 * challenges sometimes rule out (excluded approaches), so matchmaking meets both a shared route and a
 * conflicting one. Each label fits a bilingual label (60 characters).
 */
export const TECHNICAL_ROUTES: Readonly<Record<string, readonly Term[]>> = {
  ENERGY_STORAGE: [
    { zh: '磷酸铁锂体系', en: 'LFP chemistry' },
    { zh: '三元锂体系', en: 'NMC chemistry' },
    { zh: '液冷热管理', en: 'liquid cooling' },
    { zh: '风冷热管理', en: 'forced-air cooling' },
    { zh: '全钒液流', en: 'vanadium redox flow' },
    { zh: '干法电极工艺', en: 'dry electrode process' },
  ],
  HYDROGEN: [
    { zh: '碱性电解槽', en: 'alkaline electrolyser' },
    { zh: 'PEM电解', en: 'PEM electrolysis' },
    { zh: '固体氧化物电解', en: 'solid oxide electrolysis' },
    { zh: '高压气态储氢', en: 'high-pressure gaseous storage' },
    { zh: '液氢储运', en: 'liquid hydrogen transport' },
    { zh: '铂基催化剂', en: 'platinum-based catalyst' },
  ],
  PHOTOVOLTAICS: [
    { zh: 'PERC电池', en: 'PERC cells' },
    { zh: 'TOPCon电池', en: 'TOPCon cells' },
    { zh: '异质结HJT', en: 'heterojunction HJT' },
    { zh: '钙钛矿叠层', en: 'perovskite tandem' },
    { zh: '组串式逆变', en: 'string inverter' },
    { zh: '集中式逆变', en: 'central inverter' },
  ],
  INDUSTRIAL_INTERNET: [
    { zh: '5G专网', en: 'private 5G network' },
    { zh: 'OPC UA统一架构', en: 'OPC UA' },
    { zh: '边缘推理', en: 'edge inference' },
    { zh: '云端集中分析', en: 'centralised cloud analytics' },
    { zh: '振动频谱分析', en: 'vibration spectrum analysis' },
    { zh: '机理模型', en: 'physics-based model' },
  ],
  BIOMEDICINE: [
    { zh: '单克隆抗体', en: 'monoclonal antibody' },
    { zh: '双特异性抗体', en: 'bispecific antibody' },
    { zh: 'CAR-T细胞', en: 'CAR-T cells' },
    { zh: '脂质纳米颗粒', en: 'lipid nanoparticles' },
    { zh: '微流控芯片', en: 'microfluidic chip' },
    { zh: '化学发光免疫', en: 'chemiluminescence immunoassay' },
  ],
  SEMICONDUCTORS: [
    { zh: '碳化硅MOSFET', en: 'SiC MOSFET' },
    { zh: '氮化镓器件', en: 'GaN devices' },
    { zh: 'IGBT模块', en: 'IGBT module' },
    { zh: '晶圆级封装', en: 'wafer-level packaging' },
    { zh: '倒装焊', en: 'flip-chip bonding' },
    { zh: '光学缺陷检测', en: 'optical defect inspection' },
  ],
  NEW_ENERGY_VEHICLES: [
    { zh: '800V高压平台', en: '800 V platform' },
    { zh: '扁线电机', en: 'hairpin motor' },
    { zh: '一体化压铸', en: 'integrated die casting' },
    { zh: 'CTP电池包', en: 'cell-to-pack' },
    { zh: '碳化硅电控', en: 'SiC inverter' },
    { zh: '换电模式', en: 'battery swapping' },
  ],
  SMART_HOME: [
    { zh: '直流变频', en: 'DC inverter drive' },
    { zh: '离线语音识别', en: 'offline speech recognition' },
    { zh: '主动降噪', en: 'active noise cancellation' },
    { zh: '等离子杀菌', en: 'plasma sterilisation' },
    { zh: '蓝牙Mesh', en: 'Bluetooth Mesh' },
    { zh: 'Matter协议', en: 'Matter protocol' },
  ],
  ADVANCED_MATERIALS: [
    { zh: '化学气相沉积', en: 'chemical vapour deposition' },
    { zh: '湿法纺丝', en: 'wet spinning' },
    { zh: '粉末冶金', en: 'powder metallurgy' },
    { zh: '生物基聚乳酸', en: 'bio-based PLA' },
    { zh: '超临界干燥', en: 'supercritical drying' },
    { zh: '等离子喷涂', en: 'plasma spraying' },
  ],
  INTELLIGENT_MANUFACTURING: [
    { zh: '六轴机械臂', en: 'six-axis robot arm' },
    { zh: '3D结构光视觉', en: '3D structured-light vision' },
    { zh: '深度学习缺陷检测', en: 'deep-learning defect detection' },
    { zh: '光纤激光', en: 'fibre laser' },
    { zh: '谐波减速', en: 'harmonic drive' },
    { zh: '金属粉末床熔融', en: 'powder bed fusion' },
  ],
  ARTIFICIAL_INTELLIGENCE: [
    { zh: '检索增强生成', en: 'retrieval-augmented generation' },
    { zh: '模型蒸馏', en: 'model distillation' },
    { zh: '图神经网络', en: 'graph neural network' },
    { zh: '小样本学习', en: 'few-shot learning' },
    { zh: '强化学习', en: 'reinforcement learning' },
    { zh: '私有化部署', en: 'on-premise deployment' },
  ],
  CARBON_NEUTRALITY: [
    { zh: '胺法碳捕集', en: 'amine scrubbing' },
    { zh: '膜分离', en: 'membrane separation' },
    { zh: '热泵余热回收', en: 'heat pump recovery' },
    { zh: '蓄热式焚烧', en: 'regenerative thermal oxidation' },
    { zh: '生物处理', en: 'biological treatment' },
    { zh: 'MVR蒸发', en: 'MVR evaporation' },
  ],
  MARINE_EQUIPMENT: [
    { zh: '漂浮式风机', en: 'floating wind turbine' },
    { zh: '单桩基础', en: 'monopile foundation' },
    { zh: '反渗透淡化', en: 'reverse osmosis' },
    { zh: '牺牲阳极保护', en: 'sacrificial anode protection' },
    { zh: '声学定位', en: 'acoustic positioning' },
  ],
  COLD_CHAIN: [
    { zh: '二氧化碳制冷', en: 'CO2 refrigeration' },
    { zh: '氨制冷', en: 'ammonia refrigeration' },
    { zh: '相变蓄冷', en: 'phase-change cold storage' },
    { zh: 'RFID测温', en: 'RFID temperature tags' },
    { zh: '北斗定位追溯', en: 'BeiDou tracking' },
  ],
};

/** The routes of a field (every vocabulary field has some). */
export function routesOf(field: TechnicalField): readonly Term[] {
  const routes = TECHNICAL_ROUTES[field.code];
  if (!routes?.length) throw new Error(`no technical routes for the field ${field.code}`);
  return routes;
}
