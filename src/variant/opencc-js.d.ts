/**
 * Types for the raw OpenCC dictionaries that opencc-js ships (its package exports them as
 * `opencc-js/dict/<Name>`, without declarations). Each is one string: `src dst|src dst|…`.
 * @example import STCharacters from 'opencc-js/dict/STCharacters';
 */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
