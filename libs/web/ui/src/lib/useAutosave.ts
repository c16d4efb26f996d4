import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Saves `values` AUTOSAVE_DELAY_MS after the last change (debounced), one save at a time:
 * a change made while a save runs is saved right after it. `flush()` saves now (nothing when
 * nothing changed since the last save) and resolves when everything typed so far is saved.
 */
export function useAutosave<T>(
  values: T,
  dirty: boolean,
  save: (values: T) => Promise<void>,
  delay = AUTOSAVE_DELAY_MS,
) {
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(values);
  const saveRef = useRef(save);
  const running = useRef<Promise<void> | null>(null);
  const pending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Every new `values` is a version; a save records the version it wrote.
  const version = useRef(0);
  const savedVersion = useRef(0);
  if (latest.current !== values) version.current += 1;
  latest.current = values;
  saveRef.current = save;

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (running.current) {
      pending.current = true;
      await running.current;
      if (pending.current) return flush();
      return;
    }
    pending.current = false;
    if (savedVersion.current === version.current) return;
    const writing = version.current;
    setStatus('saving');
    const run = (async () => {
      try {
        await saveRef.current(latest.current);
        savedVersion.current = writing;
        setStatus('saved');
        setSavedAt(new Date());
        setError(null);
      } catch (e) {
        setStatus('error');
        setError(e);
        throw e;
      } finally {
        running.current = null;
      }
    })();
    running.current = run.catch(() => undefined);
    await run;
  }, []);

  useEffect(() => {
    if (!dirty) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      flush().catch(() => {
        // shown through `status` and `error`
      });
    }, delay);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [values, dirty, delay, flush]);

  // Leaving the page within the debounce still saves what was typed.
  useEffect(
    () => () => {
      if (savedVersion.current !== version.current) flush().catch(() => undefined);
    },
    [flush],
  );

  return { status, savedAt, error, flush };
}
