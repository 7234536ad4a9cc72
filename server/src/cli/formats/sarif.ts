/**
 * `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers. The
 * shapes are `@types/sarif`'s (the spec's object model as TypeScript types, nothing at run time),
 * so the compiler checks every property name and value against the standard.
 */
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'url';
import { escapeInvisiblesInJson } from '@core/text/quote';
import { version } from '../../../../package.json';
import type { Severity } from '../../rules/diagnostic';
import type { FileDiagnostic } from '../check';
import { artifactPath, relativeUri, rootUri } from './artifactPath';
import type { FormatContext } from './formatContext';
import { ruleDescriptions } from './ruleCatalog';

/** The base that relative artifact URIs name; `originalUriBaseIds` says where it was on this machine. */
const ROOT_BASE_ID = '%SRCROOT%';

export function sarifLevel(severity: Severity): Sarif.Result.level {
  return severity === 'info' ? 'note' : severity;
}

/** "The offer ID appears in the marketplace URL…: lowercase letters…" → its first sentence. */
function firstSentence(text: string): string {
  const end = text.indexOf('. ');
  return end < 0 ? text : text.slice(0, end + 1);
}

export function buildSarifLog(diagnostics: readonly FileDiagnostic[], context: FormatContext): Sarif.Log {
  const descriptions = ruleDescriptions();
  const rules: Sarif.ReportingDescriptor[] = descriptions.map((rule) => ({
    id: rule.code,
    shortDescription: { text: firstSentence(rule.docs) },
    fullDescription: { text: rule.docs },
    help: { text: rule.docs },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
  }));
  const ruleIndex = new Map(descriptions.map((rule, index) => [rule.code, index]));

  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const results = diagnostics.map((diagnostic): Sarif.Result => {
    const where = artifactPath(diagnostic.file, context.root, context.cwd);
    let index = artifactIndex.get(where.absolutePath);
    const location: Sarif.ArtifactLocation = where.underRoot
      ? { uri: relativeUri(where.path), uriBaseId: ROOT_BASE_ID }
      : { uri: pathToFileURL(where.absolutePath).href };
    if (index === undefined) {
      index = artifacts.length;
      artifacts.push({ location: { ...location }, mimeType: 'application/json' });
      artifactIndex.set(where.absolutePath, index);
    }
    if (!ruleIndex.has(diagnostic.code)) {
      // A code outside the table (none today): still a rule of the driver, so the result resolves.
      ruleIndex.set(diagnostic.code, rules.length);
      rules.push({ id: diagnostic.code, shortDescription: { text: diagnostic.code } });
    }
    const { start, end } = diagnostic.range;
    return {
      ruleId: diagnostic.code,
      ruleIndex: ruleIndex.get(diagnostic.code),
      level: sarifLevel(diagnostic.severity),
      message: { text: diagnostic.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...location, index },
            // SARIF counts from 1 and its end column is the one after the region, as LSP's is.
            region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
          },
          // The JSON pointer of the value, as `--format json` gives it ('' is the whole file).
          ...(diagnostic.path ? { logicalLocations: [{ fullyQualifiedName: diagnostic.path, kind: 'member' }] } : {}),
        },
      ],
    };
  });

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'offer-lint', semanticVersion: version, version, rules } },
        originalUriBaseIds: { [ROOT_BASE_ID]: { uri: rootUri(context.root, context.cwd) } },
        artifacts,
        results,
        // LSP columns count UTF-16 code units, as the text format prints them.
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** The log as JSON, invisible characters (an offer key's in a pointer, a file name's) written as `\u` escapes. */
export function formatSarif(diagnostics: readonly FileDiagnostic[], context: FormatContext): string {
  return escapeInvisiblesInJson(JSON.stringify(buildSarifLog(diagnostics, context), null, 2));
}
