import * as assert from 'assert';
import { check, EXAMPLE_OFFER_TEXT } from '../support/offerHarness';

describe('the example offer', () => {
  it('checks clean: no error, no warning', () => {
    const diagnostics = check(EXAMPLE_OFFER_TEXT).filter((d) => d.severity !== 'info');
    assert.deepStrictEqual(diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`), []);
  });
});
