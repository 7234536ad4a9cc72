/**
 * `isGuid` is checked by hand (a table of hexadecimal digits) for speed: it must still answer
 * exactly what the schema's GUID pattern answers, on every character at every position.
 */
import * as assert from 'assert';
import { isGuid } from '@core/knowledge/identifiers';

const SCHEMA_GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

describe('isGuid', () => {
  it('agrees with the schema pattern for every character (up to U+017F) at every position of a GUID', () => {
    const guids = ['0f1e2d3c-4b5a-6978-8a9b-acbdcedf0123', 'ABCDEF01-2345-6789-ABCD-EF0123456789'];
    let checked = 0;
    for (const guid of guids) {
      assert.strictEqual(isGuid(guid), true, guid);
      for (let position = 0; position < guid.length; position++) {
        for (let code = 0; code <= 0x17f; code++) {
          const text = guid.slice(0, position) + String.fromCharCode(code) + guid.slice(position + 1);
          assert.strictEqual(isGuid(text), SCHEMA_GUID.test(text), JSON.stringify(text));
          checked++;
        }
      }
    }
    assert.strictEqual(checked, 2 * 36 * 0x180);
  });

  it('refuses a GUID one character short or long, with blanks or braces around, and the empty text', () => {
    const guid = '0f1e2d3c-4b5a-6978-8a9b-acbdcedf0123';
    for (const text of [guid.slice(1), guid + '0', ` ${guid}`, `${guid} `, `{${guid}}`, '', '-'.repeat(36), guid.replace(/-/g, '0')]) {
      assert.strictEqual(isGuid(text), false, JSON.stringify(text));
      assert.strictEqual(SCHEMA_GUID.test(text), false, JSON.stringify(text));
    }
  });
});
