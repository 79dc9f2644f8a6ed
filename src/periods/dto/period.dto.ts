import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';
import { IsCalendarDate } from '../../common/validation/calendar-date.js';
import { trimString } from '../../common/validation/transforms.js';
import type { ReportingPeriod } from '../reporting-period.entity.js';

export class CreatePeriodDto {
  @ApiProperty({ example: '2024-Q3', description: 'Unique' })
  @Transform(trimString)
  @IsString()
  @Length(1, 50)
  label!: string;

  @ApiProperty({ format: 'date', example: '2024-07-01' })
  @IsCalendarDate()
  startDate!: string;

  @ApiProperty({ format: 'date', example: '2024-09-30' })
  @IsCalendarDate()
  endDate!: string;

  @ApiProperty({ format: 'date', example: '2024-10-15', description: 'Submission deadline; on or after endDate' })
  @IsCalendarDate()
  dueDate!: string;
}

export class UpdatePeriodDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 50)
  label?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
}

export class PeriodListQuery extends PaginationQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  closed?: boolean;
}

export class PeriodResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty() closed!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toPeriodResponse(period: ReportingPeriod): PeriodResponse {
  return {
    id: period.id,
    label: period.label,
    startDate: period.startDate,
    endDate: period.endDate,
    dueDate: period.dueDate,
    closed: period.closed,
    createdAt: period.createdAt.toISOString(),
    updatedAt: period.updatedAt.toISOString(),
  };
}

export function periodDateProblems(p: { startDate: string; endDate: string; dueDate: string }): string[] {
  const problems: string[] = [];
  if (p.startDate > p.endDate) problems.push('startDate must not be after endDate');
  if (p.endDate > p.dueDate) problems.push('dueDate must not be before endDate');
  return problems;
}
