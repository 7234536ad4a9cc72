/** What a report format needs besides the problems: where paths are relative to. */
export interface FormatContext {
  /** `--root`: the workspace folder; report paths are relative to it. */
  root: string;
  /** The folder the checker runs in: file arguments are relative to it. */
  cwd: string;
}
