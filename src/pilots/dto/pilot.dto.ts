import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PILOT_KINDS, type PilotKind } from '../../common/domain.js';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';
import type { Pilot } from '../pilot.entity.js';
import { trimString } from '../../common/validation/transforms.js';


export class CreatePilotDto {
  @ApiProperty({ example: 'zhangjiakou', description: 'Unique slug: letters, digits, "-" and "_"' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { message: 'code must be 1-64 letters, digits, "-" or "_"' })
  code!: string;

  @ApiProperty({ enum: PILOT_KINDS })
  @IsIn(PILOT_KINDS)
  kind!: PilotKind;

  @ApiProperty({ example: '张家口市' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  nameZh!: string;

  @ApiProperty({ example: 'Zhangjiakou' })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  nameEn!: string;

  @ApiProperty({ example: '河北省' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  provinceZh!: string;

  @ApiProperty({ example: 'Hebei' })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  provinceEn!: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 99 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  batch?: number;
}

export class UpdatePilotDto extends PartialType(CreatePilotDto) {}

export class PilotListQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: PILOT_KINDS })
  @IsOptional()
  @IsIn(PILOT_KINDS)
  kind?: PilotKind;

  @ApiPropertyOptional({ description: "Matches a pilot's provinceZh or provinceEn" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  province?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1)
  batch?: number;
}

export class PilotResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ enum: PILOT_KINDS }) kind!: PilotKind;
  @ApiProperty() nameZh!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() provinceZh!: string;
  @ApiProperty() provinceEn!: string;
  @ApiProperty() batch!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toPilotResponse(pilot: Pilot): PilotResponse {
  return {
    id: pilot.id,
    code: pilot.code,
    kind: pilot.kind,
    nameZh: pilot.nameZh,
    nameEn: pilot.nameEn,
    provinceZh: pilot.provinceZh,
    provinceEn: pilot.provinceEn,
    batch: pilot.batch,
    createdAt: pilot.createdAt.toISOString(),
    updatedAt: pilot.updatedAt.toISOString(),
  };
}
