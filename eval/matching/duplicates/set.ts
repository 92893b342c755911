/**
 * The labelled duplicate-demand set: 16 demands, each posted by several enterprises (reworded, translated into
 * the other language, or split in two), and near misses written against them (the same field with another
 * technology, the same technology for another application, generic words), plus generic demands.
 */
import type { DemandGroup, DuplicateChallenge } from './types.js';

type C = Omit<DuplicateChallenge, 'key'>;
const c = (key: string, x: C): DuplicateChallenge => ({ key, ...x });

export const GROUPS: DemandGroup[] = [
  {
    name: 'storage thermal-runaway warning',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d01-o', {
          titleZh: '电化学储能电站锂电池热失控早期预警技术',
          summaryZh:
            '面向百兆瓦时级电网侧储能电站，征集锂离子电池热失控早期预警方案，融合电池舱内氢气、一氧化碳浓度与电压温度数据，实现热失控前的提前告警，降低储能电站火灾风险。',
          requirements: [
            { name: '热失控预警提前时间', target: '≥10 min' },
            { name: '误报率', target: '≤1%' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d01-r', {
          titleZh: '储能电池舱热失控多参数融合监测预警',
          summaryZh:
            '我司新能源配储项目需要一套储能电池舱安全监测系统，通过可燃气体探测、电芯温度和电压趋势分析，在锂电池热失控发生前发出预警并联动消防。',
          requirements: [
            { name: '预警提前量', target: '不少于10分钟' },
            { name: '气体探测种类', target: 'H2、CO、VOC' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE', 'BATTERY.THERMAL_MANAGEMENT'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d01-t', {
          titleEn:
            'Early warning of lithium battery thermal runaway in grid-scale energy storage stations',
          summaryEn:
            'For grid-side battery energy storage stations of over 100 MWh we seek early warning of lithium-ion battery thermal runaway, fusing hydrogen and carbon monoxide gas detection with cell voltage and temperature data, to alarm before thermal runaway and cut the fire risk.',
          requirements: [
            { name: 'Warning lead time before thermal runaway', target: '≥ 10 min' },
            { name: 'False alarm rate', target: '≤ 1 %' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d01-n1', {
          titleZh: '电动汽车动力电池包热失控预警与热扩散防护',
          summaryZh:
            '面向乘用车动力电池包，开发基于BMS数据的热失控预警算法和电芯间隔热材料，满足整车热扩散5分钟逃生要求。',
          requirements: [{ name: '热扩散报警到起火时间', target: '≥5 min' }],
          technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d01-n2', {
          titleZh: '储能电站全氟己酮自动灭火系统',
          summaryZh:
            '为集装箱式储能电站配置全氟己酮气体灭火装置，要求舱级和簇级两级喷放，灭火后不复燃。',
          requirements: [{ name: '灭火剂喷放时间', target: '≤10 s' }],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
        }),
      },
    ],
  },
  {
    name: 'sodium-ion storage',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d02-o', {
          titleZh: '风光配储用钠离子电池储能系统示范',
          summaryZh:
            '面向西北风电光伏场站配套储能，征集钠离子电池电芯及储能系统集成方案，要求低温性能好、循环寿命长，建设10MWh级示范项目。',
          requirements: [
            { name: '电芯循环寿命', target: '≥6000次' },
            { name: '-20℃容量保持率', target: '≥88%' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE', 'BATTERY'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d02-r', {
          titleZh: '新能源场站钠电储能电站建设',
          summaryZh:
            '集团拟在新疆光伏基地配建一座钠离子电池储能电站，寻找具备钠电电芯量产能力和储能系统集成经验的合作方，重点考核高寒地区运行可靠性和循环次数。',
          requirements: [
            { name: '储能规模', target: '10MWh/5MW' },
            { name: '低温放电', target: '-20℃下容量≥88%' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d02-t', {
          titleEn: 'Sodium-ion battery energy storage for wind and solar farms',
          summaryEn:
            'We look for sodium-ion battery cells and a storage system integrator for a 10 MWh demonstration plant paired with wind and solar farms in the north-west, with good low-temperature performance and long cycle life.',
          requirements: [
            { name: 'Cell cycle life', target: '≥ 6000 cycles' },
            { name: 'Capacity retention at -20 °C', target: '≥ 88 %' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d02-n1', {
          titleZh: '电动两轮车用钠离子电池包',
          summaryZh:
            '为电动自行车和电摩开发钠离子电池包，替代铅酸电池，要求体积与现有48V铅酸电池相当。',
          requirements: [{ name: '电池包能量', target: '≥1 kWh' }],
          technicalFieldCodes: ['BATTERY'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d02-n2', {
          titleZh: '全钒液流电池长时储能系统',
          summaryZh:
            '面向4小时以上长时储能，征集全钒液流电池电堆和电解液方案，提升电堆功率密度、降低系统成本。',
          requirements: [{ name: '系统能量效率', target: '≥75%' }],
          technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
        }),
      },
    ],
  },
  {
    name: 'PEM electrolyser',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d03-o', {
          titleZh: '兆瓦级质子交换膜电解水制氢装备',
          summaryZh:
            '为绿氢项目征集兆瓦级PEM电解槽，要求能跟随光伏出力快速变载，降低铱催化剂载量和单位制氢电耗。',
          requirements: [
            { name: '直流电耗', target: '≤4.3 kWh/Nm³' },
            { name: '阳极铱载量', target: '≤0.5 mg/cm²' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d03-r', {
          titleZh: 'PEM电解槽低铱催化剂与宽功率波动运行',
          summaryZh:
            '我公司风光制氢一体化项目需要质子交换膜电解槽，在可再生能源波动输入下稳定制氢，同时降低贵金属铱用量和电耗。',
          requirements: [
            { name: '单槽产氢量', target: '≥200 Nm³/h' },
            { name: '功率调节范围', target: '10%-120%' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d03-t', {
          titleEn: 'Megawatt proton exchange membrane (PEM) water electrolyser',
          summaryEn:
            'For a green hydrogen project we need a megawatt PEM electrolyser that follows fluctuating photovoltaic power, with low iridium catalyst loading and low power consumption per cubic metre of hydrogen.',
          requirements: [
            { name: 'DC power consumption', target: '≤ 4.3 kWh/Nm³' },
            { name: 'Anode iridium loading', target: '≤ 0.5 mg/cm²' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d03-n1', {
          titleZh: '车用氢燃料电池电堆寿命提升',
          summaryZh: '面向重卡燃料电池系统，提升质子交换膜燃料电池电堆耐久性，降低铂载量。',
          requirements: [{ name: '电堆寿命', target: '≥20000 h' }],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d03-n2', {
          titleEn: 'Alkaline electrolyser stack with thinner diaphragm',
          summaryEn:
            'An alkaline water electrolysis stack of 1000 Nm³/h with a composite diaphragm, to lower the cell voltage at high current density.',
          requirements: [{ name: 'Cell voltage at 4000 A/m²', target: '≤ 1.9 V' }],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
    ],
  },
  {
    name: 'type IV hydrogen tank',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d04-o', {
          titleZh: '70MPa车载IV型储氢瓶研制',
          summaryZh:
            '为氢燃料电池汽车研制70MPa IV型储氢气瓶，包括高阻隔塑料内胆和碳纤维缠绕层设计与工艺，通过型式试验。',
          requirements: [
            { name: '质量储氢密度', target: '≥5.5wt%' },
            { name: '内胆氢气渗透率', target: '≤6 NmL/h/L' },
            { name: '碳纤维缠绕爆破压力', target: '≥157.5 MPa' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN', 'NEW_MATERIALS.COMPOSITES'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d04-t', {
          titleEn: '70 MPa type IV on-board hydrogen storage cylinder',
          summaryEn:
            'Develop a 70 MPa type IV hydrogen cylinder for fuel cell vehicles: a high-barrier plastic liner and the carbon fibre winding design and process, passing the type tests.',
          requirements: [
            { name: 'Gravimetric hydrogen storage density', target: '≥ 5.5 wt%' },
            { name: 'Liner hydrogen permeation', target: '≤ 6 NmL/h/L' },
            { name: 'Burst pressure', target: '≥ 157.5 MPa' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d04-s1', {
          titleZh: 'IV型储氢瓶高阻隔塑料内胆材料',
          summaryZh:
            '开发用于70MPa IV型储氢瓶的尼龙或高密度聚乙烯内胆材料及滚塑成型工艺，降低氢气渗透。',
          requirements: [{ name: '氢气渗透率', target: '≤6 NmL/h/L' }],
          technicalFieldCodes: ['NEW_MATERIALS.POLYMERS', 'NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d04-s2', {
          titleZh: '储氢瓶碳纤维缠绕层设计与湿法缠绕工艺',
          summaryZh:
            '针对70MPa车载储氢气瓶，优化碳纤维缠绕铺层设计和缠绕工艺，减少碳纤维用量并满足爆破压力要求。',
          requirements: [{ name: '爆破压力', target: '≥157.5 MPa' }],
          technicalFieldCodes: ['NEW_MATERIALS.COMPOSITES'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d04-n1', {
          titleZh: '车载CNG天然气气瓶轻量化',
          summaryZh: '为天然气重卡开发碳纤维全缠绕车载CNG气瓶，降低气瓶自重。',
          requirements: [{ name: '工作压力', target: '20 MPa' }],
          technicalFieldCodes: ['NEW_MATERIALS.COMPOSITES'],
        }),
      },
    ],
  },
  {
    name: 'washer spin noise',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d05-o', {
          titleZh: '滚筒洗衣机高速脱水振动与噪声抑制',
          summaryZh:
            '征集滚筒洗衣机在1400转高速脱水时的减振降噪方案，包括悬挂减振系统和不平衡检测控制算法。',
          requirements: [
            { name: '脱水噪声', target: '≤70 dB(A)' },
            { name: '箱体振幅', target: '≤1 mm' },
          ],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d05-r', {
          titleZh: '洗衣机脱水偏心振动抑制与降噪',
          summaryZh:
            '我司滚筒洗衣机在高转速脱水阶段振动大、噪音高，需要减振器和负载偏心识别算法，让整机脱水更安静。',
          requirements: [
            { name: '1400rpm脱水声功率', target: '≤70 dB' },
            { name: '偏心识别准确率', target: '≥95%' },
          ],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d05-t', {
          titleEn:
            'Vibration and noise reduction for front-loading washing machines during high-speed spin',
          summaryEn:
            'We seek ways to cut vibration and noise of front-loading washing machines spinning at 1400 rpm: suspension dampers and an unbalanced-load detection and control algorithm.',
          requirements: [
            { name: 'Spin noise', target: '≤ 70 dB(A)' },
            { name: 'Cabinet vibration amplitude', target: '≤ 1 mm' },
          ],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d05-n1', {
          titleZh: '冰箱变频压缩机运行噪声降低',
          summaryZh: '降低风冷冰箱变频压缩机和风机运行噪声，优化压缩机减振橡胶垫。',
          requirements: [{ name: '整机噪声', target: '≤35 dB' }],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d05-n2', {
          titleZh: '洗衣机洗涤剂智能投放系统',
          summaryZh: '为滚筒洗衣机开发洗涤剂和柔顺剂自动投放装置，按衣物重量和脏污程度精准投放。',
          requirements: [{ name: '投放精度', target: '±2 mL' }],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES'],
        }),
      },
    ],
  },
  {
    name: 'low-temperature heat pump',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d06-o', {
          titleEn: 'Air-source heat pump for space heating at -30 °C',
          summaryEn:
            'An air-source heat pump for home heating in severe cold regions that still heats efficiently at an outdoor temperature of -30 °C, with enhanced vapour injection compressors and fast defrosting.',
          requirements: [
            { name: 'Heating COP at -25 °C', target: '≥ 2.0' },
            { name: 'Defrost time', target: '≤ 5 min' },
          ],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES', 'ENVIRONMENTAL_TECH.ENERGY_EFFICIENCY'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d06-t', {
          titleZh: '-30℃超低温空气源热泵采暖机组',
          summaryZh:
            '面向严寒地区家庭采暖，开发室外-30℃仍能高效制热的空气源热泵，采用喷气增焓压缩机并缩短除霜时间。',
          requirements: [
            { name: '-25℃制热能效比', target: '≥2.0' },
            { name: '除霜时间', target: '≤5分钟' },
          ],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d06-n1', {
          titleZh: '纯电动汽车热泵空调系统',
          summaryZh: '为纯电动乘用车开发热泵空调，冬季提升续航，兼顾电池热管理。',
          requirements: [{ name: '-10℃制热COP', target: '≥2.0' }],
          technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
        }),
      },
    ],
  },
  {
    name: 'battery weld inspection vision',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d07-o', {
          titleZh: '动力电池模组激光焊缝视觉检测',
          summaryZh:
            '征集动力电池模组汇流排激光焊接后的焊缝缺陷在线视觉检测方案，识别虚焊、炸点、偏焊等缺陷，适配产线节拍。',
          requirements: [
            { name: '缺陷检出率', target: '≥99.5%' },
            { name: '单焊缝检测时间', target: '≤0.5 s' },
          ],
          technicalFieldCodes: ['SMART_MANUFACTURING.MACHINE_VISION'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d07-r', {
          titleZh: '电池模组焊接质量3D视觉在线检测',
          summaryZh:
            '需要在电池PACK产线上对汇流排与极柱的激光焊接质量进行三维视觉检测，自动判定焊偏、爆点、虚焊并剔除不良品。',
          requirements: [
            { name: '漏检率', target: '≤0.05%' },
            { name: '检测节拍', target: '≤0.5秒/焊点' },
          ],
          technicalFieldCodes: [
            'SMART_MANUFACTURING.MACHINE_VISION',
            'ARTIFICIAL_INTELLIGENCE.COMPUTER_VISION',
          ],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d07-t', {
          titleEn: 'Machine vision inspection of laser welds on battery modules',
          summaryEn:
            'In-line machine vision inspection of busbar laser welds on traction battery modules, detecting false welds, spatter and offset welds at line speed.',
          requirements: [
            { name: 'Defect detection rate', target: '≥ 99.5 %' },
            { name: 'Inspection time per weld', target: '≤ 0.5 s' },
          ],
          technicalFieldCodes: ['SMART_MANUFACTURING.MACHINE_VISION'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d07-n1', {
          titleZh: 'PCB印制电路板表面缺陷AOI视觉检测',
          summaryZh: '为PCB产线开发自动光学检测设备，识别线路短路、断路和阻焊缺陷。',
          requirements: [{ name: '缺陷检出率', target: '≥99%' }],
          technicalFieldCodes: ['SMART_MANUFACTURING.MACHINE_VISION'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d07-n2', {
          titleZh: '电池模组激光焊接机器人工作站',
          summaryZh: '建设动力电池模组汇流排激光焊接机器人工作站，提升焊接效率和一致性。',
          requirements: [{ name: '焊接节拍', target: '≤1 s/焊点' }],
          technicalFieldCodes: ['SMART_MANUFACTURING.ROBOTICS'],
        }),
      },
    ],
  },
  {
    name: 'giga-casting rear floor',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d08-o', {
          titleZh: '新能源汽车后地板一体化压铸技术',
          summaryZh:
            '采用超大型压铸机一体化压铸新能源汽车后地板总成，需开发免热处理铝合金材料和大型压铸模具，替代70余个冲压焊接零件。',
          requirements: [
            { name: '免热处理铝合金屈服强度', target: '≥120 MPa' },
            { name: '压铸模具寿命', target: '≥8万模次' },
          ],
          technicalFieldCodes: ['NEW_MATERIALS', 'SMART_MANUFACTURING'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d08-t', {
          titleEn: 'Giga-casting of the rear underbody of electric vehicles',
          summaryEn:
            'Cast the rear underbody of an electric vehicle in one piece on a very large die-casting machine, which needs a non-heat-treated aluminium alloy and a large die-casting die, replacing more than 70 stamped and welded parts.',
          requirements: [
            { name: 'Yield strength of the non-heat-treated aluminium alloy', target: '≥ 120 MPa' },
            { name: 'Die life', target: '≥ 80,000 shots' },
          ],
          technicalFieldCodes: ['NEW_MATERIALS'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d08-s1', {
          titleZh: '一体化压铸用免热处理铝合金材料',
          summaryZh: '开发汽车车身一体化压铸用免热处理高强韧铝合金，铸态即满足强度和延伸率要求。',
          requirements: [
            { name: '铸态屈服强度', target: '≥120 MPa' },
            { name: '延伸率', target: '≥10%' },
          ],
          technicalFieldCodes: ['NEW_MATERIALS'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d08-s2', {
          titleZh: '超大型一体化压铸模具设计与制造',
          summaryZh: '为后地板一体化压铸件设计制造大型压铸模具，解决模具热平衡和寿命问题。',
          requirements: [{ name: '模具寿命', target: '≥8万模次' }],
          technicalFieldCodes: ['SMART_MANUFACTURING'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d08-n1', {
          titleZh: '笔记本电脑镁合金外壳薄壁压铸',
          summaryZh: '为3C产品开发镁合金薄壁压铸外壳工艺，壁厚0.6毫米。',
          requirements: [{ name: '壁厚', target: '≤0.6 mm' }],
          technicalFieldCodes: ['NEW_MATERIALS'],
        }),
      },
    ],
  },
  {
    name: 'flue-gas CO2 capture',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d09-o', {
          titleZh: '燃煤电厂烟气二氧化碳捕集低能耗吸收剂',
          summaryZh:
            '为燃煤电厂烟气CO2捕集示范工程征集新型胺基吸收剂，降低再生能耗和吸收剂降解损耗。',
          requirements: [
            { name: '再生能耗', target: '≤2.4 GJ/tCO2' },
            { name: '捕集率', target: '≥90%' },
          ],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.CARBON_CAPTURE'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d09-r', {
          titleZh: '电厂烟气碳捕集化学吸收工艺节能改进',
          summaryZh:
            '我厂十万吨级二氧化碳捕集装置再生蒸汽消耗高，需要低能耗复合胺吸收剂和工艺优化，减少胺液损耗。',
          requirements: [
            { name: '吨二氧化碳再生热耗', target: '≤2.4 GJ' },
            { name: 'CO2捕集率', target: '≥90%' },
          ],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.CARBON_CAPTURE'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d09-t', {
          titleEn: 'Low-energy solvent for carbon dioxide capture from coal power plant flue gas',
          summaryEn:
            'For a CO2 capture demonstration at a coal-fired power plant we seek a new amine solvent with lower regeneration energy and less solvent degradation.',
          requirements: [
            { name: 'Regeneration energy', target: '≤ 2.4 GJ/t CO2' },
            { name: 'Capture rate', target: '≥ 90 %' },
          ],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.CARBON_CAPTURE'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d09-n1', {
          titleZh: '二氧化碳加氢制甲醇催化剂',
          summaryZh: '利用捕集的二氧化碳与绿氢合成甲醇，征集高选择性铜基催化剂。',
          requirements: [{ name: '甲醇选择性', target: '≥90%' }],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.CARBON_CAPTURE'],
        }),
      },
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d09-n2', {
          titleZh: '燃煤电厂烟气湿法脱硫废水处理',
          summaryZh: '处理燃煤电厂石灰石-石膏湿法脱硫产生的高盐废水，实现达标排放。',
          requirements: [{ name: '出水悬浮物', target: '≤70 mg/L' }],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
        }),
      },
    ],
  },
  {
    name: 'polyimide film for flexible displays',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d10-o', {
          titleZh: '柔性显示用透明聚酰亚胺薄膜国产化',
          summaryZh:
            '为折叠屏手机盖板征集无色透明聚酰亚胺薄膜，要求高透光率、低黄度，耐20万次弯折。',
          requirements: [
            { name: '透光率', target: '≥89%' },
            { name: '黄度指数', target: '≤3' },
            { name: '弯折次数', target: '≥20万次' },
          ],
          technicalFieldCodes: ['NEW_MATERIALS.POLYMERS'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d10-t', {
          titleEn: 'Colourless transparent polyimide film for flexible displays',
          summaryEn:
            'A colourless polyimide film for the cover window of foldable phones, with high light transmittance, a low yellowness index and 200,000 folds.',
          requirements: [
            { name: 'Light transmittance', target: '≥ 89 %' },
            { name: 'Yellowness index', target: '≤ 3' },
            { name: 'Folding cycles', target: '≥ 200,000' },
          ],
          technicalFieldCodes: ['NEW_MATERIALS.POLYMERS'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d10-n1', {
          titleZh: '新能源汽车驱动电机耐电晕聚酰亚胺绝缘膜',
          summaryZh: '为800V扁线电机开发耐电晕聚酰亚胺薄膜绝缘材料。',
          requirements: [{ name: '耐电晕寿命', target: '≥100 h' }],
          technicalFieldCodes: ['NEW_MATERIALS.POLYMERS'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d10-n2', {
          titleZh: 'OLED柔性屏薄膜封装材料',
          summaryZh: '开发柔性OLED显示屏的薄膜封装用有机无机叠层材料，阻隔水氧。',
          requirements: [{ name: '水汽透过率', target: '≤1e-6 g/m²/day' }],
          technicalFieldCodes: ['NEW_MATERIALS'],
        }),
      },
    ],
  },
  {
    name: 'automotive SiC MOSFET',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d11-o', {
          titleZh: '车规级1200V碳化硅MOSFET功率模块',
          summaryZh:
            '为800V高压平台电驱逆变器征集车规级碳化硅MOSFET功率模块，要求低导通电阻和高可靠性，通过AQG324认证。',
          requirements: [
            { name: '导通电阻', target: '≤13 mΩ' },
            { name: '结温', target: '≥175℃' },
          ],
          technicalFieldCodes: ['SEMICONDUCTORS.POWER_DEVICES'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d11-r', {
          titleZh: '800V电驱用SiC功率模块国产替代',
          summaryZh:
            '我司800V电驱动系统需要国产碳化硅MOSFET模块，满足车规可靠性要求，替代进口产品。',
          requirements: [
            { name: '阻断电压', target: '1200 V' },
            { name: '可靠性', target: '通过AQG324' },
          ],
          technicalFieldCodes: ['SEMICONDUCTORS.POWER_DEVICES'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d11-t', {
          titleEn: 'Automotive-grade 1200 V silicon carbide MOSFET power modules',
          summaryEn:
            'Automotive-grade SiC MOSFET power modules for the traction inverter of an 800 V platform, with low on-resistance and high reliability, qualified to AQG 324.',
          requirements: [
            { name: 'On-resistance', target: '≤ 13 mΩ' },
            { name: 'Junction temperature', target: '≥ 175 °C' },
          ],
          technicalFieldCodes: ['SEMICONDUCTORS.POWER_DEVICES'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d11-n1', {
          titleZh: '光伏逆变器用碳化硅功率器件',
          summaryZh: '为组串式光伏逆变器开发碳化硅二极管和MOSFET，提高逆变器效率。',
          requirements: [{ name: '逆变器最高效率', target: '≥99%' }],
          technicalFieldCodes: ['SEMICONDUCTORS.POWER_DEVICES', 'NEW_ENERGY.PHOTOVOLTAIC'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d11-n2', {
          titleEn: 'Automotive IGBT modules with double-sided cooling',
          summaryEn:
            'Silicon IGBT power modules with double-sided cooling for the traction inverters of hybrid vehicles.',
          requirements: [{ name: 'Thermal resistance', target: '≤ 0.1 K/W' }],
          technicalFieldCodes: ['SEMICONDUCTORS.POWER_DEVICES'],
        }),
      },
    ],
  },
  {
    name: 'high-salinity wastewater zero discharge',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d12-o', {
          titleZh: '煤化工高盐废水零排放与分盐资源化',
          summaryZh:
            '煤化工园区高盐废水需实现零排放，征集膜浓缩、纳滤分盐和MVR蒸发结晶整体工艺，产出工业级氯化钠和硫酸钠。',
          requirements: [
            { name: '氯化钠纯度', target: '≥98.5%' },
            { name: '吨水处理能耗', target: '≤30 kWh' },
          ],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d12-t', {
          titleEn:
            'Zero liquid discharge of high-salinity coal chemical wastewater with salt recovery',
          summaryEn:
            'A zero liquid discharge process for high-salinity wastewater of a coal chemical park: membrane concentration, nanofiltration salt separation and MVR evaporation and crystallisation, producing industrial-grade sodium chloride and sodium sulfate.',
          requirements: [
            { name: 'Sodium chloride purity', target: '≥ 98.5 %' },
            { name: 'Energy per tonne of water', target: '≤ 30 kWh' },
          ],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d12-s1', {
          titleZh: '高盐废水纳滤分盐工艺',
          summaryZh:
            '采用纳滤膜对煤化工浓盐水进行一二价盐分离，为后续结晶得到高纯氯化钠和硫酸钠创造条件。',
          requirements: [{ name: '硫酸根截留率', target: '≥98%' }],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d12-s2', {
          titleZh: '浓盐水MVR蒸发结晶装置节能',
          summaryZh:
            '煤化工高盐废水零排放项目的MVR蒸发结晶装置能耗高、易结垢，需改进工艺产出合格氯化钠结晶盐。',
          requirements: [
            { name: '吨水蒸发电耗', target: '≤30 kWh' },
            { name: '氯化钠纯度', target: '≥98.5%' },
          ],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'GENERIC_WORDS',
        challenge: c('d12-n1', {
          titleZh: '城镇污水处理厂深度脱氮除磷',
          summaryZh: '城镇污水处理厂提标改造，出水总氮和总磷达到地表水准四类标准。',
          requirements: [{ name: '出水总氮', target: '≤10 mg/L' }],
          technicalFieldCodes: ['ENVIRONMENTAL_TECH.WATER_TREATMENT'],
        }),
      },
    ],
  },
  {
    name: 'CNC spindle predictive maintenance',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d13-o', {
          titleZh: '数控机床主轴故障预测与健康管理',
          summaryZh:
            '采集数控机床主轴振动、温度和电流数据，建立主轴轴承故障预测模型，提前安排维护，减少非计划停机。',
          requirements: [
            { name: '故障预测准确率', target: '≥90%' },
            { name: '预警提前期', target: '≥72 h' },
          ],
          technicalFieldCodes: [
            'ARTIFICIAL_INTELLIGENCE.INDUSTRIAL_AI',
            'SMART_MANUFACTURING.INDUSTRIAL_INTERNET',
          ],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d13-r', {
          titleZh: '加工中心主轴轴承剩余寿命预测',
          summaryZh:
            '我厂数百台加工中心主轴突发故障频繁，希望基于振动和温升监测数据预测主轴轴承剩余寿命，实现预测性维护。',
          requirements: [
            { name: '剩余寿命预测误差', target: '≤15%' },
            { name: '提前预警', target: '≥3天' },
          ],
          technicalFieldCodes: ['ARTIFICIAL_INTELLIGENCE.INDUSTRIAL_AI'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d13-t', {
          titleEn: 'Predictive maintenance of CNC machine tool spindles',
          summaryEn:
            'Collect vibration, temperature and current data of CNC machine tool spindles and build a fault prediction model for spindle bearings, so that maintenance is planned ahead and unplanned downtime falls.',
          requirements: [
            { name: 'Fault prediction accuracy', target: '≥ 90 %' },
            { name: 'Warning lead time', target: '≥ 72 h' },
          ],
          technicalFieldCodes: ['ARTIFICIAL_INTELLIGENCE.INDUSTRIAL_AI'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d13-n1', {
          titleZh: '风电机组齿轮箱故障预警',
          summaryZh: '基于风电机组SCADA和振动数据，预测齿轮箱轴承和齿面故障。',
          requirements: [{ name: '故障预警准确率', target: '≥85%' }],
          technicalFieldCodes: ['NEW_ENERGY.WIND', 'ARTIFICIAL_INTELLIGENCE.INDUSTRIAL_AI'],
        }),
      },
      {
        kind: 'GENERIC_WORDS',
        challenge: c('d13-n2', {
          titleZh: '智能工厂设备数字化管理平台',
          summaryZh: '建设覆盖全厂设备的数字化管理平台，实现设备台账、点检和维修工单线上管理。',
          requirements: [{ name: '接入设备数量', target: '≥500台' }],
          technicalFieldCodes: ['SMART_MANUFACTURING.INDUSTRIAL_INTERNET'],
        }),
      },
    ],
  },
  {
    name: 'refrigerator vacuum insulation panel',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d14-o', {
          titleZh: '冰箱用长寿命真空绝热板',
          summaryZh:
            '为高端冰箱开发低导热系数、长寿命的真空绝热板，改进芯材和阻隔膜，降低整机能耗。',
          requirements: [
            { name: '中心导热系数', target: '≤2.0 mW/(m·K)' },
            { name: '使用寿命', target: '≥15年' },
          ],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES', 'NEW_MATERIALS'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d14-t', {
          titleEn: 'Long-life vacuum insulation panels for refrigerators',
          summaryEn:
            'Vacuum insulation panels with low thermal conductivity and a long life for premium refrigerators, with a better core material and barrier film, to cut energy consumption.',
          requirements: [
            { name: 'Centre thermal conductivity', target: '≤ 2.0 mW/(m·K)' },
            { name: 'Service life', target: '≥ 15 years' },
          ],
          technicalFieldCodes: ['SMART_HOME.APPLIANCES'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d14-n1', {
          titleZh: '建筑外墙保温用真空绝热板',
          summaryZh: '开发适用于建筑外墙保温的真空绝热板系统，满足A级防火要求。',
          requirements: [{ name: '燃烧性能', target: 'A级' }],
          technicalFieldCodes: ['NEW_MATERIALS'],
        }),
      },
    ],
  },
  {
    name: 'sulfide solid electrolyte',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d15-o', {
          titleEn: 'Sulfide solid electrolyte powder for all-solid-state batteries',
          summaryEn:
            'For all-solid-state batteries we need a sulfide solid electrolyte powder with high ionic conductivity, stability in dry-room air and a low-cost synthesis route at kilogram scale.',
          requirements: [
            { name: 'Room-temperature ionic conductivity', target: '≥ 5 mS/cm' },
            { name: 'H2S release in dry room', target: '≤ 0.1 cm³/g' },
          ],
          technicalFieldCodes: ['BATTERY.SOLID_STATE'],
        }),
      },
      {
        kind: 'REWORDED',
        challenge: c('d15-r', {
          titleEn: 'Air-stable argyrodite sulfide electrolyte at kilogram scale',
          summaryEn:
            'Our solid-state battery line needs an argyrodite-type sulfide electrolyte that keeps its ionic conductivity after exposure to dry-room air, made by a scalable, low-cost process in kilogram batches.',
          requirements: [
            { name: 'Ionic conductivity at 25 °C', target: '≥ 5 mS/cm' },
            { name: 'Batch size', target: '≥ 1 kg' },
          ],
          technicalFieldCodes: ['BATTERY.SOLID_STATE'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d15-t', {
          titleZh: '全固态电池用硫化物固态电解质粉体',
          summaryZh:
            '面向全固态电池，征集室温离子电导率高、干燥间空气稳定性好的硫化物固态电解质粉体及公斤级低成本合成工艺。',
          requirements: [
            { name: '室温离子电导率', target: '≥5 mS/cm' },
            { name: '干燥间硫化氢释放量', target: '≤0.1 cm³/g' },
          ],
          technicalFieldCodes: ['BATTERY.SOLID_STATE'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d15-n1', {
          titleZh: '氧化物固态电解质LLZO陶瓷片',
          summaryZh: '开发石榴石型LLZO氧化物固态电解质陶瓷片，用于固态锂金属电池。',
          requirements: [{ name: '致密度', target: '≥98%' }],
          technicalFieldCodes: ['BATTERY.SOLID_STATE'],
        }),
      },
      {
        kind: 'SAME_FIELD_OTHER_TECHNOLOGY',
        challenge: c('d15-n2', {
          titleEn: 'Ceramic-coated separators for lithium-ion batteries',
          summaryEn:
            'Alumina and boehmite ceramic-coated polyolefin separators for lithium-ion battery cells, with low shrinkage at 150 °C.',
          requirements: [{ name: 'Thermal shrinkage at 150 °C', target: '≤ 3 %' }],
          technicalFieldCodes: ['BATTERY.LITHIUM_ION'],
        }),
      },
    ],
  },
  {
    name: 'hydrogen refuelling station compressor',
    variants: [
      {
        kind: 'ORIGINAL',
        challenge: c('d16-o', {
          titleZh: '35MPa/70MPa加氢站核心装备国产化',
          summaryZh:
            '为加氢站征集国产化核心装备，包括45MPa/90MPa氢气隔膜压缩机和具备高精度计量的加氢机。',
          requirements: [
            { name: '压缩机排量', target: '≥500 kg/d' },
            { name: '加氢机计量误差', target: '≤±1.5%' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'TRANSLATED',
        challenge: c('d16-t', {
          titleEn: 'Domestic core equipment for 35/70 MPa hydrogen refuelling stations',
          summaryEn:
            'Core equipment for hydrogen refuelling stations made in China: 45/90 MPa hydrogen diaphragm compressors and hydrogen dispensers with accurate metering.',
          requirements: [
            { name: 'Compressor capacity', target: '≥ 500 kg/d' },
            { name: 'Dispenser metering error', target: '≤ ±1.5 %' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d16-s1', {
          titleZh: '加氢站用90MPa氢气隔膜压缩机',
          summaryZh: '研制加氢站用90MPa氢气隔膜压缩机，提高膜片寿命和排量。',
          requirements: [
            { name: '膜片寿命', target: '≥4000 h' },
            { name: '排量', target: '≥500 kg/d' },
          ],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
      {
        kind: 'SPLIT',
        challenge: c('d16-s2', {
          titleZh: '70MPa加氢机高精度氢气计量',
          summaryZh: '开发70MPa加氢站加氢机，采用高精度科里奥利质量流量计实现氢气计量。',
          requirements: [{ name: '计量误差', target: '≤±1.5%' }],
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
        }),
      },
    ],
    nearMisses: [
      {
        kind: 'SAME_TECHNOLOGY_OTHER_APPLICATION',
        challenge: c('d16-n1', {
          titleZh: '天然气长输管道压缩机组国产化',
          summaryZh: '为天然气长输管道压气站研制20MW级电驱离心压缩机组。',
          requirements: [{ name: '单机功率', target: '20 MW' }],
          technicalFieldCodes: ['HIGH_END_EQUIPMENT.POWER_EQUIPMENT'],
        }),
      },
    ],
  },
];

/** Demands that share only generic words with the groups' (系统, 平台, 检测, 材料, system, testing …). */
export const GENERIC: { challenge: DuplicateChallenge; against: string[] }[] = [
  {
    against: ['d01-o', 'd01-r', 'd01-t', 'd13-o', 'd13-r'],
    challenge: c('g01', {
      titleZh: '集团能源管理系统平台建设',
      summaryZh: '建设覆盖集团各工厂的能源管理系统平台，实现水电气数据采集、监测预警和能耗分析。',
      requirements: [{ name: '数据采集点数', target: '≥10000' }],
      technicalFieldCodes: ['ENVIRONMENTAL_TECH.ENERGY_EFFICIENCY'],
    }),
  },
  {
    against: ['d07-o', 'd07-r', 'd07-t', 'd13-o', 'd13-t'],
    challenge: c('g02', {
      titleZh: '生产线智能化改造系统集成服务',
      summaryZh: '对现有装配生产线进行智能化改造，提供系统集成、数据采集和质量检测服务。',
      requirements: [{ name: '改造工期', target: '≤6个月' }],
      technicalFieldCodes: ['SMART_MANUFACTURING'],
    }),
  },
  {
    against: ['d10-o', 'd10-t', 'd15-o', 'd15-r', 'd15-t'],
    challenge: c('g03', {
      titleEn: 'Materials testing and certification services',
      summaryEn:
        'Testing and certification of new materials for our product lines: mechanical, thermal and chemical tests to national and international standards.',
      requirements: [{ name: 'Accredited test items', target: '≥ 200' }],
      technicalFieldCodes: ['NEW_MATERIALS'],
    }),
  },
];

/** Different demands of the same field, labelled so that the set says they must not be linked. */
export const OTHER_DEMANDS: [string, string][] = [
  ['d01-o', 'd02-o'],
  ['d01-t', 'd02-t'],
  ['d02-o', 'd15-t'],
  ['d03-o', 'd16-o'],
  ['d03-t', 'd16-t'],
  ['d04-o', 'd16-o'],
  ['d07-o', 'd13-o'],
  ['d09-o', 'd12-o'],
  ['d11-o', 'd01-o'],
  ['d06-o', 'd14-t'],
];
