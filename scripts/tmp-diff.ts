import { readCorpus } from './lib/corpus.ts';
import { parseRegulation, articlesInContext } from '../src/parser/index.ts';
const want = process.argv[2]!;
const doc = readCorpus(process.argv[3]!).find((d) => d.name.includes(want))!;
const { tree } = parseRegulation(doc.text, doc.name);
const seen = new Map<string, number>();
for (const { article } of articlesInContext(tree)) seen.set(article.label, (seen.get(article.label) ?? 0) + 1);
const lines = doc.markdown!.split('\n').filter((l) => /^(\*\*)?第[零〇一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?(\*\*)?[\s\u3000]/.test(l));
const counted = new Map<string, number>();
for (const l of lines) { const k = l.replace(/\*\*/g, '').split(/[\s\u3000]/)[0]!; counted.set(k, (counted.get(k) ?? 0) + 1); }
for (const [k, v] of counted) if (seen.get(k) !== v) console.log('counted', k, v, 'parsed', seen.get(k));
for (const [k, v] of seen) if (counted.get(k) !== v) console.log('parsed', k, v, 'counted', counted.get(k));
