import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

type Props = Omit<DatePickerProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
};

/** A date picker whose value is a calendar date string (YYYY-MM-DD), as the API speaks. */
export function DateField({ value, onChange, ...props }: Props) {
  return (
    <DatePicker
      {...props}
      value={value ? dayjs(value) : null}
      onChange={(date) => onChange?.(date && !Array.isArray(date) ? date.format('YYYY-MM-DD') : null)}
    />
  );
}
