import type { Db, Tx } from '@tandem/db';
import type { FieldCipher } from '../../crypto/fields';

/**
 * Free text of the lifecycle — closure and review notes, the reasons given to a
 * committee — is health data, so it is sealed per field under the
 * organisation's key (CRY-01). The AAD names the column and row, so a sealed
 * value cannot be moved to another row or column and still open.
 */
export interface Texts {
  seal(column: string, rowId: string, text: string): string;
  open(column: string, rowId: string, sealed: string): string;
}

export async function textsFor(fields: FieldCipher, db: Db | Tx, orgId: string): Promise<Texts> {
  const key = await fields.keyFor(db, orgId);
  const aad = (column: string, rowId: string) => `${column}:${orgId}:${rowId}`;
  return {
    seal: (column, rowId, text) => fields.seal(key, text, aad(column, rowId)),
    open: (column, rowId, sealed) => fields.open(key, sealed, aad(column, rowId)),
  };
}

export const sealNullable = (texts: Texts, column: string, rowId: string, text: string | null) =>
  text === null ? null : texts.seal(column, rowId, text);
export const openNullable = (texts: Texts, column: string, rowId: string, sealed: string | null) =>
  sealed === null ? null : texts.open(column, rowId, sealed);
