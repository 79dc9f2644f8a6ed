import { ApiProperty } from '@nestjs/swagger';
import { AttachmentView } from '../../attachments/dto/attachment.dto.js';
import {
  REPORT_STATUSES,
  REVIEW_DECISIONS,
  TASK_CATEGORIES,
  TASK_PROGRESS_STATUSES,
  type ReportStatus,
  type ReviewDecision,
  type TaskCategory,
  type TaskProgressStatus,
} from '../../common/domain.js';

export class CompletedMilestoneView {
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty({ format: 'date' }) completedOn!: string;
}

export class TaskProgressView {
  @ApiProperty({ format: 'uuid' }) taskId!: string;
  @ApiProperty({ enum: TASK_PROGRESS_STATUSES }) status!: TaskProgressStatus;
  @ApiProperty() percentComplete!: number;
  @ApiProperty({ nullable: true, type: String }) narrative!: string | null;
  @ApiProperty({ type: [CompletedMilestoneView] }) completedMilestones!: CompletedMilestoneView[];
}

export class IndicatorValueView {
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class ExperienceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: TASK_CATEGORIES }) category!: TaskCategory;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty() recommended!: boolean;
}

export class ReviewView {
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision!: ReviewDecision;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) reviewerId!: string;
  @ApiProperty({ description: 'The revision the decision was made on' }) revision!: number;
  @ApiProperty() at!: string;
}

/** The content a revision freezes: what the pilot wrote, without review state. */
export class ReportContent {
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ type: [TaskProgressView] }) tasks!: TaskProgressView[];
  @ApiProperty({ type: [IndicatorValueView] }) indicators!: IndicatorValueView[];
  @ApiProperty({ type: [ExperienceView] }) experiences!: ExperienceView[];
  @ApiProperty({ type: [AttachmentView], description: 'The evidence files attached (a revision: those it was submitted with)' })
  attachments!: AttachmentView[];
}

export class ReportView extends ReportContent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pilotId!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ description: 'How many times the report has been submitted' }) revision!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Time of the latest submission' }) submittedAt!: string | null;
  @ApiProperty({ type: [ReviewView], description: 'Oldest first' }) reviews!: ReviewView[];
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ReportListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) pilotId!: string;
  @ApiProperty() pilotCode!: string;
  @ApiProperty() pilotNameZh!: string;
  @ApiProperty() pilotNameEn!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() periodLabel!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty() revision!: number;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class RevisionView {
  @ApiProperty() revision!: number;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ format: 'uuid' }) submittedBy!: string;
  @ApiProperty({ type: ReportContent }) content!: ReportContent;
}
