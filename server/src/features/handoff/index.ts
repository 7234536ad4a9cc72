export { handoffSheet } from './handoffSheet';
export type { HandoffField, HandoffFieldKind, HandoffPage, HandoffSection, HandoffSheet } from './handoffSheet';
export { handoffMarkdown } from './handoffMarkdown';
