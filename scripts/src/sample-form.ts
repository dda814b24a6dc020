import { withCheckCharacter, type FormValues } from '@xgz/registry';
import { seededRandom } from './seeded-random.js';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国小海文斌波宇浩凯鹏飞健俊峰';
const TRADES = ['五金店', '服装店', '小吃店', '茶叶行', '水果摊', '建材部', '副食店', '布艺店', '家电维修部', '农资店'];
const PROVINCES = ['安徽省临泉县', '河南省固始县', '江西省鄱阳县', '湖南省邵东市', '四川省仪陇县', '浙江省苍南县'];

/**
 * A deterministic registration form of `count` rows spread over `townships`: 1–3 members per
 * unit, about one unit in six a small/micro enterprise with a valid credit code.
 */
export function sampleRegistrationForm(count: number, townships: readonly string[], seed = 2015): FormValues[] {
  const random = seededRandom(seed);
  const rows: FormValues[] = [];
  let unit = 0;
  while (rows.length < count) {
    unit++;
    const township = random.pick(townships);
    const enterprise = random.next() < 0.17;
    const unitName = `${random.pick([...SURNAMES])}记${random.pick(TRADES)}${unit}号`;
    const creditCode = enterprise
      ? withCheckCharacter(`91${township.slice(0, 6)}M${String(seed % 10)}${String(unit).padStart(7, '0')}`)
      : '';
    for (let member = random.integer(1, 3); member > 0 && rows.length < count; member--) {
      const index = rows.length;
      rows.push({
        registeredOn: `${random.integer(2012, 2025)}-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`,
        unitName: enterprise ? unitName.replace(/记/, '').replace(/号$/, '号有限公司') : unitName,
        creditCode,
        regionCode: township,
        name: `${random.pick([...SURNAMES])}${random.pick([...GIVEN])}${random.next() < 0.5 ? random.pick([...GIVEN]) : ''}`,
        mobile: String(13_000_000_000 + seed * 1_000_000 + index),
        isOwner: member === 1 ? '是' : '否',
        householdPlace: random.pick(PROVINCES),
        orgLifeBranchName: '',
        relationshipBranchName: random.next() < 0.3 ? `${random.pick(PROVINCES)}某村党支部` : '',
        category: random.next() < 0.92 ? '正式' : '预备',
        distribution: enterprise ? '小微企业' : random.next() < 0.5 ? '市场内个体工商户' : '个体工商户',
        relationshipType: random.pick(['隶属', '隶属', '属地', '流动']),
        foundVia: random.pick(['登记注册', '年报', '市场监管', '电话', '上门', '党员找党员']),
      });
    }
  }
  return rows;
}
