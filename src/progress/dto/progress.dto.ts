import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { TASK_CATEGORIES, type TaskCategory } from '../../common/domain.js';

export class ProgressQuery {
  @ApiPropertyOptional({ description: "Matches a pilot's provinceZh or provinceEn" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  province?: string;
}

class TasksByStatusView {
  @ApiProperty() not_started!: number;
  @ApiProperty() on_track!: number;
  @ApiProperty() at_risk!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty() completed!: number;
}

class CountsView {
  @ApiProperty({ description: 'Pilots in scope' }) expected!: number;
  @ApiProperty({ description: 'Reports submitted or accepted' }) received!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() returned!: number;
  @ApiProperty() draft!: number;
  @ApiProperty({ description: 'expected − received' }) missing!: number;
  @ApiProperty({ description: 'Received with the latest submission on or before the due date' }) onTime!: number;
  @ApiProperty({ description: 'received − onTime' }) late!: number;
  @ApiProperty({ description: 'received / expected (0..1)' }) completeness!: number;
  @ApiProperty({ description: 'onTime / expected (0..1)' }) timeliness!: number;
}

class ProvinceProgressView extends CountsView {
  @ApiProperty() provinceZh!: string;
  @ApiProperty() provinceEn!: string;
}

class CategoryProgressView {
  @ApiProperty({ enum: TASK_CATEGORIES }) category!: TaskCategory;
  @ApiProperty({ description: 'Task lines of received reports' }) tasks!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ type: TasksByStatusView }) tasksByStatus!: TasksByStatusView;
  @ApiProperty({ nullable: true, type: Number }) avgPercentComplete!: number | null;
  @ApiProperty() milestonesDue!: number;
  @ApiProperty() milestonesCompleted!: number;
}

class PilotProgressView {
  @ApiProperty({ format: 'uuid' }) pilotId!: string;
  @ApiProperty({ enum: ['none', 'draft', 'submitted', 'returned', 'accepted'] }) reportStatus!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty() onTime!: boolean;
  @ApiProperty() tasksTotal!: number;
  @ApiProperty() tasksCompleted!: number;
  @ApiProperty({ nullable: true, type: Number }) avgPercentComplete!: number | null;
}

class MilestoneCountsView {
  @ApiProperty({ description: "Milestones of pilots in scope due on or before the period's end" }) due!: number;
  @ApiProperty({ description: 'Of those, recorded completed by then in a received report' }) completed!: number;
}

export class PeriodProgressView extends CountsView {
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ type: TasksByStatusView }) tasksByStatus!: TasksByStatusView;
  @ApiProperty({ type: MilestoneCountsView }) milestones!: MilestoneCountsView;
  @ApiProperty({ type: [ProvinceProgressView] }) byProvince!: ProvinceProgressView[];
  @ApiProperty({ type: [CategoryProgressView] }) byCategory!: CategoryProgressView[];
  @ApiProperty({ type: [PilotProgressView] }) byPilot!: PilotProgressView[];
  @ApiProperty({ description: 'When the figures were computed' }) aggregatedAt!: string;
}
