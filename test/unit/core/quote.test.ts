/**
 * How messages show an offer's values (the contract: at most about 60 characters, control
 * characters escaped, never a secret), and the secret finder behind it.
 */
import * as assert from 'assert';
import {
  codePointLength,
  escapeControlCharacters,
  escapeControlCharactersKeepingLines,
  escapeInvisiblesInJson,
  hasInvisibleCharacters,
  quoteValue,
} from '@core/text/quote';
import { findSecrets, redactSecrets } from '@core/text/secrets';

describe('quoting values in messages', () => {
  it('shows a short value as it is', () => {
    assert.strictEqual(quoteValue('contoso-sentinel'), 'contoso-sentinel');
  });

  it('cuts a long value after 60 characters and gives its length', () => {
    const quoted = quoteValue('a'.repeat(200_000));
    assert.strictEqual(quoted, 'a'.repeat(60) + '… (200000 characters)');
  });

  it('counts characters as a person does and never cuts an emoji in half', () => {
    const value = '😀'.repeat(100);
    assert.strictEqual(codePointLength(value), 100);
    assert.strictEqual(quoteValue(value), '😀'.repeat(60) + '… (100 characters)');
  });

  it('keeps a value of exactly 60 characters whole', () => {
    assert.strictEqual(quoteValue('b'.repeat(60)), 'b'.repeat(60));
  });

  it('escapes terminal controls, line breaks and direction overrides', () => {
    assert.strictEqual(quoteValue('a\u001b[31mb\u0007c\r\nd\te'), 'a\\u001b[31mb\\u0007c\\r\\nd\\te');
    assert.strictEqual(escapeControlCharacters('x\u202ey\u2066z'), 'x\\u202ey\\u2066z');
  });

  it('keeps line breaks and tabs when asked, and says whether anything would be escaped', () => {
    const value = 'one\r\ntwo\n\tthree\u200e\rfour\u001b';
    assert.strictEqual(escapeControlCharactersKeepingLines(value), 'one\r\ntwo\n\tthree\\u200e\\rfour\\u001b');
    assert.deepStrictEqual(
      ['one\r\ntwo\n\tthree', 'a lone\rCR', 'a mark\u200e', 'plain'].map((text) => [hasInvisibleCharacters(text, { keepLineBreaks: true }), hasInvisibleCharacters(text)]),
      [
        [false, true],
        [true, true],
        [true, true],
        [false, false],
      ],
    );
  });

  it('escapes DEL, C1 and direction characters in JSON text, which then parses to the same value', () => {
    const value = { key: 'a\u007fb\u009bc\u202ed\u2028e\u2066f\u061cg\u001b' };
    const json = escapeInvisiblesInJson(JSON.stringify(value, null, 2));
    assert.doesNotMatch(json, /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    assert.ok(json.includes('a\\u007fb\\u009bc\\u202ed\\u2028e\\u2066f\\u061cg\\u001b'), json);
    assert.deepStrictEqual(JSON.parse(json), value);
  });

  it('hides an Azure Function key, with or without the scheme', () => {
    assert.strictEqual(quoteValue('https://leads.contoso.com/api/lead?code=abcDEF123=='), 'https://leads.contoso.com/api/lead?code=(hidden)');
    assert.strictEqual(quoteValue('leads.contoso.com/api?x=1&code=s3cr3t'), 'leads.contoso.com/api?x=1&code=(hidden)');
  });

  it('hides a SAS signature, an account key and a bare storage key', () => {
    assert.strictEqual(redactSecrets('https://a.blob.core.windows.net/c?sv=2020&sig=AbC%2F'), 'https://a.blob.core.windows.net/c?sv=2020&sig=(hidden)');
    assert.strictEqual(
      redactSecrets('DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=Zm9vYmFy;EndpointSuffix=core.windows.net'),
      'DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=(hidden);EndpointSuffix=core.windows.net',
    );
    const key = 'A'.repeat(86) + '==';
    assert.strictEqual(redactSecrets(`key is ${key} here`), 'key is (hidden) here');
  });

  it('leaves ${env:NAME} references and ordinary URLs alone', () => {
    assert.deepStrictEqual(findSecrets('https://leads.contoso.com/api?code=${env:LEADS_CODE}'), []);
    assert.deepStrictEqual(findSecrets('https://contoso.com/privacy?lang=en&page=2'), []);
    assert.deepStrictEqual(findSecrets('=='.repeat(10) + 'short=='), []);
  });

  it('never shows a secret that the cut would have split', () => {
    const quoted = quoteValue('https://leads.contoso.com/api/v1/incoming/lead?code=' + 'k'.repeat(200));
    assert.ok(!quoted.includes('kkk'), quoted);
    assert.ok(quoted.includes('(hidden)'), quoted);
  });

  it('reads hostile texts in one pass (runs of separators, base64 and pairs)', () => {
    for (const text of ['?'.repeat(200_000), 'A'.repeat(200_000), 'code=x&'.repeat(30_000), ('B'.repeat(40) + '=;').repeat(5_000)]) {
      const quoted = quoteValue(text);
      assert.ok(quoted.length < 200, `${quoted.length} characters`);
    }
  });

  it('hides a whole SharedAccessSignature part, to the next ";"', () => {
    assert.strictEqual(
      redactSecrets('BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=t&sig=abc%3D;x=1'),
      'BlobEndpoint=https://a.blob.core.windows.net/;SharedAccessSignature=(hidden);x=1',
    );
  });

  it('hides once: a message quoting a hidden value is left readable, more key after the placeholder is still hidden', () => {
    const message = `'${quoteValue('leads.contoso.com/api?code=k3y')}' is not an absolute URL: use '${quoteValue('https://leads.contoso.com/api?code=k3y')}'.`;
    assert.strictEqual(message, "'leads.contoso.com/api?code=(hidden)' is not an absolute URL: use 'https://leads.contoso.com/api?code=(hidden)'.");
    assert.strictEqual(redactSecrets(message), message);
    assert.strictEqual(redactSecrets('https://x/api?code=(hidden)REALKEY'), 'https://x/api?code=(hidden)');
  });
});
