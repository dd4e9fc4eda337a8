/**
 * Names of the jurisdictions a document's `jurisdiction` (ISO 3166-2:CN) can name, for the
 * region facet: CN is the whole country (全国), CN-XX a province-level division.
 */
const NAMES: Record<string, string> = {
  CN: '全国',
  'CN-BJ': '北京市',
  'CN-TJ': '天津市',
  'CN-HE': '河北省',
  'CN-SX': '山西省',
  'CN-NM': '内蒙古自治区',
  'CN-LN': '辽宁省',
  'CN-JL': '吉林省',
  'CN-HL': '黑龙江省',
  'CN-SH': '上海市',
  'CN-JS': '江苏省',
  'CN-ZJ': '浙江省',
  'CN-AH': '安徽省',
  'CN-FJ': '福建省',
  'CN-JX': '江西省',
  'CN-SD': '山东省',
  'CN-HA': '河南省',
  'CN-HB': '湖北省',
  'CN-HN': '湖南省',
  'CN-GD': '广东省',
  'CN-GX': '广西壮族自治区',
  'CN-HI': '海南省',
  'CN-CQ': '重庆市',
  'CN-SC': '四川省',
  'CN-GZ': '贵州省',
  'CN-YN': '云南省',
  'CN-XZ': '西藏自治区',
  'CN-SN': '陕西省',
  'CN-GS': '甘肃省',
  'CN-QH': '青海省',
  'CN-NX': '宁夏回族自治区',
  'CN-XJ': '新疆维吾尔自治区',
  'CN-TW': '台湾省',
  'CN-HK': '香港特别行政区',
  'CN-MO': '澳门特别行政区',
};

/** Province-level codes in the order of the national standard's table (GB/T 2260), 全国 first. */
export const REGION_ORDER = Object.keys(NAMES);

/**
 * The name of a jurisdiction code; the code itself when unknown.
 * @example regionName('CN-SD') // '山东省'
 */
export function regionName(code: string): string {
  return NAMES[code] ?? code;
}

/** A province name → its code, for importers that know only the name (山东 → CN-SD). */
export function regionCode(name: string): string | undefined {
  const hit = Object.entries(NAMES).find(
    ([, n]) =>
      n === name || n.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '') === name,
  );
  return hit?.[0];
}
