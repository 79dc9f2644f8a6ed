import { Select, type SelectProps } from 'antd';
import type { Period } from '../api/types';
import { usePeriods, usePilots, useProvinces } from '../data/reference';
import { useI18n } from '../i18n/I18nProvider';

type Base = Omit<SelectProps<string>, 'options' | 'loading' | 'mode'>;

/** Reporting periods, newest first. */
export function PeriodSelect(props: Base & { filter?: (period: Period) => boolean }) {
  const { t } = useI18n();
  const periods = usePeriods();
  const { filter, ...rest } = props;
  return (
    <Select
      aria-label={t('filter.period')}
      placeholder={t('filter.period')}
      style={{ minWidth: 140 }}
      {...rest}
      loading={periods.isPending}
      options={[...(periods.data ?? [])]
        .filter(filter ?? (() => true))
        .reverse()
        .map((period) => ({ value: period.id, label: period.closed ? `${period.label} (${t('period.closed')})` : period.label }))}
    />
  );
}

/** Provinces of the pilots in the caller's scope, named in the interface language. */
export function ProvinceSelect(props: Base) {
  const { t, language } = useI18n();
  const { provinces, isPending } = useProvinces();
  return (
    <Select
      aria-label={t('filter.province')}
      placeholder={t('filter.allProvinces')}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 150 }}
      {...props}
      loading={isPending}
      options={provinces.map((p) => ({ value: p.zh, label: language === 'zh' ? p.zh : p.en }))}
    />
  );
}

export function PilotSelect(props: Base) {
  const { t, language } = useI18n();
  const pilots = usePilots();
  return (
    <Select
      aria-label={t('filter.pilot')}
      placeholder={t('filter.allPilots')}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 200 }}
      {...props}
      loading={pilots.isPending}
      options={(pilots.data ?? []).map((p) => ({ value: p.id, label: language === 'zh' ? p.nameZh : p.nameEn }))}
    />
  );
}
