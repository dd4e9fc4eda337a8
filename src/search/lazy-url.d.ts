/** `import url from './module.ts?lazy-url'`: the built address of a module (src/integrations/lazy-url.ts). */
declare module '*?lazy-url' {
  const url: string;
  export default url;
}
