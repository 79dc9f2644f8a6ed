import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { REPORT_STATUSES, type ReportStatus } from '../../common/domain.js';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';

export class ReportListQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  periodId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @IsOptional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;

  @ApiPropertyOptional({ description: "Matches the pilot's provinceZh or provinceEn" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  province?: string;
}
