import { withCheckCharacter } from '../common/credit-code.js';

/** Demo data drawn from the source article (SEED-ARTICLE.md). Credit codes are made up but valid. */
export const DEMO_PASSWORD = 'demo-password-2022';

const code = (region: string, org: string) => withCheckCharacter(`91${region}${org}`);

export const DEMO_ADMIN = {
  email: 'admin@demo.innovation.cn',
  displayName: '联盟秘书处 Alliance Secretariat',
};
export const DEMO_EXPERT = {
  email: 'expert@demo.innovation.cn',
  displayName: '王教授 Prof. Wang',
  affiliationName: '上海交通大学 Shanghai Jiao Tong University',
  fieldCodes: [
    'NEW_ENERGY.STORAGE',
    'BATTERY.THERMAL_MANAGEMENT',
    'HIGH_END_EQUIPMENT.POWER_EQUIPMENT',
  ],
};

export interface DemoEnterprise {
  key: string;
  nameZh: string;
  nameEn: string;
  creditCode: string;
  regionCode: string;
  industryCode: string;
  isChainLeader: boolean;
  tier: 'FOUNDING' | 'COUNCIL' | 'MEMBER';
  description: string;
  openResources: { type: string; title: string; description: string }[];
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'haier',
    nameZh: '海尔集团',
    nameEn: 'Haier Group',
    creditCode: code('370200', '16359075A'),
    regionCode: '370000',
    industryCode: 'C',
    isChainLeader: true,
    tier: 'FOUNDING',
    description:
      'HOPE 创新生态平台：“10+N”开放式创新体系，向中小企业开放智慧家庭、产业互联网、大健康三大主业资源。',
    openResources: [
      {
        type: 'SCENARIO',
        title: '智慧家庭应用场景',
        description: 'Smart-home scenarios for pilots',
      },
      { type: 'LAB', title: 'HOPE 开放实验室', description: 'Open innovation lab' },
      {
        type: 'DATA',
        title: '卡奥斯工业互联网数据',
        description: 'COSMOPlat industrial internet data',
      },
    ],
  },
  {
    key: 'shanghai-electric',
    nameZh: '上海电气集团',
    nameEn: 'Shanghai Electric Group',
    creditCode: code('310000', '13220808X'),
    regionCode: '310000',
    industryCode: 'C',
    isChainLeader: true,
    tier: 'FOUNDING',
    description: '能源装备、工业装备与集成服务；储能与氢能是开放创新的重点方向。',
    openResources: [
      { type: 'PILOT_LINE', title: '储能系统中试线', description: 'Energy-storage pilot line' },
    ],
  },
  {
    key: 'astrazeneca',
    nameZh: '阿斯利康（中国）',
    nameEn: 'AstraZeneca China',
    creditCode: code('310000', '60736517N'),
    regionCode: '310000',
    industryCode: 'C',
    isChainLeader: false,
    tier: 'FOUNDING',
    description: '生物医药创新：创新药、数字健康与诊断的开放合作。',
    openResources: [
      {
        type: 'SCENARIO',
        title: '数字健康试点医院网络',
        description: 'Digital-health pilot sites',
      },
    ],
  },
  {
    key: 'china-resources',
    nameZh: '华润集团',
    nameEn: 'China Resources',
    creditCode: code('440300', '19217806Q'),
    regionCode: '440000',
    industryCode: 'F',
    isChainLeader: true,
    tier: 'COUNCIL',
    description: '消费品、医药、能源与城市建设；分享了开放式创新推动产业转型升级的实践。',
    openResources: [
      {
        type: 'PATENT_LICENSE',
        title: '医药专利许可',
        description: 'Pharmaceutical patent licences',
      },
    ],
  },
  {
    key: 'baowu',
    nameZh: '中国宝武钢铁集团',
    nameEn: 'China Baowu Steel Group',
    creditCode: code('310000', '13222881E'),
    regionCode: '310000',
    industryCode: 'C',
    isChainLeader: true,
    tier: 'COUNCIL',
    description: '先进钢铁材料与绿色低碳冶金；开放碳捕集与节能降耗场景。',
    openResources: [
      {
        type: 'SCENARIO',
        title: '低碳冶金示范场景',
        description: 'Low-carbon metallurgy demonstration',
      },
    ],
  },
];

export interface DemoSme {
  key: string;
  nameZh: string;
  nameEn: string | null;
  creditCode: string;
  regionCode: string;
  sizeClass: 'MICRO' | 'SMALL' | 'MEDIUM';
  qualification: 'NONE' | 'INNOVATIVE' | 'SPECIALIZED' | 'LITTLE_GIANT';
  /** Validity in years from 2022-01-01; negative = expired certificate (counts as NONE). */
  validYears: number;
  fields: string[];
  capability: string;
  foundingYear: number;
  employees: number;
  verified: boolean;
}

const sme = (
  key: string,
  nameZh: string,
  nameEn: string | null,
  region: string,
  org: string,
  sizeClass: DemoSme['sizeClass'],
  qualification: DemoSme['qualification'],
  validYears: number,
  fields: string[],
  capability: string,
  foundingYear: number,
  employees: number,
  verified = true,
): DemoSme => ({
  key,
  nameZh,
  nameEn,
  creditCode: code(region, org),
  regionCode: `${region.slice(0, 2)}0000`,
  sizeClass,
  qualification,
  validYears,
  fields,
  capability,
  foundingYear,
  employees,
  verified,
});

