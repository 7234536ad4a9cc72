/** Writes the example offer's images at the sizes Partner Center requires (run by `npm run example:media`). */
import * as fs from 'fs';
import * as path from 'path';
import { makePng } from './pngWriter';

export const EXAMPLE_MEDIA: Record<string, [number, number]> = {
  'logo-small.png': [40, 40],
  'logo-medium.png': [90, 90],
  'logo-large.png': [115, 115],
  'logo-wide.png': [255, 115],
  'screenshot-dashboard.png': [1280, 720],
  'video-thumbnail.png': [1280, 720],
};

if (require.main === module) {
  const folder = path.resolve(process.argv[2] ?? 'examples/contoso-sentinel/media');
  fs.mkdirSync(folder, { recursive: true });
  for (const [name, [width, height]] of Object.entries(EXAMPLE_MEDIA)) {
    fs.writeFileSync(path.join(folder, name), makePng(width, height));
    console.log(`${path.join(folder, name)} ${width}×${height}`);
  }
}
