/**
 * Fixture folders: tests/fixtures/parser/<name>/input.txt → tree.json (positions left out)
 * and messages.txt. Regenerate after an intended change with `npx vitest run -u tests/parser`.
 * The seed document in content/ is checked the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegulation, unaccounted } from '../../src/parser/index.ts';
import { formatMessages } from '../../src/diagnostics/reporter.ts';
import { withoutPositions } from './helpers.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'parser');
const cases = readdirSync(root).map((name) => ({
  name,
  input: join(root, name, 'input.txt'),
  dir: join(root, name),
}));
cases.push({
  name: 'seed: zibo-government-work-rules',
  input: 'content/zibo-government-work-rules/source.txt',
  dir: join(root, '..', 'seed'),
});

describe.each(cases)('$name', ({ input, dir }) => {
  const source = readFileSync(input, 'utf8');
  const { tree, file } = parseRegulation(source, input.replace(/^.*tests\//, 'tests/'));

  it('matches the expected tree', async () => {
    await expect(JSON.stringify(withoutPositions(tree), null, 2) + '\n').toMatchFileSnapshot(
      join(dir, 'tree.json'),
    );
  });

  it('matches the expected messages', async () => {
    await expect(formatMessages([file], { color: false }) + '\n').toMatchFileSnapshot(
      join(dir, 'messages.txt'),
    );
  });

  it('accounts for every character: source = dropped lines + tree text (whitespace aside)', () => {
    expect(unaccounted(tree, source)).toEqual({ missing: 0 });
  });
});
