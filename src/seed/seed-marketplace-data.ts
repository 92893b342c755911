/**
 * The demo marketplace (发榜/揭榜) drawn from the source article: the alliance's founders issue challenges that
 * stand at every stage of the lifecycle, and the demo SMEs answer them. Keys refer to DEMO_ENTERPRISES and
 * DEMO_SMES (seed-data.ts). What each challenge goes through is in `stage`; seed-marketplace.ts plays it
 * through the API.
 */

/** The stage a demo challenge is brought to. */
export type DemoStage =
  'DRAFT' | 'PENDING_REVIEW' | 'PUBLISHED' | 'CLOSED' | 'IN_PUBLICITY' | 'AWARDED' | 'FAILED';

export interface DemoQuestion {
  sme: string;
  question: string;
  /** Absent: the question stays unanswered (the issuer sees it waiting). */
  answer?: string;
}

export interface DemoProposal {
  sme: string;
  title: string;
  summary: string;
  technicalApproach: string;
  quotedPriceFen: string;
  durationMonths: number;
  /** Scores per criterion (0 to 10), one list per reviewer, for the stages after the deadline. */
  scores?: number[][];
}

export interface DemoChallenge {
  key: string;
  issuer: string;
  stage: DemoStage;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  description: string;
  technicalFieldCodes: string[];
  industryCode: string;
  chainGoal: 'STABILIZE' | 'SUPPLEMENT' | 'CONSOLIDATE' | 'STRENGTHEN';
  demandType: 'TECH_BREAKTHROUGH' | 'TECH_TRANSFORMATION' | 'SCENARIO_VALIDATION' | 'PROCUREMENT';
  cooperationModes: string[];
  budgetMinFen: string;
  budgetMaxFen: string;
  bountyFen: string;
  terms?: string;
  requirements: {
    name: string;
    target: string;
    unit?: string;
    weight: number;
    mustHave?: boolean;
  }[];
  criteria: { name: string; weight: number; veto?: boolean }[];
  questions?: DemoQuestion[];
  proposals?: DemoProposal[];
  /** IN_PUBLICITY / AWARDED: the winning SME (its award is the quoted price). */
  winner?: string;
  /** IN_PUBLICITY: the SME that objects to the winner, and why. */
  objection?: { sme: string; reason: string };
  /** FAILED: why the challenge ended without a winner (流榜). */
  failedReason?: string;
}

const CRITERIA = [
  { name: '技术先进性 Technical merit', weight: 40 },
  { name: '可行性与交付 Feasibility', weight: 40 },
  { name: '团队能力 Team', weight: 20 },
];

