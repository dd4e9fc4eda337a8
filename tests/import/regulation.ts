/**
 * One short regulation written for the import tests (not a real text): three chapters, articles
 * with several paragraphs, items, and a paragraph long enough to wrap in the PDF. The fixture
 * generator (tests/import/make-fixtures.ts) publishes it as Word, a GBK web page, PDF,
 * LawRefBook Markdown and GBK text; the test checks all five parse to the same articles.
 */
export type Para = string | { text: string; items: string[] };

export const REGULATION = {
  title: '青禾市公共图书馆服务条例',
  notes: [
    '2023年6月28日青禾市第十六届人民代表大会常务委员会第十二次会议通过',
    '2023年9月20日江北省第十四届人民代表大会常务委员会第五次会议批准',
  ],
  chapters: [
    {
      heading: '总则',
      articles: [
        [
          '为了规范公共图书馆服务，保障公民基本文化权益，提高全民科学文化素质，根据《中华人民共和国公共图书馆法》等法律、行政法规，结合本市实际，制定本条例。',
        ],
        [
          '本条例适用于本市行政区域内公共图书馆的设立、运行、服务及其监督管理活动。',
          '本条例所称公共图书馆，是指向社会公众免费开放，收集、整理、保存文献信息并提供查询、借阅及相关服务，开展社会教育的公共文化设施。',
        ],
        [
          {
            text: '市、县（区）人民政府应当履行下列职责：',
            items: [
              '将公共图书馆事业纳入本级国民经济和社会发展规划；',
              '将公共图书馆建设、运行和服务所需经费列入本级财政预算；',
              '建立健全公共图书馆服务考核评价制度。',
            ],
          },
        ],
      ],
    },
    {
      heading: '服务与管理',
      articles: [
        [
          '公共图书馆应当按照平等、开放、共享的要求，向社会公众免费提供文献信息查询、借阅，阅览室、自习室等公共空间设施场地开放，公益性讲座、阅读推广、培训、展览等服务，并每周开放不少于五十六小时。',
          '国家法定节假日和学校寒暑假期间，公共图书馆应当适当延长开放时间。',
        ],
        [
          {
            text: '读者在公共图书馆享有下列权利：',
            items: [
              '免费办理读者证；',
              '查询、借阅文献信息；',
              '参加公共图书馆组织的各类活动；',
              '对公共图书馆服务提出意见和建议。',
            ],
          },
          '读者应当遵守公共图书馆的规章制度，爱护文献信息和设施设备。',
        ],
        ['公共图书馆可以与学校图书馆、科研机构图书馆以及其他类型图书馆开展联合服务，实现文献信息共建共享。'],
      ],
    },
    {
      heading: '附则',
      articles: [['本条例自2024年1月1日起施行。']],
    },
  ],
};

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const cn = (n: number) => NUM[n - 1]!;

/** The regulation as plain text, one provision per line, labels written out. */
export function regulationLines(opts: {
  space: string;
  chapter: (n: number, h: string) => string;
}): string[] {
  const out: string[] = [];
  let article = 0;
  REGULATION.chapters.forEach((c, ci) => {
    out.push(opts.chapter(ci + 1, c.heading));
    for (const paras of c.articles) {
      article++;
      paras.forEach((p, pi) => {
        const text = typeof p === 'string' ? p : p.text;
        out.push(pi === 0 ? `第${cn(article)}条${opts.space}${text}` : text);
        if (typeof p !== 'string') p.items.forEach((it, k) => out.push(`（${cn(k + 1)}）${it}`));
      });
    }
  });
  return out;
}
