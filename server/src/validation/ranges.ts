import type { Node } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import type { OfferDocument } from '@core/model/offerDocument';

/**
 * Where to show that an object lacks a property: on the key that names the object
 * (`"leadManagement": {…}` → `"leadManagement"`), or on its opening brace when it has no key
 * (the root, an array element).
 */
export function missingPropertyRange(document: OfferDocument, objectNode: Node): Range {
  const property = objectNode.parent;
  if (property?.type === 'property' && property.children?.[0]) {
    return document.rangeOf(property.children[0]);
  }
  return document.rangeAt(objectNode.offset, 1);
}
