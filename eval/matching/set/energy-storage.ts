/** Energy storage and batteries: sodium-ion storage, pack cooling, sulfide electrolytes, second-life sorting. */
import { fit, sme, trap, type AreaPart } from './helpers.js';

const C01 = 'c01-sodium-storage';
const C02 = 'c02-bus-pack-cooling';
const C03 = 'c03-sulfide-electrolyte';
const C04 = 'c04-second-life-sorting';

export const energyStorage: AreaPart = {
  challenges: [
    {
      key: C01,
      lang: 'ZH',
      titleZh: '新能源场站钠离子电池储能示范应用',
      summaryZh:
        '面向风光新能源场站配套储能，征集钠离子电池电芯及成套储能装置方案，要求低温性能好、循环寿命长，能在-20℃环境下稳定运行。拟在西北地区开展10MWh级示范。',
      requirements: [
        { name: '电芯循环寿命（80%容量保持）', target: '≥6000', unit: '次' },
        { name: '电芯质量能量密度', target: '≥150', unit: 'Wh/kg' },
        { name: '-20℃放电容量保持率', target: '≥88', unit: '%' },
        { name: '储能单元综合效率', target: '≥88', unit: '%' },
      ],
      industryCode: 'D',
      technicalFieldCodes: ['NEW_ENERGY.STORAGE', 'BATTERY'],
      minQualification: 'SPECIALIZED',
      allowedRegionCodes: [],
      excludedApproaches: [{ zh: '铅炭电池', en: 'lead-carbon batteries' }],
    },
    {
      key: C02,
      lang: 'EN',
      titleEn: 'Liquid cooling plates for electric bus battery packs',
      summaryEn:
        'A city-bus maker wants to co-develop liquid cooling for its traction battery packs, replacing the forced-air cooling used today. Cells must stay within 5 °C of each other during 2C fast charging in summer depots.',
      requirements: [
        { name: 'Maximum cell-to-cell temperature difference', target: '≤ 5', unit: '°C' },
        {
          name: 'Pressure drop across the cooling plates at 10 L/min',
          target: '≤ 30',
          unit: 'kPa',
        },
        { name: 'Leak tightness', target: 'no leak at 0.6 MPa for 10 min' },
        { name: 'Added mass per pack', target: '≤ 18', unit: 'kg' },
      ],
      industryCode: 'C',
      technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
      minQualification: 'INNOVATIVE',
      allowedRegionCodes: [],
    },
    {
      key: C03,
      lang: 'BOTH',
      titleZh: '全固态电池用硫化物固态电解质材料开发',
      titleEn: 'Sulfide solid electrolyte for all-solid-state batteries',
      summaryZh:
        '面向全固态电池量产，征集硫化物固态电解质粉体及其低成本合成工艺，要求室温离子电导率高、空气稳定性好，可公斤级稳定供货。',
      summaryEn:
        'For the mass production of all-solid-state batteries we look for sulfide solid electrolyte powders and a low-cost synthesis route with high room-temperature ionic conductivity, good stability in dry-room air and kilogram-scale supply.',
      requirements: [
        {
          name: '室温离子电导率 Room-temperature ionic conductivity',
          target: '≥ 10',
          unit: 'mS/cm',
        },
        {
          name: '干燥间空气暴露24小时后电导率保持率 Conductivity retained after 24 h in dry-room air',
          target: '≥ 80',
          unit: '%',
        },
        { name: '单批产量 Batch size', target: '≥ 50', unit: 'kg' },
        { name: '粒径D50 Particle size D50', target: '≤ 3', unit: 'μm' },
      ],
      industryCode: 'C',
      technicalFieldCodes: ['BATTERY.SOLID_STATE', 'NEW_MATERIALS'],
      minQualification: 'NONE',
      allowedRegionCodes: ['310000', '320000', '330000', '340000'],
      excludedApproaches: [
        { zh: '聚合物固态电解质', en: 'polymer solid electrolytes' },
        { zh: '氧化物固态电解质', en: 'oxide solid electrolytes' },
      ],
    },
    {
      key: C04,
      lang: 'ZH',
      titleZh: '退役动力电池梯次利用快速检测与分选技术',
      summaryZh:
        '针对退役动力电池包拆解后的模组，征集快速健康状态评估与一致性分选技术，用于通信基站备电的梯次利用，替代基站现有的铅酸蓄电池。单模组检测时间不超过10分钟，不接受依赖完整充放电循环的离线检测方案。',
      requirements: [
        { name: '健康状态（SOH）估计误差', target: '≤3', unit: '%' },
        { name: '单模组检测时间', target: '≤10', unit: '分钟' },
        { name: '分选后同组容量极差', target: '≤5', unit: '%' },
      ],
      industryCode: 'I',
      technicalFieldCodes: ['BATTERY.LITHIUM_ION', 'ENVIRONMENTAL_TECH'],
      minQualification: 'INNOVATIVE',
      allowedRegionCodes: [],
    },
  ],

  smes: [
    sme({
      key: 's001-nachuang-sodium',
      lang: 'ZH',
      nameZh: '安徽钠创新能源科技有限公司',
      regionCode: '340000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '公司专注钠离子电池正负极材料与电芯研发制造，采用层状氧化物正极+硬碳负极体系，已建成1GWh电芯产线。产品具备优异的低温性能，-20℃容量保持率达90%以上，循环寿命超过6000次，适用于电力储能与工商业储能。',
      keywords: ['钠离子电池', '硬碳负极', '层状氧化物', '储能电芯', '低温电池'],
      products: [
        {
          name: 'NC-180Ah钠离子储能电芯',
          description: '能量密度155Wh/kg，-20℃放电保持率91%，循环6000次以上。',
        },
        { name: '钠离子储能电池簇', description: '1P52S模组，液冷，可直接接入储能变流器。' },
      ],
      pastProjects: [
        {
          title: '某省电网公司5MWh钠离子储能电站',
          year: 2025,
          clientIndustryCode: 'D',
          outcome: '已并网运行，冬季最低-18℃正常放电。',
        },
      ],
      technicalRoutes: [
        { zh: '层状氧化物正极', en: 'layered oxide cathode' },
        { zh: '硬碳负极', en: 'hard carbon anode' },
      ],
      technicalFieldCodes: ['BATTERY', 'NEW_ENERGY.STORAGE'],
    }),
    sme({
      key: 's002-tidewell-na-ion',
      lang: 'EN',
      nameEn: 'Tidewell Energy Systems Co., Ltd.',
      regionCode: '320000',
      qualification: 'LITTLE_GIANT',
      capabilityStatement:
        'Tidewell makes sodium-ion cells and containerised energy storage systems for utility and renewable plants. Our Prussian-white cathode cells keep over 88% of their capacity at -20 °C and pass 6,000 cycles to 80%. We integrate BMS, liquid cooling and fire suppression in 20-ft containers.',
      keywords: ['sodium-ion', 'energy storage', 'BESS', 'containerised storage', 'cold climate'],
      products: [
        {
          name: 'TW-NA 5MWh container',
          description:
            'Sodium-ion battery container, 20 ft, liquid cooled, round-trip efficiency 89%.',
        },
      ],
      pastProjects: [
        {
          title: 'Sodium-ion pilot plant at a wind farm in Inner Mongolia',
          year: 2025,
          clientIndustryCode: 'D',
          outcome: 'In service through its first winter without derating.',
        },
      ],
      technicalRoutes: [{ en: 'Prussian white cathode' }],
    }),
    sme({
      key: 's003-hengyuan-epc',
      lang: 'ZH',
      nameZh: '浙江恒源电力工程有限公司',
      regionCode: '330000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '深耕集中式储能电站EPC总包与并网调试，累计交付超过1.2GWh，电芯方案兼容磷酸铁锂与钠电两条路线，可提供寒区保温与舱级温控设计。',
      keywords: ['EPC总包', '并网调试', '寒区项目'],
      pastProjects: [
        {
          title: '青海某光伏基地配套储能电站总包',
          year: 2024,
          clientIndustryCode: 'D',
          outcome: '200MWh，按期并网，首年可用率99.2%。',
        },
      ],
    }),
    sme({
      key: 's004-beichen-nabattery',
      lang: 'ZH',
      nameZh: '北辰钠电（常州）科技有限公司',
      regionCode: '320000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        '初创团队来自高校钠离子电池课题组，掌握聚阴离子正极材料合成与钠离子电芯设计，中试线已量产100Ah储能电芯，循环寿命8000次，低温-30℃仍可放电。',
      keywords: ['钠离子电池', '聚阴离子正极', '储能电芯', '长循环'],
      technicalRoutes: [{ zh: '聚阴离子正极' }],
      technicalFieldCodes: ['BATTERY', 'NEW_ENERGY.STORAGE'],
    }),
    sme({
      key: 's005-tianneng-leadcarbon',
      lang: 'ZH',
      nameZh: '河南天能铅炭储能有限公司',
      regionCode: '410000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '主营铅炭电池及储能电站，产品成本低、安全性高，循环寿命4000次，广泛用于用户侧削峰填谷。',
      keywords: ['铅炭电池', '储能电池', '削峰填谷', '储能电站'],
      technicalRoutes: [{ zh: '铅炭电池' }],
      technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    }),
    sme({
      key: 's006-xiaolv-ebike-na',
      lang: 'ZH',
      nameZh: '无锡小驴动力电池有限公司',
      regionCode: '320000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '为两轮电动车和低速车提供钠离子电池包，替换铅酸电池，重量减轻40%，支持快充。',
      keywords: ['钠离子电池', '两轮车电池', '电动自行车', '快充'],
      products: [{ name: '48V20Ah钠电池包', description: '适配主流电动自行车，支持-20℃使用。' }],
      technicalFieldCodes: ['BATTERY'],
    }),
    sme({
      key: 's007-guangyao-inverter',
      lang: 'BOTH',
      nameZh: '广耀电气股份有限公司',
      nameEn: 'Guangyao Electric',
      regionCode: '440000',
      qualification: 'LITTLE_GIANT',
      capabilityStatement:
        '专业研发组串式光伏逆变器与储能变流器（PCS）。Guangyao designs string PV inverters and power conversion systems for storage plants, 1,500 V, up to 320 kW per unit.',
      keywords: ['光伏逆变器', 'PCS', 'power conversion system', 'PV inverter'],
      technicalFieldCodes: ['NEW_ENERGY.PHOTOVOLTAIC', 'HIGH_END_EQUIPMENT.POWER_EQUIPMENT'],
    }),
    sme({
      key: 's008-qingquan-water',
      lang: 'ZH',
      nameZh: '清泉循环水系统工程有限公司',
      regionCode: '370000',
      qualification: 'NONE',
      capabilityStatement: '提供工业循环冷却水系统设计、改造与运维服务，节水率可达30%。',
      keywords: ['循环水', '冷却塔', '水处理系统'],
      technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
    }),
    sme({
      key: 's009-ruineng-lfp',
      lang: 'ZH',
      nameZh: '江西瑞能储能科技有限公司',
      regionCode: '360000',
      qualification: 'LITTLE_GIANT',
      capabilityStatement:
        '磷酸铁锂储能电芯与储能系统一体化供应商，280Ah/314Ah电芯年产能8GWh，循环寿命12000次，产品已出口欧洲与澳洲。',
      keywords: ['磷酸铁锂', '储能电芯', '储能系统', '314Ah'],
      technicalRoutes: [{ zh: '磷酸铁锂' }],
      technicalFieldCodes: ['BATTERY.LITHIUM_ION', 'NEW_ENERGY.STORAGE'],
    }),
    sme({
      key: 's010-coldline-plates',
      lang: 'EN',
      nameEn: 'Coldline Thermal Technology (Suzhou) Co., Ltd.',
      regionCode: '320000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        'Brazed and stamped aluminium liquid cooling plates for EV and bus battery packs, from CFD design to serial production. Typical temperature spread under 4 °C at 2C charging; every plate is helium leak tested.',
      keywords: ['liquid cooling plate', 'battery thermal management', 'brazed aluminium', 'CFD'],
      products: [
        {
          name: 'Harmonica-tube cooling plate',
          description: 'Extruded multiport tube with brazed manifolds, 0.8 MPa burst rated.',
        },
        {
          name: 'Stamped twin-sheet cold plate',
          description:
            'For large bus and truck battery packs, pressure drop below 25 kPa at 10 L/min.',
        },
      ],
      pastProjects: [
        {
          title: 'Cooling plates for a 12 m electric city bus platform',
          year: 2024,
          clientIndustryCode: 'C',
          outcome: 'SOP in 2025, 3,000 packs a year.',
        },
      ],
      technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
    }),
    sme({
      key: 's011-aeroflow-eng',
      lang: 'EN',
      nameEn: 'AeroFlow Engineering Ltd.',
      regionCode: '310000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        'Small engineering team designing water-glycol cooled plate heat exchangers for batteries in buses, trucks and construction machinery: simulation, prototypes in 3 weeks, validation to ISO 16750.',
      keywords: ['heat exchangers', 'prototyping'],
    }),
    sme({
      key: 's012-lengxin-yeleng',
      lang: 'ZH',
      nameZh: '东莞冷芯热管理科技有限公司',
      regionCode: '440000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '新能源汽车电池包液冷板与热管理总成供应商，拥有吹胀、钎焊、冲压三条液冷板产线，为多家客车与重卡企业配套。电芯温差可控制在3℃以内。',
      keywords: ['液冷板', '电池包', '热管理', '客车', '钎焊'],
      products: [
        { name: '客车电池包液冷板', description: '钎焊铝液冷板，流阻≤25kPa，1.0MPa保压无泄漏。' },
      ],
      pastProjects: [
        {
          title: '某客车企业12米纯电动公交电池液冷项目',
          year: 2023,
          clientIndustryCode: 'C',
          outcome: '批量供货两万套。',
        },
      ],
    }),
    sme({
      key: 's013-thermacore-bms',
      lang: 'BOTH',
      nameZh: '热核智控（合肥）有限公司',
      nameEn: 'ThermaCore Controls',
      regionCode: '340000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '电池热管理系统集成：热泵空调、液冷机组与控制策略。We supply complete battery thermal management systems for electric buses, including chillers, pumps and control software.',
      keywords: ['热泵', '液冷机组', 'battery thermal management', 'chiller', 'electric bus'],
      technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
    }),
    sme({
      key: 's014-breeze-fans',
      lang: 'EN',
      nameEn: 'Breeze Motion Fans Co.',
      regionCode: '330000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        'EC axial fans and forced-air cooling kits for battery cabinets, bus battery compartments and telecom shelters. IP67 and 15-year bearing life.',
      keywords: ['axial fan', 'forced-air cooling', 'battery compartment', 'EC fan'],
      technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
    }),
    sme({
      key: 's015-datacool',
      lang: 'EN',
      nameEn: 'DataCool Liquid Systems',
      regionCode: '110000',
      qualification: 'LITTLE_GIANT',
      capabilityStatement:
        'Direct-to-chip liquid cooling plates and CDUs for AI servers and data centres; copper micro-channel cold plates handling 1,000 W per GPU.',
      keywords: ['cold plate', 'liquid cooling', 'data centre', 'CDU'],
    }),
    sme({
      key: 's016-pcm-therm',
      lang: 'ZH',
      nameZh: '苏州相变储热材料有限公司',
      regionCode: '320000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        '研发定形相变材料，用于电池模组被动式热管理，无需泵和管路，适合低倍率场景。',
      keywords: ['相变材料', '被动热管理', '电池模组'],
      technicalRoutes: [{ zh: '相变材料被动散热', en: 'passive phase-change cooling' }],
      technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
    }),
    sme({
      key: 's017-voltpark-charging',
      lang: 'EN',
      nameEn: 'VoltPark Charging Solutions',
      regionCode: '440000',
      qualification: 'NONE',
      capabilityStatement:
        'Depot charging for electric bus fleets: 360 kW chargers, pantographs and smart charging schedules.',
      keywords: ['electric bus', 'depot charging', 'pantograph'],
      technicalFieldCodes: ['NEW_ENERGY'],
    }),
    sme({
      key: 's018-heliotest',
      lang: 'EN',
      nameEn: 'HelioTest Instruments',
      regionCode: '310000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        'Helium leak testing systems and pressure decay testers for automotive parts, valves and refrigeration circuits.',
      keywords: ['leak testing', 'pressure decay', 'helium'],
    }),
    sme({
      key: 's019-jinliu-sulfide',
      lang: 'ZH',
      nameZh: '江苏锦硫新材料科技有限公司',
      regionCode: '320000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '专注硫化物固态电解质（Li6PS5Cl银硫锗矿型）规模化制备，采用液相法合成，室温离子电导率达12mS/cm，已具备单批100kg生产能力，产品在干燥间环境下稳定性良好。',
      keywords: ['硫化物固态电解质', '银硫锗矿', '液相合成', '全固态电池'],
      products: [
        { name: 'JL-LPSC电解质粉体', description: '电导率≥12mS/cm，D50约2μm，铝塑袋真空包装。' },
      ],
      technicalRoutes: [{ zh: '硫化物电解质液相法' }],
      technicalFieldCodes: ['BATTERY.SOLID_STATE'],
    }),
    sme({
      key: 's020-argyra',
      lang: 'EN',
      nameEn: 'Argyra Materials (Shanghai) Co., Ltd.',
      regionCode: '310000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        'We produce argyrodite-type sulfide solid electrolytes by mechanochemical synthesis and anneal. Halogen-rich compositions reach 14 mS/cm at 25 °C and tolerate brief exposure to dry-room air with limited H2S release. Pilot line: 30 kg per batch, scale-up to 200 kg under way.',
      keywords: ['sulfide electrolyte', 'argyrodite', 'solid-state battery', 'mechanochemistry'],
      technicalFieldCodes: ['BATTERY.SOLID_STATE', 'NEW_MATERIALS'],
    }),
    sme({
      key: 's021-zhelab-glass',
      lang: 'BOTH',
      nameZh: '杭州固锂科技有限公司',
      nameEn: 'Hangzhou SolidLi Technology',
      regionCode: '330000',
      qualification: 'NONE',
      capabilityStatement:
        '高校团队孵化，研究Li7P3S11玻璃陶瓷硫化物电解质及其与正极的界面包覆。University spin-off working on glass-ceramic sulfide electrolytes and cathode interface coatings; gram to kilogram samples.',
      keywords: ['玻璃陶瓷电解质', 'sulfide', 'interface coating'],
      technicalFieldCodes: ['BATTERY.SOLID_STATE'],
    }),
    sme({
      key: 's022-pengcheng-sulfide',
      lang: 'ZH',
      nameZh: '深圳鹏程固态电池材料有限公司',
      regionCode: '440000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '硫化物固态电解质量产企业，固相法+液相法双路线，电导率10-15mS/cm，空气稳定改性电解质已通过头部电池企业验证。',
      keywords: ['硫化物电解质', '固态电池', '空气稳定'],
      technicalFieldCodes: ['BATTERY.SOLID_STATE'],
    }),
    sme({
      key: 's023-jingsu-electrolyte',
      lang: 'EN',
      nameEn: 'Jingsu Advanced Electrolytes',
      regionCode: '110000',
      qualification: 'LITTLE_GIANT',
      capabilityStatement:
        'Sulfide solid electrolyte powders (Li6PS5Cl, Li10GeP2S12-type) for all-solid-state battery makers, 10+ mS/cm, tonne-scale line in Beijing.',
      keywords: ['sulfide solid electrolyte', 'LGPS', 'all-solid-state'],
      technicalFieldCodes: ['BATTERY.SOLID_STATE'],
    }),
    sme({
      key: 's024-peo-polymer',
      lang: 'ZH',
      nameZh: '上海聚固新能源材料有限公司',
      regionCode: '310000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '聚合物固态电解质膜（PEO基）及半固态电池隔膜涂覆材料供应商，膜厚20μm，60℃电导率1mS/cm。',
      keywords: ['聚合物电解质', 'PEO', '固态电解质膜', '半固态电池'],
      technicalRoutes: [{ zh: '聚合物固态电解质', en: 'polymer electrolyte' }],
      technicalFieldCodes: ['BATTERY.SOLID_STATE'],
    }),
    sme({
      key: 's025-garnet-llzo',
      lang: 'EN',
      nameEn: 'Garnetech Ceramics',
      regionCode: '330000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        'Garnet LLZO oxide solid electrolyte powders and sintered membranes; air stable, 1 mS/cm, for hybrid solid-state batteries.',
      keywords: ['LLZO', 'oxide electrolyte', 'garnet', 'solid-state batteries'],
      technicalRoutes: [{ en: 'oxide solid electrolyte' }],
      technicalFieldCodes: ['BATTERY.SOLID_STATE'],
    }),
    sme({
      key: 's026-zirconox',
      lang: 'EN',
      nameEn: 'Zirconox Sensor Ceramics',
      regionCode: '320000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        'Yttria-stabilised zirconia solid electrolyte elements for oxygen and NOx sensors in vehicles and boilers. Tape casting, co-firing, platinum electrodes.',
      keywords: ['solid electrolyte', 'zirconia', 'oxygen sensor', 'NOx sensor'],
      technicalFieldCodes: ['SEMICONDUCTORS.SENSORS'],
    }),
    sme({
      key: 's027-fenti-mill',
      lang: 'ZH',
      nameZh: '昆山微粉加工有限公司',
      regionCode: '320000',
      qualification: 'NONE',
      capabilityStatement: '提供粉体材料气流粉碎、分级与表面改性代加工，可将粒径D50控制在1-5μm。',
      keywords: ['粉体加工', '气流粉碎', '超细粉体'],
    }),
    sme({
      key: 's028-zukang-eis',
      lang: 'ZH',
      nameZh: '长沙阻抗智能检测技术有限公司',
      regionCode: '430000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '基于电化学阻抗谱与脉冲激励的动力电池快速健康状态评估，无需满充满放，单模组测试约6分钟，SOH估计误差小于2.5%，配套自动分选线已用于梯次利用工厂。',
      keywords: ['电化学阻抗谱', '健康状态', '快速分选', '梯次利用', '退役电池'],
      products: [
        { name: 'EIS-60模组快检仪', description: '6分钟完成模组SOH与内阻评估，支持MES对接。' },
      ],
      technicalFieldCodes: ['BATTERY.LITHIUM_ION'],
    }),
    sme({
      key: 's029-secondwatt',
      lang: 'EN',
      nameEn: 'SecondWatt Analytics',
      regionCode: '310000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        'Rapid state-of-health estimation for retired EV battery modules using impedance spectroscopy and machine learning. A test takes under 8 minutes with no full cycle; grading error below 3%. Used by second-life storage integrators to group modules.',
      keywords: ['state of health', 'second-life batteries', 'impedance', 'battery grading'],
    }),
    sme({
      key: 's030-xunhuan-tidu',
      lang: 'ZH',
      nameZh: '广东循环能源科技有限公司',
      regionCode: '440000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '退役动力电池回收后梯次利用，建有拆解、检测、分选、重组全流程产线，产品为通信备电与低速车电池，年处理2万吨。',
      keywords: ['梯次利用', '退役电池', '通信备电', '分选重组'],
      technicalFieldCodes: ['BATTERY.LITHIUM_ION', 'ENVIRONMENTAL_TECH'],
    }),
    sme({
      key: 's031-xinjian-sorting',
      lang: 'ZH',
      nameZh: '合肥新检电池设备有限公司',
      regionCode: '340000',
      qualification: 'NONE',
      capabilityStatement:
        '研发退役电池模组快速分选设备，采用脉冲法估算健康状态，10分钟内完成检测与分档。',
      keywords: ['退役电池', '快速分选', '健康状态评估'],
      technicalFieldCodes: ['BATTERY.LITHIUM_ION'],
    }),
    sme({
      key: 's032-ceshi-cycler',
      lang: 'ZH',
      nameZh: '深圳精测电池测试设备有限公司',
      regionCode: '440000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '电池充放电测试柜、化成分容设备制造商，可对退役模组进行完整循环容量标定，精度0.05%FS。',
      keywords: ['充放电测试', '分容', '电池检测设备', '退役电池'],
      technicalFieldCodes: ['BATTERY'],
    }),
    sme({
      key: 's033-lvye-hydromet',
      lang: 'ZH',
      nameZh: '湖南绿冶资源再生有限公司',
      regionCode: '430000',
      qualification: 'LITTLE_GIANT',
      capabilityStatement:
        '废旧锂电池湿法冶金回收，镍钴锰回收率98%以上，锂回收率90%，年处理黑粉3万吨。',
      keywords: ['湿法冶金', '电池回收', '黑粉', '碳酸锂'],
      technicalFieldCodes: ['ENVIRONMENTAL_TECH'],
    }),
    sme({
      key: 's034-bms-algo',
      lang: 'BOTH',
      nameZh: '智电算法科技（北京）有限公司',
      nameEn: 'iVolt Algorithms',
      regionCode: '110000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        '为整车企业提供车载BMS中的SOC/SOH估计算法授权。SOH estimation algorithms licensed to carmakers for on-board BMS in new vehicles.',
      keywords: ['BMS', 'SOH估计', 'state of charge'],
      technicalFieldCodes: ['BATTERY'],
    }),
    sme({
      key: 's035-shijian-food',
      lang: 'ZH',
      nameZh: '山东食安快速检测仪器有限公司',
      regionCode: '370000',
      qualification: 'NONE',
      capabilityStatement: '生产农药残留、兽药残留快速检测仪与试剂盒，单样检测时间小于10分钟。',
      keywords: ['快速检测', '农残检测', '试剂盒'],
    }),
    sme({
      key: 's036-jizhan-qiansuan',
      lang: 'ZH',
      nameZh: '江苏基站电源有限公司',
      regionCode: '320000',
      qualification: 'SPECIALIZED',
      capabilityStatement: '通信基站后备电源供应商，主营阀控式铅酸蓄电池与开关电源。',
      keywords: ['通信电源', '铅酸蓄电池', '基站备电'],
    }),
    sme({
      key: 's248-nachu-integrator',
      lang: 'ZH',
      nameZh: '江苏钠储能源科技有限公司',
      regionCode: '320000',
      qualification: 'SPECIALIZED',
      capabilityStatement:
        '钠离子电池储能系统集成商，外购钠离子电芯，自主开发电池管理系统、液冷储能柜与能量管理系统。针对北方场站做了加热保温与低温充电策略，已交付两个兆瓦时级钠电储能项目。',
      keywords: ['钠离子储能', '储能柜', 'BMS', 'EMS', '低温充电'],
      technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    }),
    sme({
      key: 's224-sulfurion',
      lang: 'EN',
      nameEn: 'Sulfurion Chemicals (Nantong)',
      regionCode: '320000',
      qualification: 'INNOVATIVE',
      capabilityStatement:
        'Battery-grade lithium sulfide (Li2S) made by a low-cost carbothermal route, the precursor that dominates the cost of sulfide electrolytes. We also run toll synthesis of Li6PS5Cl for customers at 20-50 kg per batch.',
      keywords: ['lithium sulfide', 'Li2S', 'precursor', 'sulfide electrolyte'],
      technicalFieldCodes: ['NEW_MATERIALS'],
    }),
  ],

  labels: [
    fit(C01, 's001-nachuang-sodium', 2),
    fit(C01, 's002-tidewell-na-ion', 2, 'CROSS_LANGUAGE'),
    fit(C01, 's003-hengyuan-epc', 1, 'ZH_TWO_CHAR'),
    fit(C02, 's010-coldline-plates', 2),
    fit(C02, 's011-aeroflow-eng', 2, 'EN_INFLECTION'),
    fit(C02, 's012-lengxin-yeleng', 2, 'CROSS_LANGUAGE'),
    fit(C02, 's013-thermacore-bms', 1),
    fit(C03, 's019-jinliu-sulfide', 2),
    fit(C03, 's020-argyra', 2),
    fit(C03, 's021-zhelab-glass', 1),
    fit(C04, 's028-zukang-eis', 2),
    fit(C04, 's029-secondwatt', 2, 'CROSS_LANGUAGE'),
    fit(C04, 's030-xunhuan-tidu', 1),
    fit(C01, 's248-nachu-integrator', 1),
    fit(C03, 's224-sulfurion', 1),
  ],

  traps: [
    trap(
      C01,
      's004-beichen-nabattery',
      'INELIGIBLE_QUALIFICATION',
      'sodium-ion storage cells, only INNOVATIVE',
    ),
    trap(C01, 's005-tianneng-leadcarbon', 'NEAR_MISS_ROUTE', 'lead-carbon is excluded'),
    trap(C01, 's006-xiaolv-ebike-na', 'NEAR_MISS_APPLICATION', 'sodium-ion packs for e-bikes'),
    trap(C01, 's007-guangyao-inverter', 'NEAR_MISS_FIELD', 'storage converters, not cells'),
    trap(C01, 's008-qingquan-water', 'NEAR_MISS_GENERIC', 'shares 循环 and 系统'),
    trap(C01, 's009-ruineng-lfp', 'NEAR_MISS_ROUTE', 'LFP storage, not sodium-ion'),
    trap(C02, 's014-breeze-fans', 'NEAR_MISS_REPLACE', 'forced-air cooling is what is replaced'),
    trap(C02, 's015-datacool', 'NEAR_MISS_APPLICATION', 'cold plates for servers'),
    trap(C02, 's016-pcm-therm', 'NEAR_MISS_ROUTE', 'passive phase-change cooling'),
    trap(C02, 's017-voltpark-charging', 'NEAR_MISS_FIELD', 'electric bus charging'),
    trap(C02, 's018-heliotest', 'NEAR_MISS_GENERIC', 'shares leak / pressure'),
    trap(
      C03,
      's022-pengcheng-sulfide',
      'INELIGIBLE_REGION',
      'Guangdong, outside the Yangtze delta',
    ),
    trap(C03, 's023-jingsu-electrolyte', 'INELIGIBLE_REGION', 'Beijing, outside the Yangtze delta'),
    trap(C03, 's024-peo-polymer', 'NEAR_MISS_ROUTE', 'polymer electrolyte is excluded'),
    trap(C03, 's025-garnet-llzo', 'NEAR_MISS_ROUTE', 'oxide electrolyte is excluded'),
    trap(C03, 's026-zirconox', 'NEAR_MISS_APPLICATION', 'solid electrolytes for oxygen sensors'),
    trap(C03, 's027-fenti-mill', 'NEAR_MISS_GENERIC', 'powder milling only'),
    trap(
      C03,
      's001-nachuang-sodium',
      'NEAR_MISS_FIELD',
      'sodium-ion cells, not solid electrolytes',
    ),
    trap(C04, 's031-xinjian-sorting', 'INELIGIBLE_QUALIFICATION', 'fits, but has no SME tier'),
    trap(C04, 's032-ceshi-cycler', 'NEAR_MISS_ROUTE', 'full-cycle testing is excluded'),
    trap(C04, 's033-lvye-hydromet', 'NEAR_MISS_FIELD', 'material recycling, not second life'),
    trap(C04, 's034-bms-algo', 'NEAR_MISS_APPLICATION', 'SOH in new vehicles'),
    trap(C04, 's035-shijian-food', 'NEAR_MISS_GENERIC', 'shares 快速检测'),
    trap(
      C04,
      's036-jizhan-qiansuan',
      'NEAR_MISS_REPLACE',
      'lead-acid backup that second-life packs replace',
    ),
  ],
};