export const DEMO_SMES: DemoSme[] = [
  sme(
    'heat-guard',
    '苏州热安储能科技有限公司',
    'HeatGuard Storage',
    '320500',
    'MA1MH2K3X',
    'SMALL',
    'SPECIALIZED',
    5,
    ['NEW_ENERGY.STORAGE', 'BATTERY.THERMAL_MANAGEMENT'],
    '储能电站锂电池热失控早期预警；battery thermal runaway early warning.',
    2016,
    85,
  ),
  sme(
    'hydro-core',
    '上海氢芯动力有限公司',
    'HydroCore Power',
    '310115',
    'MA1FL8Q2Y',
    'MEDIUM',
    'LITTLE_GIANT',
    5,
    ['NEW_ENERGY.HYDROGEN'],
    '质子交换膜燃料电池电堆与氢能储运；PEM fuel-cell stacks, hydrogen storage and transport.',
    2014,
    260,
  ),
  sme(
    'solid-cell',
    '合肥固锂新能源有限公司',
    'SolidLi Energy',
    '340100',
    'MA2N4T6W1',
    'SMALL',
    'INNOVATIVE',
    3,
    ['BATTERY.SOLID_STATE', 'BATTERY.LITHIUM_ION'],
    '硫化物固态电解质与固态电池样品；sulfide solid electrolytes and solid-state cell samples.',
    2019,
    45,
  ),
  sme(
    'vision-qc',
    '青岛视觉智检科技有限公司',
    'VisionQC',
    '370200',
    'MA3C7L9P4',
    'SMALL',
    'SPECIALIZED',
    5,
    ['SMART_MANUFACTURING.MACHINE_VISION', 'ARTIFICIAL_INTELLIGENCE.COMPUTER_VISION'],
    '家电外观缺陷机器视觉检测；appliance surface defect inspection.',
    2017,
    60,
  ),
  sme(
    'iot-home',
    '杭州智联家居科技有限公司',
    'SmartLink Home',
    '330100',
    'MA27X5B8H',
    'MICRO',
    'NONE',
    0,
    ['SMART_HOME.IOT', 'SMART_HOME.APPLIANCES'],
    '低功耗家电物联网模组与协议栈；low-power IoT modules and protocol stacks for appliances.',
    2020,
    18,
  ),
  sme(
    'bio-dx',
    '苏州精准诊断生物技术有限公司',
    'PreciseDx Biotech',
    '320500',
    'MA1P3R5T7',
    'SMALL',
    'SPECIALIZED',
    5,
    ['BIOMEDICINE.DIAGNOSTICS'],
    '肿瘤早筛液体活检试剂盒；liquid-biopsy kits for early cancer screening.',
    2015,
    120,
  ),
  sme(
    'drug-ai',
    '上海智药科技有限公司',
    'DrugAI Shanghai',
    '310115',
    'MA1K9M2N4',
    'SMALL',
    'INNOVATIVE',
    3,
    ['BIOMEDICINE.INNOVATIVE_DRUGS', 'ARTIFICIAL_INTELLIGENCE.NLP'],
    'AI 辅助小分子药物发现；AI-assisted drug discovery.',
    2018,
    55,
  ),
  sme(
    'steel-coat',
    '马鞍山先进涂层材料有限公司',
    'AdvCoat Materials',
    '340500',
    'MA2A4C6E8',
    'MEDIUM',
    'LITTLE_GIANT',
    5,
    ['NEW_MATERIALS.ADVANCED_STEEL', 'NEW_MATERIALS.COMPOSITES'],
    '高强钢表面防腐涂层与复合材料；anti-corrosion coatings for high-strength steel, composites.',
    2010,
    310,
  ),
  sme(
    'carbon-cap',
    '武汉碳捕科技有限公司',
    'CarbonCap Tech',
    '420100',
    'MA4G6J8L1',
    'SMALL',
    'SPECIALIZED',
    -1,
    ['ENVIRONMENTAL_TECH.CARBON_CAPTURE'],
    '钢铁烟气二氧化碳捕集；CO2 capture from steel-mill flue gas (证书已过期 certificate expired).',
    2013,
    75,
  ),
  sme(
    'power-chip',
    '无锡功率芯半导体有限公司',
    'PowerChip Semi',
    '320200',
    'MA1Q2W3E5',
    'MEDIUM',
    'LITTLE_GIANT',
    5,
    ['SEMICONDUCTORS.POWER_DEVICES'],
    'SiC 功率器件与储能变流器模块；SiC power devices and storage converter modules.',
    2012,
    280,
  ),
  sme(
    'twin-factory',
    '深圳数字孪生工厂科技有限公司',
    'TwinFactory',
    '440300',
    'MA5D7F9H2',
    'SMALL',
    'INNOVATIVE',
    3,
    ['SMART_MANUFACTURING.DIGITAL_TWIN', 'SMART_MANUFACTURING.INDUSTRIAL_INTERNET'],
    '产线数字孪生与工业互联网平台；production-line digital twins, industrial internet platform.',
    2019,
    40,
  ),
  sme(
    'water-tech',
    '天津净水环保科技有限公司',
    'PureWater Env',
    '120000',
    'MA6K8M1P3',
    'MICRO',
    'NONE',
    0,
    ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
    '工业废水零排放膜处理；zero-liquid-discharge membrane treatment (待审核 pending verification).',
    2021,
    12,
    false,
  ),
];
