import * as fs from 'fs';
import * as path from 'path';
import { exportPlan } from '../arm/exportPlan';
import { importTemplate, parseArmJson, TemplateImportError } from '../arm/importTemplate';
import { t } from '@core/l10n';
import { OfferLanguageService } from '../languageService';
import { checkFile, formatText } from './check';
import type { CliIO } from './main';
import { parseOptions } from './options';
import { UsageError } from './usageError';

/** `export-arm OFFER --plan ID [--scope subscription|resourceGroup] --out DIR [--root DIR]` */
export function exportArmCommand(args: string[], io: CliIO): number {
  const { options, positional } = parseOptions(args, ['--plan', '--scope', '--out', '--root']);
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
  const checked = checkFile(positional[0], options.get('--root'), new OfferLanguageService());
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
  try {
    fs.mkdirSync(outDir, { recursive: true });
    const templatePath = path.join(outDir, `${planId}.template.json`);
    const parametersPath = path.join(outDir, `${planId}.parameters.json`);
    fs.writeFileSync(templatePath, JSON.stringify(result.exported.template, null, 2) + '\n');
    fs.writeFileSync(parametersPath, JSON.stringify(result.exported.parameters, null, 2) + '\n');
    io.stdout(t('Wrote {0} and {1}.', templatePath, parametersPath));
  } catch (error) {
    throw new UsageError(t('Cannot write to {0}: {1}', outDir, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  return 0;
}

function readJsonFile(file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(t('Cannot read {0}: {1}', file, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  return parseArmJson(text, file);
}

/** `import-arm TEMPLATE [PARAMETERS]`: prints the plan's technicalConfiguration as JSON. */
export function importArmCommand(args: string[], io: CliIO): number {
  const { positional } = parseOptions(args, []);
  if (positional.length < 1 || positional.length > 2) {
    throw new UsageError(t('import-arm takes a template file and, optionally, its parameters file.'));
  }
  try {
    const template = readJsonFile(positional[0]);
    const parameters = positional[1] !== undefined ? readJsonFile(positional[1]) : undefined;
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