export const DEMO_CHALLENGES: DemoChallenge[] = [
  {
    key: 'haier-vision',
    issuer: 'haier',
    stage: 'DRAFT',
    titleZh: '家电外观缺陷在线视觉检测',
    titleEn: 'Inline visual inspection of appliance surface defects',
    summaryZh: '冰箱、洗衣机钣金与喷涂件的划伤、凹坑、色差在线检测，节拍 6 秒/件。',
    summaryEn:
      'Inline detection of scratches, dents and colour shifts on sheet-metal and painted parts, 6 s per part.',
    description: '产线布局、现有相机型号与缺陷样本库（保密）。',
    technicalFieldCodes: ['SMART_MANUFACTURING.MACHINE_VISION'],
    industryCode: 'C',
    chainGoal: 'STRENGTHEN',
    demandType: 'TECH_TRANSFORMATION',
    cooperationModes: ['COMMISSIONED_DEVELOPMENT'],
    budgetMinFen: '30000000',
    budgetMaxFen: '80000000',
    bountyFen: '500000',
    requirements: [
      { name: '漏检率 Miss rate', target: '< 0.1', unit: '%', weight: 60, mustHave: true },
      { name: '节拍 Cycle time', target: '≤ 6', unit: 's', weight: 40 },
    ],
    criteria: CRITERIA,
  },
  {
    key: 'astrazeneca-dx',
    issuer: 'astrazeneca',
    stage: 'PENDING_REVIEW',
    titleZh: '肺癌早筛液体活检伴随诊断',
    titleEn: 'Liquid-biopsy companion diagnostic for early lung-cancer screening',
    summaryZh: '基于 ctDNA 甲基化的肺癌早筛试剂盒，灵敏度与特异性双高，可在县域医院落地。',
    summaryEn:
      'A ctDNA-methylation lung-cancer screening kit with high sensitivity and specificity, deployable in county hospitals.',
    description: '临床队列设计与样本来源（保密）。',
    technicalFieldCodes: ['BIOMEDICINE.DIAGNOSTICS'],
    industryCode: 'C',
    chainGoal: 'SUPPLEMENT',
    demandType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['JOINT_DEVELOPMENT', 'LICENSE'],
    budgetMinFen: '100000000',
    budgetMaxFen: '300000000',
    bountyFen: '2000000',
    requirements: [
      { name: '灵敏度 Sensitivity', target: '≥ 85', unit: '%', weight: 50, mustHave: true },
      { name: '特异性 Specificity', target: '≥ 95', unit: '%', weight: 50, mustHave: true },
    ],
    criteria: CRITERIA,
  },
  {
    key: 'haier-iot',
    issuer: 'haier',
    stage: 'PUBLISHED',
    titleZh: '低功耗家电物联网通信模组',
    titleEn: 'Low-power IoT communication module for home appliances',
    summaryZh: '支持 Matter 与星闪的双模模组，待机功耗低于 0.3 W，适配 HOPE 智慧家庭场景。',
    summaryEn:
      'A dual-mode Matter / NearLink module with standby power under 0.3 W for HOPE smart-home scenarios.',
    description: '现有模组 BOM 与目标成本（对所有登录用户可见，无保密协议）。',
    technicalFieldCodes: ['SMART_HOME.IOT', 'SMART_HOME.APPLIANCES'],
    industryCode: 'C',
    chainGoal: 'SUPPLEMENT',
    demandType: 'PROCUREMENT',
    cooperationModes: ['PROCUREMENT', 'JOINT_DEVELOPMENT'],
    budgetMinFen: '20000000',
    budgetMaxFen: '60000000',
    bountyFen: '300000',
    requirements: [
      { name: '待机功耗 Standby power', target: '< 0.3', unit: 'W', weight: 60, mustHave: true },
      { name: '模组成本 Unit cost', target: '≤ 18', unit: 'CNY', weight: 40 },
    ],
    criteria: CRITERIA,
    questions: [
      {
        sme: 'iot-home',
        question:
          '是否接受基于现有 Wi-Fi 模组的升级方案？Would an upgrade of an existing Wi-Fi module qualify?',
        answer: '接受，但须满足待机功耗指标。Yes, if it meets the standby-power target.',
      },
      {
        sme: 'twin-factory',
        question: '样机测试在青岛还是由揭榜方自测？Is the prototype tested in Qingdao?',
        answer: '在海尔青岛 HOPE 开放实验室统一测试。In the HOPE open lab in Qingdao.',
      },
      {
        sme: 'vision-qc',
        question: '年采购量预计多少？What is the expected yearly volume?',
      },
    ],
    proposals: [
      {
        sme: 'iot-home',
        title: '星闪 + Matter 双模低功耗模组',
        summary: 'Dual-mode module on a 22 nm SoC; 0.21 W measured standby.',
        technicalApproach: '22 nm SoC，深度睡眠 + 唤醒帧；Deep sleep with wake-up frames.',
        quotedPriceFen: '35000000',
        durationMonths: 9,
      },
    ],
  },
  {
    key: 'shanghai-electric-storage',
    issuer: 'shanghai-electric',
    stage: 'PUBLISHED',
    titleZh: '电网侧储能电站锂电池热失控早期预警',
    titleEn: 'Early warning of thermal runaway in grid-side battery storage',
    summaryZh: '面向百兆瓦级储能电站，需要在热失控发生前十分钟给出预警。',
    summaryEn:
      'Grid-scale storage plants need a warning ten minutes before thermal runaway of lithium batteries.',
    description: '电芯型号 LFP 280Ah、如东站点现场条件、现有 BMS 厂商（保密，须先接受保密协议）。',
    technicalFieldCodes: ['NEW_ENERGY.STORAGE', 'BATTERY.THERMAL_MANAGEMENT'],
    industryCode: 'D',
    chainGoal: 'STRENGTHEN',
    demandType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['JOINT_DEVELOPMENT'],
    budgetMinFen: '50000000',
    budgetMaxFen: '200000000',
    bountyFen: '1000000',
    terms:
      '保密协议：揭榜方对本榜单的保密描述及现场数据负有保密义务，期限五年。NDA: five years of confidentiality on the description and site data.',
    requirements: [
      {
        name: '预警提前时间 Warning lead time',
        target: '≥ 10',
        unit: 'min',
        weight: 60,
        mustHave: true,
      },
      { name: '误报率 False alarms', target: '< 1', unit: '%', weight: 40 },
    ],
    criteria: CRITERIA,
    questions: [
      {
        sme: 'heat-guard',
        question: '能否提供历史热失控事件的 BMS 数据？Can you share BMS data of past incidents?',
        answer: '接受保密协议后可在中试线调阅。After accepting the NDA, on the pilot line.',
      },
    ],
    proposals: [
      {
        sme: 'heat-guard',
        title: '多源融合热失控早期预警系统',
        summary:
          'Gas, pressure and impedance sensing fused at cell level; 14 min lead time in tests.',
        technicalApproach: '特征气体 + 电化学阻抗谱 + 边缘 AI 模型。Gas + EIS + edge AI.',
        quotedPriceFen: '150000000',
        durationMonths: 18,
      },
      {
        sme: 'power-chip',
        title: '基于 SiC 变流器的电芯级监测',
        summary: 'Cell-level monitoring inside the SiC power-conversion system.',
        technicalApproach: '变流器内嵌阻抗测量。Impedance measured by the converter itself.',
        quotedPriceFen: '120000000',
        durationMonths: 12,
      },
    ],
  },
  {
    key: 'baowu-carbon',
    issuer: 'baowu',
    stage: 'CLOSED',
    titleZh: '钢铁烟气二氧化碳低成本捕集',
    titleEn: 'Low-cost CO2 capture from steel-mill flue gas',
    summaryZh: '高炉煤气与烧结烟气 CO2 捕集，目标成本低于 200 元/吨，年捕集 10 万吨示范。',
    summaryEn:
      'CO2 capture from blast-furnace and sinter flue gas below CNY 200/t, 100 kt/yr demonstration.',
    description: '烟气成分、场地与公辅条件（保密）。',
    technicalFieldCodes: ['ENVIRONMENTAL_TECH.CARBON_CAPTURE', 'NEW_MATERIALS.ADVANCED_STEEL'],
    industryCode: 'C',
    chainGoal: 'CONSOLIDATE',
    demandType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['JOINT_DEVELOPMENT', 'TECH_TRANSFER'],
    budgetMinFen: '200000000',
    budgetMaxFen: '500000000',
    bountyFen: '3000000',
    requirements: [
      { name: '捕集成本 Capture cost', target: '< 200', unit: 'CNY/t', weight: 70, mustHave: true },
      { name: '捕集率 Capture rate', target: '≥ 90', unit: '%', weight: 30 },
    ],
    criteria: CRITERIA,
    proposals: [
      {
        sme: 'carbon-cap',
        title: '相变吸收剂低能耗捕集工艺',
        summary: 'Phase-change solvent; 2.1 GJ/t regeneration energy.',
        technicalApproach: '相变吸收剂 + 级间冷却。Phase-change solvent with inter-cooling.',
        quotedPriceFen: '400000000',
        durationMonths: 24,
        scores: [
          [8, 7, 8],
          [9, 7, 7],
        ],
      },
      {
        sme: 'steel-coat',
        title: '耐腐蚀吸收塔涂层与捕集集成',
        summary: 'Corrosion-resistant absorber coatings with an amine capture package.',
        technicalApproach: '有机胺 + 防腐涂层塔内件。Amine with coated internals.',
        quotedPriceFen: '300000000',
        durationMonths: 20,
        scores: [[6, 8, 7]],
      },
      {
        sme: 'twin-factory',
        title: '捕集装置数字孪生优化',
        summary: 'Digital-twin optimisation of an existing capture unit.',
        technicalApproach: '机理 + 数据混合模型。Hybrid physics and data model.',
        quotedPriceFen: '80000000',
        durationMonths: 10,
      },
    ],
  },
  {
    key: 'shanghai-electric-hydrogen',
    issuer: 'shanghai-electric',
    stage: 'IN_PUBLICITY',
    titleZh: '氢燃料电池重卡动力系统电堆',
    titleEn: 'Fuel-cell stack for hydrogen heavy trucks',
    summaryZh: '额定功率 150 kW 以上、寿命 2 万小时的重卡燃料电池电堆。',
    summaryEn: 'A heavy-truck fuel-cell stack rated above 150 kW with a 20,000-hour life.',
    description: '整车平台与测试工况（保密）。',
    technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
    industryCode: 'C',
    chainGoal: 'STABILIZE',
    demandType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['JOINT_DEVELOPMENT'],
    budgetMinFen: '300000000',
    budgetMaxFen: '800000000',
    bountyFen: '5000000',
    requirements: [
      { name: '额定功率 Rated power', target: '≥ 150', unit: 'kW', weight: 50, mustHave: true },
      { name: '寿命 Life', target: '≥ 20000', unit: 'h', weight: 50 },
    ],
    criteria: CRITERIA,
    proposals: [
      {
        sme: 'hydro-core',
        title: '170 kW 金属双极板电堆',
        summary: 'A 170 kW metal-bipolar-plate stack, 22,000 h in accelerated tests.',
        technicalApproach: '超薄金属双极板 + 低铂膜电极。Thin metal plates, low-platinum MEA.',
        quotedPriceFen: '600000000',
        durationMonths: 24,
        scores: [
          [9, 9, 8],
          [9, 8, 9],
        ],
      },
      {
        sme: 'solid-cell',
        title: '燃料电池-固态电池混合动力',
        summary: 'A fuel-cell and solid-state battery hybrid.',
        technicalApproach: '固态电池缓冲峰值功率。Solid-state buffer for peaks.',
        quotedPriceFen: '500000000',
        durationMonths: 30,
        scores: [
          [7, 6, 7],
          [6, 7, 6],
        ],
      },
    ],
    winner: 'hydro-core',
    objection: {
      sme: 'solid-cell',
      reason:
        '中选方案的寿命数据来自加速试验，未经第三方验证。The life data of the winner is not independently verified.',
    },
  },
  {
    key: 'astrazeneca-ai',
    issuer: 'astrazeneca',
    stage: 'AWARDED',
    titleZh: 'AI 辅助小分子先导化合物发现',
    titleEn: 'AI-assisted discovery of small-molecule leads',
    summaryZh: '针对两个肿瘤靶点，用生成式模型给出可合成的先导化合物并完成体外验证。',
    summaryEn:
      'Generative models proposing synthesisable leads for two oncology targets, validated in vitro.',
    description: '靶点结构与既有化合物库（保密）。',
    technicalFieldCodes: ['BIOMEDICINE.INNOVATIVE_DRUGS', 'ARTIFICIAL_INTELLIGENCE.NLP'],
    industryCode: 'M',
    chainGoal: 'STRENGTHEN',
    demandType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['COMMISSIONED_DEVELOPMENT'],
    budgetMinFen: '50000000',
    budgetMaxFen: '150000000',
    bountyFen: '1000000',
    requirements: [
      { name: '先导化合物数 Leads', target: '≥ 5', weight: 60, mustHave: true },
      { name: 'IC50', target: '< 100', unit: 'nM', weight: 40 },
    ],
    criteria: CRITERIA,
    proposals: [
      {
        sme: 'drug-ai',
        title: '扩散模型 + 自动化合成验证',
        summary: 'Diffusion-model generation with automated synthesis and assays.',
        technicalApproach: '结构生成 + 逆合成打分 + 高通量筛选。Generation, retrosynthesis, HTS.',
        quotedPriceFen: '120000000',
        durationMonths: 12,
        scores: [
          [9, 8, 9],
          [8, 9, 8],
        ],
      },
      {
        sme: 'bio-dx',
        title: '表型筛选结合 AI 靶点验证',
        summary: 'Phenotypic screening with AI target validation.',
        technicalApproach: '类器官表型筛选。Organoid phenotypic screens.',
        quotedPriceFen: '90000000',
        durationMonths: 15,
        scores: [
          [7, 7, 7],
          [6, 7, 8],
        ],
      },
    ],
    winner: 'drug-ai',
  },
  {
    key: 'china-resources-water',
    issuer: 'china-resources',
    stage: 'FAILED',
    titleZh: '医药园区工业废水零排放',
    titleEn: 'Zero liquid discharge for a pharmaceutical park',
    summaryZh: '高盐制药废水蒸发结晶与回用，吨水处理成本低于 30 元。',
    summaryEn:
      'Evaporation, crystallisation and reuse of saline pharmaceutical wastewater below CNY 30 per tonne.',
    description: '水质数据与园区管网（保密）。',
    technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
    industryCode: 'N',
    chainGoal: 'CONSOLIDATE',
    demandType: 'SCENARIO_VALIDATION',
    cooperationModes: ['TECH_SERVICE'],
    budgetMinFen: '10000000',
    budgetMaxFen: '40000000',
    bountyFen: '200000',
    requirements: [
      { name: '吨水成本 Cost per tonne', target: '< 30', unit: 'CNY', weight: 100, mustHave: true },
    ],
    criteria: CRITERIA,
    proposals: [
      {
        sme: 'steel-coat',
        title: '耐腐蚀蒸发器材料方案',
        summary: 'Corrosion-resistant evaporator materials only; no full process.',
        technicalApproach: '防腐涂层蒸发器。Coated evaporators.',
        quotedPriceFen: '35000000',
        durationMonths: 8,
        scores: [[3, 4, 5]],
      },
    ],
    failedReason: '无方案满足吨水成本要求，流榜。No proposal met the cost target.',
  },
];

/** Further experts of the pool (the seed's first expert is DEMO_EXPERT). */
export const DEMO_MORE_EXPERTS = [
  {
    email: 'expert2@demo.innovation.cn',
    displayName: '李研究员 Dr. Li',
    affiliationName: '中国科学院大连化学物理研究所 DICP, CAS',
    fieldCodes: ['NEW_ENERGY.HYDROGEN', 'ENVIRONMENTAL_TECH.CARBON_CAPTURE'],
  },
  {
    email: 'expert3@demo.innovation.cn',
    displayName: '陈博士 Dr. Chen',
    affiliationName: '复旦大学药学院 Fudan School of Pharmacy',
    fieldCodes: ['BIOMEDICINE.INNOVATIVE_DRUGS', 'BIOMEDICINE.DIAGNOSTICS'],
  },
];
