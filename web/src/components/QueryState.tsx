import type { UseQueryResult } from '@tanstack/react-query';
import { Empty, Flex, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';

interface Props<T> {
  query: Pick<UseQueryResult<T>, 'data' | 'error' | 'isPending' | 'refetch'>;
  /** Shown instead of the children when the data is empty. */
  empty?: { when: (data: T) => boolean; description: ReactNode; action?: ReactNode };
  errorTitle?: string;
  children: (data: T) => ReactNode;
}

/** The loading, error and empty states every page shows the same way. */
export function QueryState<T>({ query, empty, errorTitle, children }: Props<T>) {
  const t = useT();
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined) {
    return <ErrorAlert error={query.error} title={errorTitle ?? t('error.loadFailed')} onRetry={() => void query.refetch()} />;
  }
  if (empty?.when(query.data)) {
    return (
      <Empty description={empty.description} image={Empty.PRESENTED_IMAGE_SIMPLE}>
        {empty.action}
      </Empty>
    );
  }
  return <>{children(query.data)}</>;
}

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 160 }} role="status" aria-live="polite">
      <Spin description={label ?? t('common.loading')} />
    </Flex>
  );
}
