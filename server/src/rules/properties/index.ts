import type { Rule } from '../rule';
import { categoriesCount } from './categoriesCount';
import { categoryUnknown } from './categoryUnknown';
import { termsRequired } from './termsRequired';

/** Properties: categories and terms. */
export const propertiesRules: Rule[] = [
  categoriesCount,
  categoryUnknown,
  termsRequired,
];
