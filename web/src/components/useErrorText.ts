import { useCallback } from 'react';
import { ApiError } from '../api/errors';
import { useT } from '../i18n/I18nProvider';

/** Explains a failed call in plain words, with the server's own message where it has one. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.unexpected');
      const detail = error.messages.join('; ');
      switch (error.status) {
        case 0:
          return t('error.network');
        case 400:
          return detail ? t('error.badInput', { detail }) : t('error.badInputPlain');
        case 401:
          return t('error.unauthenticated');
        case 403:
          return t('error.forbidden');
        case 404:
          return t('error.notFound');
        case 409:
          return detail ? t('error.conflict', { detail }) : t('error.conflictPlain');
        case 412:
          return t('error.stale');
        case 413:
          return t('error.tooLarge');
        case 415:
          return t('error.unsupportedType');
        case 429:
          return error.retryAfter ? t('error.tooManyWait', { minutes: Math.ceil(error.retryAfter / 60) }) : t('error.tooMany');
        default:
          return error.status >= 500 ? t('error.server') : detail || t('error.unexpected');
      }
    },
    [t],
  );
}
