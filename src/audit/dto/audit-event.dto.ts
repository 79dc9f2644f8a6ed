import { ApiProperty } from '@nestjs/swagger';

/** One audit event as `GET /audit` answers it (the entity, serialized). */
export class AuditEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for the system itself (bootstrap, seed, schedulers)' })
  actorId!: string | null;
  @ApiProperty({ example: 'report.submit' }) action!: string;
  @ApiProperty({ example: 'report' }) entityType!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}
