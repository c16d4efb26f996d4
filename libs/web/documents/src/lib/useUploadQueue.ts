import {
  precheck,
  UploadAborted,
  UploadError,
  type UploadErrorCode,
  type UploadResult,
  type UploadTarget,
  uploadUrl,
  uploadWithSession,
  useAuthSession,
} from '@civitas/web/data-access';
import { useCallback, useEffect, useRef, useState } from 'react';

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  id: string;
  name: string;
  size: number;
  loaded: number;
  status: UploadStatus;
  error?: UploadErrorCode;
  result?: UploadResult;
}

export type UploadEvent =
  | { type: 'added'; items: UploadItem[] }
  | { type: 'started'; id: string }
  | { type: 'progress'; id: string; loaded: number }
  | { type: 'done'; id: string; result: UploadResult }
  | { type: 'failed'; id: string; error: UploadErrorCode }
  | { type: 'cancelled'; id: string }
  | { type: 'cleared' };

const FINISHED: ReadonlySet<UploadStatus> = new Set(['done', 'failed', 'cancelled']);

/** The queue's state after an event (pure: the hook below and the tests share it). */
export function uploadQueueReducer(items: UploadItem[], event: UploadEvent): UploadItem[] {
  const patch = (id: string, change: Partial<UploadItem>) =>
    items.map((item) =>
      item.id === id && !FINISHED.has(item.status) ? { ...item, ...change } : item,
    );
  switch (event.type) {
    case 'added':
      return [...items, ...event.items];
    case 'started':
      return patch(event.id, { status: 'uploading' });
    case 'progress':
      return patch(event.id, { loaded: event.loaded });
    case 'done':
      return patch(event.id, { status: 'done', loaded: event.result.size, result: event.result });
    case 'failed':
      return patch(event.id, { status: 'failed', error: event.error });
    case 'cancelled':
      return patch(event.id, { status: 'cancelled' });
    case 'cleared':
      return items.filter((item) => !FINISHED.has(item.status));
  }
}

/** Percent done, 0–100, for the progress bar. */
export function percent(item: Pick<UploadItem, 'loaded' | 'size' | 'status'>): number {
  if (item.status === 'done') return 100;
  if (!item.size) return 0;
  return Math.min(100, Math.round((item.loaded / item.size) * 100));
}

let counter = 0;

/** How many files go up at once; the others wait their turn. */
const PARALLEL = 2;

/**
 * A queue of uploads with per-file progress, cancellation and the API's refusals kept as
 * codes (the page puts them in words). `onFinished` runs after each file, success or not.
 */
export function useUploadQueue(options: { onFinished?: (item: UploadItem) => void }) {
  const session = useAuthSession();
  const [items, setItems] = useState<UploadItem[]>([]);
  const jobs = useRef(
    new Map<string, { file: Blob; target: UploadTarget; controller: AbortController }>(),
  );
  const order = useRef<string[]>([]);
  const running = useRef(0);
  const onFinished = useRef(options.onFinished);
  onFinished.current = options.onFinished;

  const dispatch = useCallback((event: UploadEvent) => {
    setItems((current) => uploadQueueReducer(current, event));
  }, []);

  const pump = useCallback(() => {
    while (running.current < PARALLEL && order.current.length) {
      const id = order.current.shift() as string;
      const job = jobs.current.get(id);
      if (!job || job.controller.signal.aborted) continue;
      running.current += 1;
      dispatch({ type: 'started', id });
      const name = (job.file as File).name ?? '';
      const started: UploadItem = {
        id,
        name,
        size: job.file.size,
        loaded: 0,
        status: 'uploading',
      };
      uploadWithSession(session, {
        url: uploadUrl(job.target, name),
        body: job.file,
        signal: job.controller.signal,
        onProgress: (loaded) => dispatch({ type: 'progress', id, loaded }),
      })
        .then((result): UploadEvent => ({ type: 'done', id, result }))
        .catch((error: unknown): UploadEvent => {
          if (error instanceof UploadAborted) return { type: 'cancelled', id };
          if (error instanceof UploadError) return { type: 'failed', id, error: error.code };
          return { type: 'failed', id, error: 'UNKNOWN' };
        })
        .then((event) => {
          dispatch(event);
          running.current -= 1;
          jobs.current.delete(id);
          // The item as it ended (the state update may not have run yet).
          onFinished.current?.(uploadQueueReducer([started], event)[0]);
          pump();
        });
    }
  }, [dispatch, session]);

  const enqueue = useCallback(
    (files: File[], target: UploadTarget, maxFileBytes?: number) => {
      const added: UploadItem[] = [];
      const refused: UploadItem[] = [];
      for (const file of files) {
        const id = `upload-${++counter}`;
        const early = precheck(file, maxFileBytes);
        const item: UploadItem = {
          id,
          name: file.name,
          size: file.size,
          loaded: 0,
          status: 'waiting',
        };
        if (early) {
          refused.push({ ...item, status: 'failed', error: early.code });
          continue;
        }
        jobs.current.set(id, { file, target, controller: new AbortController() });
        order.current.push(id);
        added.push(item);
      }
      dispatch({ type: 'added', items: [...added, ...refused] });
      for (const item of refused) onFinished.current?.(item);
      pump();
    },
    [dispatch, pump],
  );

  const cancel = useCallback(
    (id: string) => {
      const job = jobs.current.get(id);
      if (!job) return;
      job.controller.abort();
      // A waiting file never started: it is cancelled here, a running one by its XHR.
      if (order.current.includes(id)) {
        order.current = order.current.filter((x) => x !== id);
        jobs.current.delete(id);
        dispatch({ type: 'cancelled', id });
        const name = (job.file as File).name ?? '';
        onFinished.current?.({ id, name, size: job.file.size, loaded: 0, status: 'cancelled' });
      }
    },
    [dispatch],
  );

  const clearFinished = useCallback(() => dispatch({ type: 'cleared' }), [dispatch]);

  // Leaving the page stops what is still going up.
  useEffect(() => {
    const current = jobs.current;
    return () => current.forEach((job) => job.controller.abort());
  }, []);

  return { items, enqueue, cancel, clearFinished };
}
