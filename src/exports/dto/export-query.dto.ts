import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../table/table-file.js';

class FormatQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv', description: 'CSV is UTF-8 with BOM; xlsx has typed cells' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';

  @ApiPropertyOptional({ description: "Matches a pilot's provinceZh or provinceEn" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  province?: string;
}

export class TaskExportQuery extends FormatQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;
}

export class ReportExportQuery extends FormatQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  periodId?: string;
}

export class ProgressExportQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  periodId!: string;

  @ApiPropertyOptional({ enum: ['xlsx'], default: 'xlsx', description: 'Several sheets: only xlsx' })
  @IsOptional()
  @IsIn(['xlsx'])
  format: 'xlsx' = 'xlsx';

  @ApiPropertyOptional({ description: "Matches a pilot's provinceZh or provinceEn" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  province?: string;
}
