import type { RoleCatalog } from '@core/catalog/roleCatalog';
import type { OfferFiles } from '../workspace/offerFiles';
import type { WorkspaceFileIndex } from './workspaceFiles';

/** What the editing features may ask besides the document itself. */
export interface FeatureServices {
  catalog: RoleCatalog;
  /** The files beside the offer; undefined for an unsaved offer, whose paths can't be resolved. */
  files?: OfferFiles;
  /** The workspace's files, for path completions. */
  workspaceFiles?: WorkspaceFileIndex;
}
