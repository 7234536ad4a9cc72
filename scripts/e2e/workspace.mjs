// Assembles the test workspace in a fresh folder: the offers of test/e2e-workspace/ beside
// `example/`, a copy of examples/contoso-sentinel taken at run time so that the suite always
// checks the example as it is now. The suite edits and saves files: never point it at the sources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function prepareWorkspace(target) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(path.join(REPO_ROOT, 'test', 'e2e-workspace'), target, {
    recursive: true,
    filter: (source) => path.basename(source) !== 'README.md',
  });
  fs.cpSync(path.join(REPO_ROOT, 'examples', 'contoso-sentinel'), path.join(target, 'example'), { recursive: true });
  prepareHostileOffer(target);
  return target;
}

/**
 * Files outside the workspace that a hostile repository points at: the user's settings, and a
 * file of another project. The checks read them back to show that they were left as they were.
 */
export function hostileVictims(workspace) {
  const outside = path.join(path.dirname(workspace), 'outside');
  return {
    settings: path.join(outside, 'User', 'settings.json'),
    otherProject: path.join(outside, 'other-project', 'deploy.parameters.json'),
  };
}

export const VICTIM_TEXT = '{ "written-by": "the user, not the extension" }\n';

/**
 * `hostile/`: the example's offer in a folder where a repository written by someone else put
 * links where the extension writes: `offer.published.json` leads to the user's settings, and
 * `onboarding/gold.parameters.json` to a file of another project. Made here, at run time, because
 * links do not survive every checkout.
 */
function prepareHostileOffer(workspace) {
  const victims = hostileVictims(workspace);
  for (const victim of Object.values(victims)) {
    fs.mkdirSync(path.dirname(victim), { recursive: true });
    fs.writeFileSync(victim, VICTIM_TEXT);
  }
  const folder = path.join(workspace, 'hostile');
  fs.mkdirSync(path.join(folder, 'onboarding'), { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'contoso-sentinel', 'offer.json'), path.join(folder, 'offer.json'));
  fs.symlinkSync(victims.settings, path.join(folder, 'offer.published.json'));
  fs.symlinkSync(victims.otherProject, path.join(folder, 'onboarding', 'gold.parameters.json'));
}
