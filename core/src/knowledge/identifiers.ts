/**
 * What an id of Microsoft Entra ID or Azure looks like in an offer (tenant, principal, role
 * definition, subscription): a GUID, 8-4-4-4-12 hex digits.
 */

/**
 * Checked by hand rather than by a regular expression: every id of every check goes through here
 * (thousands on a large offer), and the loop is several times faster.
 */
export function isGuid(text: string): boolean {
  if (text.length !== 36) {
    return false;
  }
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 0x2d) {
        return false;
      }
    } else if (!((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x66))) {
      return false; // not 0-9, a-f or A-F (| 0x20 lowercases a letter)
    }
  }
  return true;
}
