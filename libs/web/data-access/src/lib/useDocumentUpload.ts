import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentOwnerKind } from '../gql/graphql';
import { useAuthSession } from './SessionProvider';
import { UploadAborted, uploadDocument, type UploadResult } from './upload';

/** The file being sent and how much of it has gone up. */
export interface UploadProgressState {
  name: string;
  loaded: number;
  total: number;
}

/**
 * uploadDocument for a form: the file in flight with its progress (for UploadProgress) and a
 * cancel. `upload` resolves with null when the person cancelled (nothing to report), throws
 * the ApiRequestError of a refusal otherwise; leaving the page cancels the upload.
 */
export function useDocumentUpload() {
  const session = useAuthSession();
  const [progress, setProgress] = useState<UploadProgressState | null>(null);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const upload = useCallback(
    async (
      owner: { ownerKind: DocumentOwnerKind; ownerId: string },
      file: File,
    ): Promise<UploadResult | null> => {
      const mine = new AbortController();
      controller.current = mine;
      setProgress({ name: file.name, loaded: 0, total: file.size });
      try {
        return await uploadDocument(session, owner, file, {
          signal: mine.signal,
          onProgress: (loaded, total) => setProgress({ name: file.name, loaded, total }),
        });
      } catch (error) {
        if (error instanceof UploadAborted) return null;
        throw error;
      } finally {
        if (controller.current === mine) controller.current = null;
        setProgress(null);
      }
    },
    [session],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { upload, progress, cancel };
}
