/**
 * The eId pattern alone, written out, for code that ships to the browser (the go-to box): the
 * grammar module (eid.ts) builds the same pattern from its unit table, and
 * tests/anchors/eid.test.ts checks that the two agree.
 */

/** One step: a unit's short name, its number, 之N, and the repeat suffix (docs/anchors.md). */
const STEP =
  '(?:part|subpart|chp|sec|dvs|hcontainer|art|para|item|subitem|point|att|note)' +
  '_[1-9][0-9]*(?:-[1-9][0-9]*)?(?:_[2-9]|_[1-9][0-9]+)?';

/** The source of a whole-eId pattern, for zod schemas and HTML `pattern` attributes. */
export const EID_SOURCE = `${STEP}(?:__${STEP})*`;
/** A whole eId, anchored. @example EID_PATTERN.test('part_2__chp_1') // true */
export const EID_PATTERN = new RegExp(`^${EID_SOURCE}$`);
