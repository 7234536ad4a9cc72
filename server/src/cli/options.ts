import { t } from '@core/l10n';
import { UsageError } from './usageError';

/**
 * Splits command-line arguments into `--flag value` / `--flag=value` options and positional
 * arguments, refusing flags the command does not know (exit 2 with the flag named).
 */
export function parseOptions(args: string[], valueFlags: readonly string[], booleanFlags: readonly string[] = []) {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (booleanFlags.includes(flag)) {
      flags.add(flag);
    } else if (valueFlags.includes(flag)) {
      const value = equals > 0 && arg.startsWith('--') ? arg.slice(equals + 1) : args[++i];
      if (value === undefined) {
        throw new UsageError(t('{0} needs a value.', flag));
      }
      options.set(flag, value);
    } else {
      throw new UsageError(t("Unknown option '{0}'.", flag));
    }
  }
  return { options, flags, positional };
}
