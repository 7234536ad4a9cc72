import * as path from 'path';
import { writeBoundary, writeFilesSafelySync } from '@core/files/safeWriter';
import { t } from '@core/l10n';
import { escapeControlCharacters } from '@core/text/quote';
import { exportPlan } from '../arm/exportPlan';
import { readArmJsonFileSync, TemplateImportError } from '../arm/armFile';
import { importTemplate } from '../arm/importTemplate';
import { OfferLanguageService } from '../languageService';
import { checkFile, formatText } from './check';
import type { CliIO } from './main';
import { parseOptions } from './options';
import { UsageError } from './usageError';

/**
 * `export-arm OFFER --plan ID [--scope subscription|resourceGroup] --out DIR [--root DIR] [--force]`
 *
 * Writes through the shared safe writer: `--out` is created when missing; when it is inside the
 * workspace (`--root`) as written it must really be inside it (a link can't lead the files out);
 * a link where a file would go is refused; an existing file is replaced only with `--force`.
 */
export function exportArmCommand(args: string[], io: CliIO): number {
  const { options, flags, positional } = parseOptions(args, ['--plan', '--scope', '--out', '--root'], ['--force']);
  if (positional.length !== 1) {
    throw new UsageError(t('export-arm takes one offer file.'));
  }
  const planId = options.get('--plan');
  const outDir = options.get('--out');
  if (!planId || !outDir) {
    throw new UsageError(t('export-arm needs --plan ID and --out DIR.'));
  }
  const scope = options.get('--scope') ?? 'subscription';
  if (scope !== 'subscription' && scope !== 'resourceGroup') {
    throw new UsageError(t("Unknown scope '{0}': use subscription or resourceGroup.", scope));
  }
  const checked = checkFile(positional[0], options.get('--root'), new OfferLanguageService(), io.cwd);
  const root = checked.location.workspaceRoot;
  const result = exportPlan(checked.document, checked.diagnostics, planId, scope);
  if (!result.ok && result.reason === 'no-such-plan') {
    throw new UsageError(result.message);
  }
  if (!result.ok) {
    io.stderr(`offer-lint: ${result.message}`);
    if (result.problems.length > 0) {
      io.stdout(formatText(result.problems.map((d) => ({ file: checked.file, ...d }))));
    }
    return 1;
  }
  const folder = path.resolve(io.cwd, outDir);
  const force = flags.has('--force');
  const outcome = writeFilesSafelySync({ folder, boundary: writeBoundary(folder, root), files: result.exported.files }, () => force);
  if (!outcome.ok) {
    io.stderr(
      `offer-lint: ${
        outcome.reason === 'declined'
          ? t('{0} already exists: nothing was written. Use --force to replace it.', (outcome.existing ?? []).map(escapeControlCharacters).join(', '))
          : outcome.message
      }`,
    );
    return 2;
  }
  io.stdout(t('Wrote {0} and {1}.', ...outcome.written.map(escapeControlCharacters)));
  return 0;
}

function readJsonFile(file: string, io: CliIO) {
  const read = readArmJsonFileSync(path.resolve(io.cwd, file), file);
  if (!read.ok) {
    throw new UsageError(read.message);
  }
  return read.file;
}

/** `import-arm TEMPLATE [PARAMETERS]`: prints the plan's technicalConfiguration as JSON. */
export function importArmCommand(args: string[], io: CliIO): number {
  const { positional } = parseOptions(args, []);
  if (positional.length < 1 || positional.length > 2) {
    throw new UsageError(t('import-arm takes a template file and, optionally, its parameters file.'));
  }
  try {
    const template = readJsonFile(positional[0], io);
    const parameters = positional[1] !== undefined ? readJsonFile(positional[1], io) : undefined;
    io.stdout(JSON.stringify(importTemplate(template, parameters), null, 2));
    return 0;
  } catch (error) {
    if (error instanceof TemplateImportError) {
      io.stderr(`offer-lint: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
