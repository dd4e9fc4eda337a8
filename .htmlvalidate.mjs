/**
 * html-validate configuration for the built site (tests/browser/integrity.test.ts validates
 * every page). The recommended preset, with only the relaxations below, each for a deliberate
 * choice. (A JavaScript config, not .htmlvalidate.json, so that each relaxation can say why.)
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // The search results are an ARIA combobox popup (role="listbox" of links): a native
    // <select> cannot hold links, grouped results or marked excerpts.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
    // The search box is a one-field form: Enter submits it (implicit submission), and with
    // JavaScript the results appear while typing; a submit button would only duplicate Enter.
    'wcag/h32': 'off',
    // The single-file downloads are serialised by ultrahtml, which writes boolean attributes
    // as hidden=""; both forms are valid HTML.
    'attribute-empty-style': 'off',
  },
};
