import { t } from '@core/l10n';
import { logoName } from '@core/text/logoNames';
import { prop, str } from '@core/model/nodes';
import type { Rule } from '../rule';
import { LOGO_DIMENSIONS, LOGO_SIZES } from '@core/knowledge/logos';

export const logoMissing: Rule = {
  code: 'logo-missing',
  severity: 'error',
  docs: 'Partner Center requires all four listing logos (small 40×40, medium 90×90, large 115×115, wide 255×115) before an offer can be published.',
  check({ root, report }) {
    const listing = prop(root, 'listing');
    if (listing?.type !== 'object') {
      // No listing at all (or a wrong type) is the schema's to report.
      return;
    }
    const logos = prop(listing, 'logos');
    if (!logos) {
      report(
        { missing: 'logos', in: listing },
        t('The listing has no logos: add "logos" with small (40×40), medium (90×90), large (115×115) and wide (255×115) PNG files.'),
      );
      return;
    }
    if (logos.type !== 'object') {
      return;
    }
    for (const size of LOGO_SIZES) {
      const { width, height } = LOGO_DIMENSIONS[size];
      const node = prop(logos, size);
      if (!node) {
        report({ missing: size, in: logos }, t('The {0} is missing: add "{1}" with the path of a {2}×{3} PNG file.', logoName(size), size, width, height));
      } else if (str(node)?.trim() === '') {
        report(node, t('The {0} path is empty: give the path of a {1}×{2} PNG file.', logoName(size), width, height));
      }
    }
  },
};
