import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../../exports/table/table-file.js';

/** Query strings carry text: only `true` and `false` are booleans, anything else stays invalid. */
const booleanText = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class ImportQuery {
  @ApiPropertyOptional({ default: false, description: 'Validate and count as the import would, then write nothing' })
  @IsOptional()
  @Transform(booleanText)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun: boolean = false;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';
}

export class TaskImportCountsView {
  @ApiProperty() tasks!: number;
  @ApiProperty() milestones!: number;
  @ApiProperty() indicators!: number;
}

export class TaskImportResultView {
  @ApiProperty({ type: TaskImportCountsView }) created!: TaskImportCountsView;
  @ApiProperty({ type: TaskImportCountsView, description: 'Only records whose stored values changed' })
  updated!: TaskImportCountsView;
}

export class PilotImportCountsView {
  @ApiProperty() pilots!: number;
}

export class PilotImportResultView {
  @ApiProperty({ type: PilotImportCountsView }) created!: PilotImportCountsView;
  @ApiProperty({ type: PilotImportCountsView, description: 'Only pilots whose stored values changed' })
  updated!: PilotImportCountsView;
}

export class ImportErrorView {
  @ApiProperty({ nullable: true, type: Number, description: 'The row as a spreadsheet shows it (header = 1); null for the file as a whole' })
  row!: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'The column key (e.g. due_date), whatever the header language' })
  column!: string | null;

  @ApiProperty() message!: string;
}

export class ImportFailedView {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'The file has 2 problems; nothing was imported' }) message!: string;
  @ApiProperty({ type: [ImportErrorView], description: 'One entry per bad cell (the first 10,000, then a count of the rest)' })
  errors!: ImportErrorView[];
}
