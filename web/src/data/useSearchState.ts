import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters and paging kept in the address, so a filtered list can be bookmarked, shared and
 * survives a reload. Values are strings; an empty value removes the parameter.
 */
export function useSearchState<Key extends string>(defaults: Record<Key, string>) {
  const [params, setParams] = useSearchParams();
  // Call sites pass a literal: the first one is what counts.
  const defaultsRef = useRef(defaults);
  const values = useMemo(() => {
    const result = { ...defaultsRef.current };
    for (const key of Object.keys(result) as Key[]) {
      const value = params.get(key);
      if (value !== null) result[key] = value;
    }
    return result;
  }, [params]);

  const update = useCallback(
    (changes: Partial<Record<Key, string | undefined>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes) as [Key, string | undefined][]) {
            if (value === undefined || value === '' || value === defaultsRef.current[key]) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, update] as const;
}
