/** Province-level administrative divisions (GB/T 2260) and GB/T 4754-2017 industry sections. Pure data. */
export const PROVINCES: Record<string, { zh: string; en: string }> = {
  '110000': { zh: '北京市', en: 'Beijing' },
  '120000': { zh: '天津市', en: 'Tianjin' },
  '130000': { zh: '河北省', en: 'Hebei' },
  '140000': { zh: '山西省', en: 'Shanxi' },
  '150000': { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  '210000': { zh: '辽宁省', en: 'Liaoning' },
  '220000': { zh: '吉林省', en: 'Jilin' },
  '230000': { zh: '黑龙江省', en: 'Heilongjiang' },
  '310000': { zh: '上海市', en: 'Shanghai' },
  '320000': { zh: '江苏省', en: 'Jiangsu' },
  '330000': { zh: '浙江省', en: 'Zhejiang' },
  '340000': { zh: '安徽省', en: 'Anhui' },
  '350000': { zh: '福建省', en: 'Fujian' },
  '360000': { zh: '江西省', en: 'Jiangxi' },
  '370000': { zh: '山东省', en: 'Shandong' },
  '410000': { zh: '河南省', en: 'Henan' },
  '420000': { zh: '湖北省', en: 'Hubei' },
  '430000': { zh: '湖南省', en: 'Hunan' },
  '440000': { zh: '广东省', en: 'Guangdong' },
  '450000': { zh: '广西壮族自治区', en: 'Guangxi' },
  '460000': { zh: '海南省', en: 'Hainan' },
  '500000': { zh: '重庆市', en: 'Chongqing' },
  '510000': { zh: '四川省', en: 'Sichuan' },
  '520000': { zh: '贵州省', en: 'Guizhou' },
  '530000': { zh: '云南省', en: 'Yunnan' },
  '540000': { zh: '西藏自治区', en: 'Tibet' },
  '610000': { zh: '陕西省', en: 'Shaanxi' },
  '620000': { zh: '甘肃省', en: 'Gansu' },
  '630000': { zh: '青海省', en: 'Qinghai' },
  '640000': { zh: '宁夏回族自治区', en: 'Ningxia' },
  '650000': { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  '710000': { zh: '台湾省', en: 'Taiwan' },
  '810000': { zh: '香港特别行政区', en: 'Hong Kong' },
  '820000': { zh: '澳门特别行政区', en: 'Macao' },
};

export const PROVINCE_CODES = Object.keys(PROVINCES);

/** GB/T 4754-2017 sections (门类). */
export const INDUSTRY_SECTIONS: Record<string, { zh: string; en: string }> = {
  A: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  B: { zh: '采矿业', en: 'Mining' },
  C: { zh: '制造业', en: 'Manufacturing' },
  D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' },
  E: { zh: '建筑业', en: 'Construction' },
  F: { zh: '批发和零售业', en: 'Wholesale and retail trade' },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  H: { zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  I: {
    zh: '信息传输、软件和信息技术服务业',
    en: 'Information transmission, software and IT services',
  },
  J: { zh: '金融业', en: 'Finance' },
  K: { zh: '房地产业', en: 'Real estate' },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  M: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  N: {
    zh: '水利、环境和公共设施管理业',
    en: 'Water, environment and public facilities management',
  },
  O: { zh: '居民服务、修理和其他服务业', en: 'Resident, repair and other services' },
  P: { zh: '教育', en: 'Education' },
  Q: { zh: '卫生和社会工作', en: 'Health and social work' },
  R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  S: {
    zh: '公共管理、社会保障和社会组织',
    en: 'Public administration, social security and social organisations',
  },
  T: { zh: '国际组织', en: 'International organisations' },
};

export const INDUSTRY_SECTION_CODES = Object.keys(INDUSTRY_SECTIONS);
