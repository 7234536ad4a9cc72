import * as assert from 'assert';
import * as path from 'path';
import { parseTree } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OfferLanguageService } from '../../../server/src/languageService';
import { check, codes, exampleOffer, examplePlans, expectNone, expectOne, makeHost, Offer, OFFER_PATH, printed, textAt, WORKSPACE } from '../../support/offerHarness';
import { applyFix, fixesFor } from '../../support/fixHarness';
import { makePng } from '../../support/pngWriter';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 some jpeg body bytes')]);
const FILE_CODES = ['image-not-found', 'image-not-png', 'image-size', 'screenshot-size', 'video-thumbnail-size', 'path-outside-workspace', 'audience-csv-not-found'];

function screenshot(index: number) {
  return { path: 'media/screenshot-dashboard.png', caption: `Screen ${index}` };
}

function video(index: number) {
  return { name: `Video ${index}`, url: 'https://youtu.be/dQw4w9WgXcQ', thumbnail: 'media/video-thumbnail.png' };
}

describe('media rules', () => {
  it('the example offer has no media problem', () => {
    const found = check(exampleOffer());
    for (const code of [...FILE_CODES, 'logo-missing', 'screenshots-count', 'videos-count', 'video-host']) {
      expectNone(found, code);
    }
  });

  describe('logo-missing', () => {
    it('reports a missing logo on the logos key, with the pointer of the missing logo', () => {
      const offer = exampleOffer();
      delete offer.listing.logos.medium;
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'logo-missing');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.path, '/listing/logos/medium');
      assert.strictEqual(diagnostic.message, 'The medium logo is missing: add "medium" with the path of a 90×90 PNG file.');
      assert.strictEqual(textAt(text, diagnostic), '"logos"');
    });

    it('reports missing logos once when the logos object is absent', () => {
      const offer = exampleOffer();
      delete offer.listing.logos;
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'logo-missing', '/listing/logos');
      assert.match(diagnostic.message, /The listing has no logos: add "logos" with small \(40×40\), medium \(90×90\), large \(115×115\) and wide \(255×115\)/);
      assert.strictEqual(textAt(text, diagnostic), '"listing"');
    });

    it('reports an empty logo path on the value, and no image-not-found for it', () => {
      const offer = exampleOffer();
      offer.listing.logos.wide = ' ';
      const text = printed(offer);
      const found = check(text);
      const diagnostic = expectOne(found, 'logo-missing', '/listing/logos/wide');
      assert.strictEqual(diagnostic.message, 'The wide logo path is empty: give the path of a 255×115 PNG file.');
      assert.strictEqual(textAt(text, diagnostic), '" "');
      expectNone(found, 'image-not-found');
    });

    it('is silent when the logos value has the wrong type (the schema says so)', () => {
      const offer = exampleOffer();
      offer.listing.logos = 'media/logo.png';
      expectNone(check(offer), 'logo-missing');
    });
  });

  describe('image-not-found', () => {
    it('reports a logo file that does not exist, on its path', () => {
      const offer = exampleOffer();
      offer.listing.logos.small = 'media/company-logo.png';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'image-not-found', '/listing/logos/small');
      assert.strictEqual(diagnostic.message, "The small logo 'media/company-logo.png' does not exist: add the file or correct the path (it is relative to the offer file's folder).");
      assert.strictEqual(textAt(text, diagnostic), '"media/company-logo.png"');
    });

    it('suggests the file that a mistyped path meant, with a fix that keeps comments', () => {
      const offer = exampleOffer();
      offer.listing.logos.medium = 'media/Logo-Medum.png';
      const text = '// listing media\n' + printed(offer);
      const diagnostic = expectOne(check(text), 'image-not-found', '/listing/logos/medium');
      assert.strictEqual(diagnostic.message, "The medium logo 'media/Logo-Medum.png' does not exist: did you mean 'media/logo-medium.png'?");
      const [fix] = fixesFor(text, diagnostic);
      assert.strictEqual(fix.title, "Change the path to 'media/logo-medium.png'");
      assert.notStrictEqual(fix.isPreferred, true);
      const fixed = applyFix(text, fix);
      assert.ok(fixed.startsWith('// listing media\n'));
      assert.ok(parseTree(fixed, [], { allowTrailingComma: true }));
      expectNone(check(fixed), 'image-not-found');
    });

    it('reports a missing screenshot and video thumbnail, and an empty screenshot path', () => {
      const offer = exampleOffer();
      offer.listing.screenshots = [{ path: 'media/none.png' }, { path: '' }];
      offer.listing.videos[0].thumbnail = 'thumbs/none.png';
      const found = check(offer);
      assert.match(expectOne(found, 'image-not-found', '/listing/screenshots/0/path').message, /^Screenshot 1 'media\/none.png' does not exist/);
      assert.strictEqual(expectOne(found, 'image-not-found', '/listing/screenshots/1/path').message, 'Screenshot 2 has an empty path: give the path of a PNG file, relative to the offer file.');
      assert.match(expectOne(found, 'image-not-found', '/listing/videos/0/thumbnail').message, /^The thumbnail of video 1 'thumbs\/none.png' does not exist/);
    });

    it('is silent once the file is there, in another folder of the workspace', () => {
      const offer = exampleOffer();
      offer.listing.logos.small = '../assets/small.png';
      expectNone(check(offer, { files: { '../assets/small.png': makePng(40, 40) } }), 'image-not-found');
    });
  });

  describe('image-not-png', () => {
    it('reports a JPEG named .png, by its content', () => {
      const offer = exampleOffer();
      const text = printed(offer);
      const found = check(text, { files: { 'media/logo-large.png': JPEG } });
      const diagnostic = expectOne(found, 'image-not-png', '/listing/logos/large');
      assert.strictEqual(diagnostic.message, "The large logo 'media/logo-large.png' is not a PNG file (its content is in another format, whatever its name): save the image as PNG.");
      assert.strictEqual(textAt(text, diagnostic), '"media/logo-large.png"');
      expectNone(found, 'image-size');
    });

    it('accepts a PNG named .jpg', () => {
      const offer = exampleOffer();
      offer.listing.logos.large = 'media/large.jpg';
      const found = check(offer, { files: { 'media/large.jpg': makePng(115, 115) } });
      expectNone(found, 'image-not-png');
      expectNone(found, 'image-size');
    });

    it('reports a truncated PNG and an empty file', () => {
      const found = check(exampleOffer(), {
        files: { 'media/screenshot-dashboard.png': makePng(1280, 720).subarray(0, 16), 'media/video-thumbnail.png': '' },
      });
      assert.match(expectOne(found, 'image-not-png', '/listing/screenshots/0/path').message, /starts like a PNG file but its header is cut short or damaged/);
      assert.match(expectOne(found, 'image-not-png', '/listing/videos/0/thumbnail').message, /is not a PNG file/);
    });
  });

  describe('image-size', () => {
    it('gives the found and the expected size of a logo', () => {
      const offer = exampleOffer();
      const text = printed(offer);
      const diagnostic = expectOne(check(text, { files: { 'media/logo-small.png': makePng(41, 40) } }), 'image-size');
      assert.strictEqual(diagnostic.path, '/listing/logos/small');
      assert.strictEqual(diagnostic.message, 'The small logo is 41×40 pixels; it must be exactly 40×40.');
      assert.strictEqual(textAt(text, diagnostic), '"media/logo-small.png"');
    });

    it('knows that the wide logo is 255×115, not its transpose', () => {
      expectNone(check(exampleOffer(), { files: { 'media/logo-wide.png': makePng(255, 115) } }), 'image-size');
      const diagnostic = expectOne(check(exampleOffer(), { files: { 'media/logo-wide.png': makePng(115, 255) } }), 'image-size');
      assert.strictEqual(diagnostic.message, 'The wide logo is 115×255 pixels; it must be exactly 255×115.');
    });

    it('does not apply logo sizes to screenshots', () => {
      expectNone(check(exampleOffer()), 'image-size');
    });
  });

  describe('screenshot-size and video-thumbnail-size', () => {
    it('reports a screenshot that is not 1280×720', () => {
      const text = printed(exampleOffer());
      const diagnostic = expectOne(check(text, { files: { 'media/screenshot-dashboard.png': makePng(1280, 719) } }), 'screenshot-size');
      assert.strictEqual(diagnostic.path, '/listing/screenshots/0/path');
      assert.strictEqual(diagnostic.message, 'Screenshot 1 is 1280×719 pixels; screenshots must be exactly 1280×720.');
      assert.strictEqual(textAt(text, diagnostic), '"media/screenshot-dashboard.png"');
    });

    it('reports a video thumbnail that is not 1280×720', () => {
      const found = check(exampleOffer(), { files: { 'media/video-thumbnail.png': makePng(1920, 1080) } });
      const diagnostic = expectOne(found, 'video-thumbnail-size', '/listing/videos/0/thumbnail');
      assert.strictEqual(diagnostic.message, 'The thumbnail of video 1 is 1920×1080 pixels; it must be exactly 1280×720.');
      expectNone(found, 'screenshot-size');
    });
  });

  describe('screenshots-count and videos-count', () => {
    it('accepts 5 screenshots and refuses 6, on the array', () => {
      const offer = exampleOffer();
      offer.listing.screenshots = [1, 2, 3, 4, 5].map(screenshot);
      expectNone(check(offer), 'screenshots-count');
      offer.listing.screenshots.push(screenshot(6));
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'screenshots-count', '/listing/screenshots');
      assert.strictEqual(diagnostic.message, 'The listing has 6 screenshots; the limit is 5: remove 1.');
      assert.ok(textAt(text, diagnostic).startsWith('['));
    });

    it('accepts 5 videos and refuses 7', () => {
      const offer = exampleOffer();
      offer.listing.videos = [1, 2, 3, 4, 5].map(video);
      expectNone(check(offer), 'videos-count');
      offer.listing.videos.push(video(6), video(7));
      const diagnostic = expectOne(check(offer), 'videos-count', '/listing/videos');
      assert.strictEqual(diagnostic.message, 'The listing has 7 videos; the limit is 5: remove 2.');
    });
  });

  describe('screenshot-caption-length', () => {
    it('accepts 100 characters and refuses 101, on the caption, counting characters as a person does', () => {
      const offer = exampleOffer();
      offer.listing.screenshots[0].caption = '😀'.repeat(100);
      expectNone(check(offer), 'screenshot-caption-length');
      offer.listing.screenshots[0].caption = 'x'.repeat(101);
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'screenshot-caption-length', '/listing/screenshots/0/caption');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(diagnostic.message, 'The caption of screenshot 1 has 101 characters; the limit is 100: remove 1.');
      assert.strictEqual(textAt(text, diagnostic), JSON.stringify('x'.repeat(101)));
    });

    it('is silent on the example, on a screenshot without a caption, and on a caption of the wrong type', () => {
      expectNone(check(exampleOffer()), 'screenshot-caption-length');
      const offer = exampleOffer();
      delete offer.listing.screenshots[0].caption;
      expectNone(check(offer), 'screenshot-caption-length');
      offer.listing.screenshots[0].caption = 42;
      expectNone(check(offer), 'screenshot-caption-length');
    });
  });

  describe('video-host', () => {
    it('accepts every YouTube and Vimeo host', () => {
      const offer = exampleOffer();
      offer.listing.videos = [
        'https://youtube.com/watch?v=a',
        'https://www.youtube.com/watch?v=a',
        'https://m.youtube.com/watch?v=a',
        'https://youtu.be/a',
        'https://VIMEO.com/123',
        'https://player.vimeo.com/video/123',
      ].map((url, index) => ({ ...video(index), url }));
      expectNone(check(offer), 'video-host');
    });

    it('is not fooled by a look-alike host', () => {
      const offer = exampleOffer();
      offer.listing.videos[0].url = 'https://youtube.com.evil.example/watch?v=a';
      const text = printed(offer);
      const diagnostic = expectOne(check(text), 'video-host', '/listing/videos/0/url');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        "Video 1 is hosted on 'youtube.com.evil.example': only YouTube (youtube.com, youtu.be) and Vimeo (vimeo.com) links are accepted; upload it there and link it.",
      );
      assert.strictEqual(textAt(text, diagnostic), '"https://youtube.com.evil.example/watch?v=a"');
    });

    it('looks at the host, not at user info or the path', () => {
      const offer = exampleOffer();
      offer.listing.videos = [
        { ...video(1), url: 'https://youtube.com@evil.example/watch' },
        { ...video(2), url: 'https://evil.example/youtube.com/watch' },
      ];
      const found = check(offer).filter((d) => d.code === 'video-host');
      assert.deepStrictEqual(found.map((d) => d.path), ['/listing/videos/0/url', '/listing/videos/1/url']);
    });

    it('leaves a URL that is not one to url-format', () => {
      const offer = exampleOffer();
      offer.listing.videos[0].url = 'not a url';
      expectNone(check(offer), 'video-host');
    });
  });

  describe('path-outside-workspace', () => {
    it('reports .. out of the workspace, without image-not-found', () => {
      const offer = exampleOffer();
      offer.listing.logos.small = '../../secret/logo.png';
      const text = printed(offer);
      const found = check(text);
      const diagnostic = expectOne(found, 'path-outside-workspace', '/listing/logos/small');
      assert.strictEqual(diagnostic.severity, 'error');
      assert.strictEqual(
        diagnostic.message,
        `'../../secret/logo.png' leads outside the workspace folder '${WORKSPACE}', so it is not read: move the file into that folder and give its path relative to the offer file.`,
      );
      assert.strictEqual(textAt(text, diagnostic), '"../../secret/logo.png"');
      expectNone(found, 'image-not-found');
    });

    it('reports an absolute path outside the workspace, and never reads that file', () => {
      const secret = path.resolve('/etc/secret.png');
      const host = makeHost({});
      host.write(secret, makePng(40, 40));
      const offer = exampleOffer();
      offer.listing.screenshots[0].path = secret;
      expectOne(check(offer, { host }), 'path-outside-workspace', '/listing/screenshots/0/path');
      assert.strictEqual(host.reads.get(secret), undefined);
    });

    it('reports a symbolic link that leads outside, and never reads its target', () => {
      const host = makeHost({});
      const target = path.resolve('/elsewhere/media');
      host.write(path.join(target, 'video-thumbnail.png'), makePng(1280, 720));
      host.links.set(path.join(WORKSPACE, 'offer', 'linked'), target);
      const offer = exampleOffer();
      offer.listing.videos[0].thumbnail = 'linked/video-thumbnail.png';
      const found = check(offer, { host });
      expectOne(found, 'path-outside-workspace', '/listing/videos/0/thumbnail');
      assert.strictEqual(host.reads.get(path.join(target, 'video-thumbnail.png')), undefined);
    });

    it('reports audience CSV paths too, without audience-csv-not-found', () => {
      const offer = exampleOffer();
      offer.previewAudience.csv = '../../preview.csv';
      offer.plans[0].privateAudience.csv = path.resolve('/tmp/gold.csv');
      const found = check(offer);
      expectOne(found, 'path-outside-workspace', '/previewAudience/csv');
      expectOne(found, 'path-outside-workspace', '/plans/0/privateAudience/csv');
      expectNone(found, 'audience-csv-not-found');
    });

    it('accepts .. that stays inside the workspace', () => {
      const offer = exampleOffer();
      offer.listing.logos.small = '../offer/media/logo-small.png';
      const found = check(offer);
      expectNone(found, 'path-outside-workspace');
      expectNone(found, 'image-not-found');
    });
  });

  it('never fails on wrong types and half-written media', () => {
    const variants: ((offer: Offer) => void)[] = [
      (offer) => (offer.listing.logos = { small: 40, medium: null, large: ['x'], wide: {} }),
      (offer) => (offer.listing.screenshots = [null, 'media/a.png', { path: 7 }, { caption: 'no path' }]),
      (offer) => (offer.listing.videos = [null, 3, { url: 5, thumbnail: false }, { url: 'https://[::1' }]),
      (offer) => (offer.listing.screenshots = { path: 'media/a.png' }),
      (offer) => (offer.listing = 'listing'),
    ];
    for (const change of variants) {
      const offer = exampleOffer();
      change(offer);
      const failures = check(offer).filter((d) => /^The check .* failed/.test(d.message));
      assert.deepStrictEqual(failures, []);
    }
    const truncated = printed(exampleOffer()).split('"logos"')[0] + '"logos": { "small": "media/logo-sm';
    assert.ok(check(truncated).every((d) => !/^The check .* failed/.test(d.message)));
  });

  describe('an unsaved offer', () => {
    it('gets no file diagnostics, but the count and host rules still run', () => {
      const offer = exampleOffer();
      offer.listing.logos.small = '../../outside.png';
      offer.listing.logos.medium = 'media/nothing.png';
      offer.previewAudience.csv = 'nothing.csv';
      offer.listing.videos = [1, 2, 3, 4, 5, 6].map(video);
      offer.listing.videos[0].url = 'https://example.com/v';
      const found = check(offer, { unsaved: true });
      for (const code of FILE_CODES) {
        expectNone(found, code);
      }
      expectOne(found, 'videos-count');
      expectOne(found, 'video-host');
    });
  });

  describe('file reads', () => {
    it('a one-character change of the offer reads no image, CSV or baseline again', () => {
      const host = makeHost({ baseline: exampleOffer() });
      const service = new OfferLanguageService({ fileHost: host });
      const location = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };
      const text = printed(exampleOffer());
      const first = service.validate(TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 1, text), location);
      assert.deepStrictEqual(codes(first), []);
      const readsAfterOpen = new Map(host.reads);
      const imagesAndCsvs = [...readsAfterOpen.keys()].filter((file) => /\.(png|csv)$|published/.test(file));
      assert.strictEqual(imagesAndCsvs.length, 9, 'six images, two CSVs and the baseline were read once');
      assert.ok([...imagesAndCsvs].every((file) => readsAfterOpen.get(file) === 1));

      const changed = text.replace('"Contoso Sentinel Operations"', '"Contoso Sentinel Operation"');
      service.validate(TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 2, changed), location);
      for (const file of imagesAndCsvs) {
        assert.strictEqual(host.reads.get(file), 1, `${file} was read again`);
      }
    });

    it('a file changed on disk (new stamp) is read again and re-checked', () => {
      const host = makeHost();
      const service = new OfferLanguageService({ fileHost: host });
      const location = { offerPath: OFFER_PATH, workspaceRoot: WORKSPACE };
      const document = TextDocument.create('file://' + OFFER_PATH, 'marketplace-offer', 1, printed(exampleOffer()));
      expectNone(service.validate(document, location), 'image-size');
      host.write(path.join(WORKSPACE, 'offer', 'media', 'logo-small.png'), makePng(48, 48), Date.now() + 5000);
      assert.strictEqual(expectOne(service.validate(document, location), 'image-size').message, 'The small logo is 48×48 pixels; it must be exactly 40×40.');
    });

    it('100 plans sharing one CSV and 100 plans with their own read each file once', () => {
      const offer = exampleOffer();
      const files: Record<string, string> = {};
      const plans = examplePlans(200);
      for (const [index, plan] of plans.entries()) {
        plan.privateAudience.csv = index < 100 ? 'gold-customers.csv' : `audiences/plan-${index}.csv`;
        files[`audiences/plan-${index}.csv`] = `${offer.plans[0].privateAudience.subscriptionIds[0]}\n`;
      }
      offer.plans = plans;
      const host = makeHost({ files });
      check(offer, { host });
      const csvReads = [...host.reads].filter(([file]) => file.endsWith('.csv'));
      assert.strictEqual(csvReads.length, 102);
      assert.ok(csvReads.every(([, count]) => count === 1), JSON.stringify(csvReads.filter(([, count]) => count !== 1)));
    });
  });
});
