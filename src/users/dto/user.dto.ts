import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRole } from '../../common/domain.js';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';
import type { User } from '../user.entity.js';
import { trimString } from '../../common/validation/transforms.js';


export class CreateUserDto {
  @ApiProperty({ example: 'reviewer@hebei.example.cn' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters, not the email address' })
  @IsString()
  @Length(10, 256)
  password!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role!: UserRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for, and only for, role pilot' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;

  @ApiPropertyOptional({ description: "A reviewer's scope: a province's Chinese or English name" })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  province?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @ApiPropertyOptional({ enum: USER_LANGUAGES, default: 'zh', description: 'Language of email notices' })
  @IsOptional()
  @IsIn(USER_LANGUAGES)
  language?: UserLanguage;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'false deactivates: the user cannot log in and its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  // `string | null` reflects as Object: the type must be named, or the document says object.
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  pilotId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 100 })
  @IsOptional()
  @Transform(trimString)
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @Length(1, 100)
  province?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 200 })
  @IsOptional()
  @Transform(trimString)
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @Length(1, 200)
  displayName?: string | null;

  @ApiPropertyOptional({ minLength: 10 })
  @IsOptional()
  @IsString()
  @Length(10, 256)
  password?: string;

  @ApiPropertyOptional({ enum: USER_LANGUAGES })
  @IsOptional()
  @IsIn(USER_LANGUAGES)
  language?: UserLanguage;
}

export class UserListQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pilotId?: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: USER_ROLES }) role!: UserRole;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) pilotId!: string | null;
  @ApiProperty({ nullable: true, type: String }) province!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ enum: USER_LANGUAGES }) language!: UserLanguage;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** Never exposes the password hash or token version. */
export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    pilotId: user.pilotId,
    province: user.province,
    displayName: user.displayName,
    language: user.language,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
