import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  TASK_CATEGORIES,
  TASK_PROGRESS_STATUSES,
  type TaskCategory,
  type TaskProgressStatus,
} from '../../common/domain.js';
import { IsCalendarDate } from '../../common/validation/calendar-date.js';
import { ListOf } from '../../common/validation/nested-list.js';
import { trimString } from '../../common/validation/transforms.js';

const MAX_LINES = 500;
const MAX_TEXT = 20000;

export class CompletedMilestoneInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  milestoneId!: string;

  @ApiProperty({ format: 'date', example: '2024-03-20' })
  @IsCalendarDate()
  completedOn!: string;
}

export class TaskProgressInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  taskId!: string;

  @ApiProperty({ enum: TASK_PROGRESS_STATUSES })
  @IsIn(TASK_PROGRESS_STATUSES)
  status!: TaskProgressStatus;

  @ApiProperty({ minimum: 0, maximum: 100, example: 40 })
  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  narrative?: string;

  @ApiPropertyOptional({ type: [CompletedMilestoneInput] })
  @ListOf(() => CompletedMilestoneInput, MAX_LINES, { optional: true })
  completedMilestones?: CompletedMilestoneInput[];
}

export class IndicatorValueInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  indicatorId!: string;

  @ApiProperty({ example: 12.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ExperienceInput {
  @ApiProperty({ example: '光伏整县推进模式' })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty()
  @IsString()
  @Length(1, MAX_TEXT)
  summary!: string;

  @ApiProperty({ enum: TASK_CATEGORIES })
  @IsIn(TASK_CATEGORIES)
  category!: TaskCategory;

  @ApiPropertyOptional({ type: [String], example: ['pv'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];
}

export class ReportInput {
  @ApiPropertyOptional({ description: 'Overall narrative of the period' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  summary?: string;

  @ApiProperty({ type: [TaskProgressInput], description: 'One line per task; each task at most once' })
  @ListOf(() => TaskProgressInput, MAX_LINES)
  tasks!: TaskProgressInput[];

  @ApiPropertyOptional({ type: [IndicatorValueInput] })
  @ListOf(() => IndicatorValueInput, MAX_LINES, { optional: true })
  indicators?: IndicatorValueInput[];

  @ApiPropertyOptional({ type: [ExperienceInput] })
  @ListOf(() => ExperienceInput, 100, { optional: true })
  experiences?: ExperienceInput[];
}

export class ReturnReportDto {
  @ApiProperty({ description: 'Why the report is returned; shown to the pilot' })
  @Transform(trimString)
  @IsString()
  @Length(1, MAX_TEXT, { message: 'note must not be empty' })
  note!: string;
}

export class AcceptReportDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @MaxLength(MAX_TEXT)
  note?: string;
}

export class RecommendExperienceDto {
  @ApiProperty()
  @IsBoolean()
  recommended!: boolean;
}
