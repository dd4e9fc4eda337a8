/**
 * Rule ids and where each is documented. Every message carries a kebab-case `ruleId` and a
 * `url` to its section of docs/rules.md, as remark-lint's rules link to their own pages.
 */

/** The documentation page listing every rule, relative to the repository root. */
export const RULES_DOC = 'docs/rules.md';

/** Rule ids are kebab-case: lower-case words joined by single hyphens. */
export const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The address of a rule's section in the docs (its heading is the rule id).
 * @example ruleUrl('meta-slug') // 'docs/rules.md#meta-slug'
 */
export function ruleUrl(ruleId: string): string {
  return `${RULES_DOC}#${ruleId}`;
}
