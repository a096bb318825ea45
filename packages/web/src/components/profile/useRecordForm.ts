import { type UseFormReturnType, useForm } from '@mantine/form';
import { type Program, zProgramList } from '@tandem/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, apiParsed } from '../../lib/api';
import { useContractResolver, useFieldErrors } from '../../lib/forms';
import type { ProfileValues } from './ProfileFields';

type ContractSchema = Parameters<typeof useContractResolver>[0];

interface Options<V, R> {
  /** `/api/v1/participants` or `/api/v1/mentors`. */
  collection: string;
  /** The record being edited; none for a new one. */
  id: string | undefined;
  createSchema: ContractSchema;
  patchSchema: ContractSchema;
  recordSchema: { parse(data: unknown): R };
  empty: (programId: string) => V;
  fromRecord: (r: R) => V;
  /** The body the API takes, without `programId` (added for a create). */
  toBody: (v: V) => Record<string, unknown>;
  onSaved: (r: R) => void;
}

/**
 * One profile form, new or edit: the program list for a new record, the
 * record and its version for an edit, validation by the same contract schema
 * the server uses, and `If-Match` on save so an edit made meanwhile by someone
 * else is not overwritten but reported (REL-03: 412, reload).
 */
export function useRecordForm<
  V extends ProfileValues & { programId: string },
  R extends { id: string; version: number; programId: string },
>(o: Options<V, R>) {
  const qc = useQueryClient();
  const fieldErrors = useFieldErrors();
  const programs = useQuery({
    queryKey: ['programs'],
    queryFn: () => apiParsed(zProgramList, 'GET', '/api/v1/programs'),
  });
  const record = useQuery({
    queryKey: [o.collection, o.id],
    queryFn: () => apiParsed(o.recordSchema, 'GET', `${o.collection}/${o.id}`),
    enabled: !!o.id,
  });
  const createCheck = useContractResolver(o.createSchema);
  const patchCheck = useContractResolver(o.patchSchema);
  const form = useForm<V>({
    initialValues: o.empty(''),
    validate: (v) =>
      o.id ? patchCheck(o.toBody(v)) : createCheck({ programId: v.programId, ...o.toBody(v) }),
  });
  // The version this edit started from; a reload moves it to the current one.
  const [version, setVersion] = useState<number | null>(null);

  const firstProgram = programs.data?.items[0]?.id;
  useEffect(() => {
    if (!o.id && firstProgram && !form.values.programId)
      form.setValues({ programId: firstProgram } as Partial<V>);
  }, [o.id, firstProgram, form]);
  const loaded = record.data;
  // Only a newly loaded record resets the form, not each render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form and the mapping are the same for the page's life
  useEffect(() => {
    if (!loaded) return;
    form.setValues(o.fromRecord(loaded));
    form.resetDirty(o.fromRecord(loaded));
    setVersion(loaded.version);
  }, [loaded]);

  const save = useMutation({
    mutationFn: (v: V) =>
      o.id
        ? apiParsed(o.recordSchema, 'PATCH', `${o.collection}/${o.id}`, o.toBody(v), {
            'if-match': `"${version ?? loaded?.version ?? 0}"`,
          })
        : apiParsed(o.recordSchema, 'POST', o.collection, { programId: v.programId, ...o.toBody(v) }),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['participants'] });
      void qc.invalidateQueries({ queryKey: ['mentors'] });
      void qc.invalidateQueries({ queryKey: [o.collection, saved.id] });
      o.onSaved(saved);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const stale = save.error instanceof ApiError && save.error.status === 412;
  const program: Program | undefined = programs.data?.items.find(
    (p) => p.id === (loaded?.programId ?? form.values.programId),
  );
  return {
    form: form as UseFormReturnType<V>,
    programs: programs.data?.items ?? [],
    program,
    record: loaded,
    loadError: programs.error ?? record.error,
    save,
    stale,
    /** Take the other person's version and start again from it. */
    reload: async () => {
      await record.refetch();
      save.reset();
    },
  };
}

/** What a program's policy says about the form: its support domains (MOH-2, MUNI-1) and its week start. */
export function programTerms(program: Program | undefined) {
  const policy = (program?.policy ?? {}) as {
    supportDomains?: { domains?: string[] };
    weekStartsOn?: string;
  };
  return { domains: policy.supportDomains?.domains ?? [], weekStartsOn: policy.weekStartsOn };
}
