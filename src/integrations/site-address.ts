/**
 * Say in the build output whether pages carry canonical and hreflang links. They must be
 * absolute addresses (Google and Lighthouse's SEO audit reject relative ones), so they are
 * written only when the public origin is known (TIAOWEN_SITE); without it they are left out.
 */
import type { AstroIntegration } from 'astro';

export default function siteAddress(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'tiaowen-site-address',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:start': ({ logger }) => {
        if (site) logger.info(`canonical and hreflang links are absolute, under ${site.origin}`);
        else {
          logger.warn(
            'TIAOWEN_SITE is not set: pages carry no canonical, hreflang or og:url links (they must be ' +
              'absolute addresses). Set TIAOWEN_SITE=https://your.host to write them.',
          );
        }
      },
    },
  };
}
