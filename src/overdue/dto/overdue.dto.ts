import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';
import { IsCalendarDate } from '../../common/validation/calendar-date.js';
import { OVERDUE_TYPES, type OverdueType } from '../overdue.repository.js';

export const OVERDUE_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type OverdueFormat = (typeof OVERDUE_FORMATS)[number];

export class OverdueQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Judge deadlines as of this date; default today in APP_TIMEZONE' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: OVERDUE_TYPES })
  @IsOptional()
  @IsIn(OVERDUE_TYPES)
  type?: OverdueType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;

  @ApiPropertyOptional({ description: "Matches a pilot's provinceZh or provinceEn" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  province?: string;

  @ApiPropertyOptional({ enum: OVERDUE_FORMATS, default: 'json', description: 'csv and xlsx hold every item (no paging)' })
  @IsOptional()
  @IsIn(OVERDUE_FORMATS)
  format?: OverdueFormat;
}

export class OverdueItemView {
  @ApiProperty({ enum: OVERDUE_TYPES }) type!: OverdueType;
  @ApiProperty({ format: 'uuid' }) pilotId!: string;
  @ApiProperty() pilotCode!: string;
  @ApiProperty({ description: 'The pilot\'s Chinese name' }) pilotName!: string;
  @ApiProperty() pilotNameEn!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) taskId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) taskCode!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) milestoneId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) periodId!: string | null;
  @ApiProperty({ description: 'Milestone or task title, or the period label of a missing report' }) title!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty() daysOverdue!: number;
}

export class OverdueListView {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [OverdueItemView] }) items!: OverdueItemView[];
}
