/**
 * `handoff OFFER [--format markdown|json] [--root DIR]`: the hand-off sheet, every Partner Center
 * page and field with the exact value to type or the file to upload (features/handoff). The sheet
 * is printed even for an offer with errors (a draft is handed off page by page), but the exit
 * code is then 1 and stderr says how many errors Partner Center would refuse.
 */
import { t } from '@core/l10n';
import { escapeInvisiblesInJson } from '@core/text/quote';
import { handoffMarkdown } from '../features/handoff';
import { OfferLanguageService } from '../languageService';
import { checkFile } from './check';
import type { CliIO } from './main';
import { parseOptions } from './options';
import { UsageError } from './usageError';

export function handoffCommand(args: string[], io: CliIO): number {
  const { options, positional } = parseOptions(args, ['--format', '--root']);
  if (positional.length !== 1) {
    throw new UsageError(t('handoff takes one offer file.'));
  }
  const format = options.get('--format') ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') {
    throw new UsageError(t("Unknown format '{0}': use {1}.", format, 'markdown, json'));
  }
  const service = new OfferLanguageService();
  const checked = checkFile(positional[0], options.get('--root'), service, io.cwd);
  const sheet = service.handoff(checked.document.textDocument, checked.location);
  io.stdout(format === 'json' ? escapeInvisiblesInJson(JSON.stringify(sheet, null, 2)) : handoffMarkdown(sheet));
  const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    io.stderr(
      `offer-lint: ${errors === 1 ? t('{0} has 1 error: Partner Center would refuse it as it is.', checked.file) : t('{0} has {1} errors: Partner Center would refuse it as it is.', checked.file, errors)}`,
    );
    return 1;
  }
  return 0;
}

