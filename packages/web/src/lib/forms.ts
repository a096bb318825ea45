import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** The parts of a zod issue the form needs; typed structurally so the web does not import zod. */
interface Issue {
  code: string;
  path: PropertyKey[];
  params?: Record<string, unknown>;
}
interface ContractSchema {
  safeParse(values: unknown): { success: true } | { success: false; error: { issues: Issue[] } };
}

/**
 * The code a field error is translated by (`errors.fields.<code>`). It is the
 * same vocabulary the server puts in a 400 problem's `errors[].code`: the zod
 * issue code, or the domain's own code for a custom text check. An empty field
 * reads "Required" rather than "Invalid format".
 */
function issueCode(issue: Issue, value: unknown): string {
  if (typeof value === 'string' && value.trim() === '') return 'required';
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  return issue.code;
}

function valueAt(values: unknown, path: PropertyKey[]): unknown {
  let at: unknown = values;
  for (const key of path) at = (at as Record<PropertyKey, unknown> | null | undefined)?.[key];
  return at;
}

/** The error code of each failing field (first issue per field), as the server would name it. */
export function contractErrorCodes(schema: ContractSchema, values: unknown): Record<string, string> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const codes: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    // The first issue on a field is the one to fix first.
    codes[field] ??= issueCode(issue, valueAt(values, issue.path));
  }
  return codes;
}

/**
 * A Mantine form validator from a contract request schema, so the browser
 * checks exactly what the server will check, with messages from the catalogs.
 */
export function useContractResolver(schema: ContractSchema) {
  const { t } = useTranslation();
  return (values: unknown): Record<string, string> =>
    Object.fromEntries(
      Object.entries(contractErrorCodes(schema, values)).map(([field, code]) => [
        field,
        t(`errors.fields.${code}`, { defaultValue: t('errors.fields.invalid_type') }),
      ]),
    );
}

/** A 400 problem's `errors[]` → translated messages for a Mantine form, keyed by field. */
export function useFieldErrors() {
  const { t } = useTranslation();
  return (error: unknown): Record<string, string> => {
    if (!(error instanceof ApiError)) return {};
    return Object.fromEntries(
      Object.entries(error.fieldErrors()).map(([field, code]) => [
        field,
        t(`errors.fields.${code}`, { defaultValue: t('errors.fields.invalid_type') }),
      ]),
    );
  };
}
