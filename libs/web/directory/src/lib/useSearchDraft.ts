import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

/**
 * The text of a search box, written to the URL (`commit`) shortly after typing stops,
 * and refreshed when the URL changes on its own (back button, a link).
 */
export function useSearchDraft(committed: string, commit: (value: string) => void, delay = 300) {
  const [draft, setDraft] = useState(committed);
  const debounced = useDebouncedCallback(commit, delay);
  useEffect(() => {
    setDraft((current) => (current.trim() === committed.trim() ? current : committed));
  }, [committed]);
  return {
    draft,
    setDraft(value: string) {
      setDraft(value);
      debounced(value);
    },
    /** Apply at once (Enter). */
    flush() {
      debounced.cancel?.();
      commit(draft);
    },
  };
}
