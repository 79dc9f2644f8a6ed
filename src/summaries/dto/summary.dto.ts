import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';
import { IsCalendarDate } from '../../common/validation/calendar-date.js';
import { trimString } from '../../common/validation/transforms.js';
import { SUMMARY_LANGUAGES, SUMMARY_STATUSES, type SummaryLanguageCode, type SummaryStatus } from '../entities/summary-report.entity.js';

export class CreateSummaryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  periodId!: string;

  @ApiPropertyOptional({ description: "Limit to one province (a pilot's provinceZh or provinceEn)" })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  province?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Limit to these pilots' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true })
  pilotIds?: string[];

  @ApiPropertyOptional({ enum: SUMMARY_LANGUAGES, default: 'zh' })
  @IsOptional()
  @IsIn(SUMMARY_LANGUAGES)
  language?: SummaryLanguageCode;

  @ApiPropertyOptional({ format: 'date', description: 'Date the overdue section is computed for; default today' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class SummaryListQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  periodId?: string;

  @ApiPropertyOptional({ enum: SUMMARY_STATUSES })
  @IsOptional()
  @IsIn(SUMMARY_STATUSES)
  status?: SummaryStatus;
}

export class SummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ enum: SUMMARY_STATUSES }) status!: SummaryStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ enum: SUMMARY_LANGUAGES }) language!: SummaryLanguageCode;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ nullable: true, type: String }) province!: string | null;
  @ApiProperty({ nullable: true, type: [String] }) pilotIds!: string[] | null;
  @ApiPropertyOptional({ type: Number }) pageCount?: number;
  @ApiPropertyOptional({ type: Number }) bytes?: number;
  @ApiPropertyOptional({ type: String }) sha256?: string;
  @ApiPropertyOptional({ type: String, description: 'Why rendering failed' }) error?: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String }) finishedAt?: string;
}
