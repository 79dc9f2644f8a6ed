import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isApiError, messagesByField } from '../../../api/errors';
import { fetchReportForPeriod, useSaveDraft, type VersionedReport } from '../../../data/reports';
import { toReportInput, type FieldPath, type ReportFormValues } from '../../../domain/report-form';

const DEBOUNCE_MS = 1200;

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Some fields need fixing first; nothing is sent until they are. */
  | { kind: 'invalid'; general: string[] }
  /** Someone else saved since this page loaded: saving stops until the page reloads. */
  | { kind: 'conflict' }
  | { kind: 'failed'; error: unknown };

interface Options {
  form: FormInstance<ReportFormValues>;
  pilotId: string;
  periodId: string;
  initial: VersionedReport | null;
  enabled: boolean;
  /** Field errors the server reported, to show next to their fields. */
  onFieldErrors(errors: { name: FieldPath; errors: string[] }[]): void;
}

/**
 * Saves the draft a moment after each change, always with the ETag of the version this page
 * last saw (If-Match), so two tabs never overwrite each other silently: the second gets 412.
 */
export function useAutosave({ form, pilotId, periodId, initial, enabled, onFieldErrors }: Options) {
  const save = useSaveDraft(pilotId, periodId);
  const etag = useRef<string | null>(initial?.etag ?? null);
  const existed = useRef(initial !== null);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<VersionedReport | null> | null>(null);
  const dirty = useRef(false);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: initial?.report.updatedAt ?? null });
  const stopped = state.kind === 'conflict';

  const saveNow = useCallback(async (): Promise<VersionedReport | null> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (stopped) return null;
    const run = async (): Promise<VersionedReport | null> => {
      try {
        await form.validateFields({ validateOnly: true, recursive: true });
      } catch {
        setState({ kind: 'invalid', general: [] });
        return null;
      }
      dirty.current = false;
      setState({ kind: 'saving' });
      const built = toReportInput(form.getFieldsValue(true) as ReportFormValues);
      try {
        // Nobody had written this report when the page opened: make sure nobody has since.
        if (!existed.current && (await fetchReportForPeriod(pilotId, periodId))) throw new ApiError(412, []);
        const saved = await save.mutateAsync({ body: built.body, etag: etag.current });
        etag.current = saved.etag;
        existed.current = true;
        setState(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: saved.report.updatedAt });
        return saved;
      } catch (error) {
        dirty.current = true;
        if (isApiError(error, 412)) {
          setState({ kind: 'conflict' });
        } else if (isApiError(error, 400)) {
          const { fields, general } = messagesByField(error.messages);
          const placed: { name: FieldPath; errors: string[] }[] = [];
          for (const [path, messages] of fields) {
            const name = built.fieldOf(path);
            if (name) placed.push({ name, errors: messages });
            else general.push(...messages);
          }
          onFieldErrors(placed);
          setState({ kind: 'invalid', general });
        } else {
          setState({ kind: 'failed', error });
        }
        return null;
      }
    };
    const running = run();
    inFlight.current = running;
    try {
      return await running;
    } finally {
      inFlight.current = null;
    }
  }, [form, pilotId, periodId, save, stopped, onFieldErrors]);

  /** Call on every change of the form's values. */
  const changed = useCallback(() => {
    if (!enabled || stopped) return;
    dirty.current = true;
    setState({ kind: 'pending' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void saveNow(), DEBOUNCE_MS);
  }, [enabled, stopped, saveNow]);

  // Warn before leaving while a change is not saved yet.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.clearTimeout(timer.current);
    };
  }, []);

  return { state, changed, saveNow };
}
