import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  INDICATOR_DIRECTIONS,
  TASK_CATEGORIES,
  type IndicatorDirection,
  type TaskCategory,
} from '../../common/domain.js';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';
import { IsCalendarDate } from '../../common/validation/calendar-date.js';
import { ListOf } from '../../common/validation/nested-list.js';
import { trimString } from '../../common/validation/transforms.js';

const MAX_CHILDREN = 200;
const finiteNumber = { allowNaN: false, allowInfinity: false };

export class MilestoneInput {
  @ApiProperty({ example: '完成选址 site survey' })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ format: 'date', example: '2024-06-30' })
  @IsCalendarDate()
  dueDate!: string;
}

/** In a PATCH, a milestone with an `id` updates that milestone; one without creates a new one. */
export class MilestoneUpdateInput extends MilestoneInput {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class IndicatorInput {
  @ApiProperty({ example: '非化石能源消费比重 non-fossil energy share' })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: '%' })
  @Transform(trimString)
  @IsString()
  @Length(1, 50)
  unit!: string;

  @ApiProperty({ example: 10 })
  @IsNumber(finiteNumber)
  baseline!: number;

  @ApiPropertyOptional({ example: 2020 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  baselineYear?: number;

  @ApiProperty({ example: 20 })
  @IsNumber(finiteNumber)
  target!: number;

  @ApiProperty({ example: 2030 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  targetYear!: number;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  @IsIn(INDICATOR_DIRECTIONS)
  direction!: IndicatorDirection;
}

export class IndicatorUpdateInput extends IndicatorInput {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class CreateTaskDto {
  @ApiProperty({ example: 'T01', description: 'Unique within the pilot' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1-64 letters, digits, ".", "-" or "_"' })
  code!: string;

  @ApiProperty({ example: '屋顶分布式光伏 rooftop PV' })
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ enum: TASK_CATEGORIES })
  @IsIn(TASK_CATEGORIES)
  category!: TaskCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ description: '牵头单位, the lead unit' })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  leadUnit?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  dueDate!: string;

  @ApiPropertyOptional({ type: [MilestoneInput] })
  @ListOf(() => MilestoneInput, MAX_CHILDREN, { optional: true })
  milestones?: MilestoneInput[];

  @ApiPropertyOptional({ type: [IndicatorInput] })
  @ListOf(() => IndicatorInput, MAX_CHILDREN, { optional: true })
  indicators?: IndicatorInput[];
}

export class UpdateTaskDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1-64 letters, digits, ".", "-" or "_"' })
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ enum: TASK_CATEGORIES })
  @IsOptional()
  @IsIn(TASK_CATEGORIES)
  category?: TaskCategory;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @MaxLength(20000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Transform(trimString)
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @Length(1, 200)
  leadUnit?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({
    type: [MilestoneUpdateInput],
    description: 'When given, the task has exactly these milestones: with `id` updated, without created, the rest removed',
  })
  @ListOf(() => MilestoneUpdateInput, MAX_CHILDREN, { optional: true })
  milestones?: MilestoneUpdateInput[];

  @ApiPropertyOptional({
    type: [IndicatorUpdateInput],
    description: 'When given, the task has exactly these indicators: with `id` updated, without created, the rest removed',
  })
  @ListOf(() => IndicatorUpdateInput, MAX_CHILDREN, { optional: true })
  indicators?: IndicatorUpdateInput[];
}

export class TaskListQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: TASK_CATEGORIES })
  @IsOptional()
  @IsIn(TASK_CATEGORIES)
  category?: TaskCategory;
}

export class MilestoneResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
}

export class IndicatorResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty({ nullable: true, type: Number }) baselineYear!: number | null;
  @ApiProperty() target!: number;
  @ApiProperty() targetYear!: number;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS }) direction!: IndicatorDirection;
}

export class TaskResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pilotId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TASK_CATEGORIES }) category!: TaskCategory;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) leadUnit!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) startDate!: string | null;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ type: [MilestoneResponse] }) milestones!: MilestoneResponse[];
  @ApiProperty({ type: [IndicatorResponse] }) indicators!: IndicatorResponse[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
