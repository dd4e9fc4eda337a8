/**
 * The region a title or an authority names, as an ISO 3166-2 code (CN-SD …). Provinces by name;
 * prefecture-level cities of the provinces most often met, and every provincial capital.
 */
const PROVINCES: Array<[string, string, string]> = [
  // [ISO 3166-2 code, province name, its cities]
  ['CN-BJ', '北京', ''],
  ['CN-TJ', '天津', ''],
  ['CN-SH', '上海', ''],
  ['CN-CQ', '重庆', ''],
  ['CN-HE', '河北', '石家庄唐山秦皇岛邯郸邢台保定张家口承德沧州廊坊衡水'],
  ['CN-SX', '山西', '太原大同阳泉长治晋城朔州晋中运城忻州临汾吕梁'],
  ['CN-NM', '内蒙古', '呼和浩特包头乌海赤峰通辽鄂尔多斯呼伦贝尔巴彦淖尔乌兰察布'],
  ['CN-LN', '辽宁', '沈阳大连鞍山抚顺本溪丹东锦州营口阜新辽阳盘锦铁岭朝阳葫芦岛'],
  ['CN-JL', '吉林', '长春四平辽源通化白山松原白城延边'],
  ['CN-HL', '黑龙江', '哈尔滨齐齐哈尔鸡西鹤岗双鸭山大庆伊春佳木斯七台河牡丹江黑河绥化'],
  ['CN-JS', '江苏', '南京无锡徐州常州苏州南通连云港淮安盐城扬州镇江泰州宿迁'],
  ['CN-ZJ', '浙江', '杭州宁波温州嘉兴湖州绍兴金华衢州舟山台州丽水'],
  ['CN-AH', '安徽', '合肥芜湖蚌埠淮南马鞍山淮北铜陵安庆黄山滁州阜阳宿州六安亳州池州宣城'],
  ['CN-FJ', '福建', '福州厦门莆田三明泉州漳州南平龙岩宁德'],
  ['CN-JX', '江西', '南昌景德镇萍乡九江新余鹰潭赣州吉安宜春抚州上饶'],
  ['CN-SD', '山东', '济南青岛淄博枣庄东营烟台潍坊济宁泰安威海日照临沂德州聊城滨州菏泽'],
  ['CN-HA', '河南', '郑州开封洛阳平顶山安阳鹤壁新乡焦作濮阳许昌漯河三门峡南阳商丘信阳周口驻马店济源'],
  ['CN-HB', '湖北', '武汉黄石十堰宜昌襄阳鄂州荆门孝感荆州黄冈咸宁随州恩施'],
  ['CN-HN', '湖南', '长沙株洲湘潭衡阳邵阳岳阳常德张家界益阳郴州永州怀化娄底湘西'],
  ['CN-GD', '广东', '广州韶关深圳珠海汕头佛山江门湛江茂名肇庆惠州梅州汕尾河源阳江清远东莞中山潮州揭阳云浮'],
  ['CN-GX', '广西', '南宁柳州桂林梧州北海防城港钦州贵港玉林百色贺州河池来宾崇左'],
  ['CN-HI', '海南', '海口三亚三沙儋州'],
  ['CN-SC', '四川', '成都自贡攀枝花泸州德阳绵阳广元遂宁内江乐山南充眉山宜宾广安达州雅安巴中资阳阿坝甘孜凉山'],
  ['CN-GZ', '贵州', '贵阳六盘水遵义安顺毕节铜仁黔东南黔南黔西南'],
  ['CN-YN', '云南', '昆明曲靖玉溪保山昭通丽江普洱临沧楚雄红河文山西双版纳大理德宏怒江迪庆'],
  ['CN-XZ', '西藏', '拉萨日喀则昌都林芝山南那曲'],
  ['CN-SN', '陕西', '西安铜川宝鸡咸阳渭南延安汉中榆林安康商洛'],
  ['CN-GS', '甘肃', '兰州嘉峪关金昌白银天水武威张掖平凉酒泉庆阳定西陇南临夏甘南'],
  ['CN-QH', '青海', '西宁海东海北黄南海南果洛玉树海西'],
  ['CN-NX', '宁夏', '银川石嘴山吴忠固原中卫'],
  ['CN-XJ', '新疆', '乌鲁木齐克拉玛依吐鲁番哈密昌吉博尔塔拉巴音郭楞阿克苏克孜勒苏喀什和田伊犁塔城阿勒泰'],
  ['CN-HK', '香港', ''],
  ['CN-MO', '澳门', ''],
  ['CN-TW', '台湾', ''],
];

/** City names with their province, longest first. */
const CITIES: Array<[string, string]> = PROVINCES.flatMap(([code, , cities]) =>
  splitCities(cities).map((c): [string, string] => [c, code]),
).sort((a, b) => b[0].length - a[0].length);

/** Split a run of city names: each name is followed by the next name's first character. */
function splitCities(run: string): string[] {
  // Names are two characters except these; the list is written without separators for brevity.
  const long = [
    '石家庄',
    '秦皇岛',
    '张家口',
    '呼和浩特',
    '鄂尔多斯',
    '呼伦贝尔',
    '巴彦淖尔',
    '乌兰察布',
    '葫芦岛',
    '齐齐哈尔',
    '双鸭山',
    '七台河',
    '牡丹江',
    '哈尔滨',
    '连云港',
    '马鞍山',
    '景德镇',
    '平顶山',
    '三门峡',
    '驻马店',
    '张家界',
    '防城港',
    '攀枝花',
    '六盘水',
    '黔东南',
    '黔西南',
    '西双版纳',
    '嘉峪关',
    '石嘴山',
    '乌鲁木齐',
    '克拉玛依',
    '吐鲁番',
    '博尔塔拉',
    '巴音郭楞',
    '克孜勒苏',
    '阿勒泰',
    '日喀则',
  ];
  const out: string[] = [];
  let i = 0;
  while (i < run.length) {
    const l = long.find((n) => run.startsWith(n, i));
    const name = l ?? run.slice(i, i + 2);
    out.push(name);
    i += name.length;
  }
  return out;
}

/**
 * The ISO 3166-2 code of the region a text names first, or undefined.
 * @example regionOf('淄博市人民政府') // 'CN-SD'
 */
export function regionOf(text: string): string | undefined {
  let best: { at: number; code: string } | undefined;
  const consider = (at: number, code: string) => {
    if (at >= 0 && (!best || at < best.at)) best = { at, code };
  };
  for (const [code, name] of PROVINCES) consider(text.indexOf(name), code);
  for (const [city, code] of CITIES) {
    // A city name counts when it is followed by 市 (or 州/盟/地区), so 中山 in 中山装 does not.
    const m = new RegExp(`${city}(市|州|盟|地区|经济特区)`).exec(text);
    if (m) consider(m.index, code);
  }
  return best?.code;
}
