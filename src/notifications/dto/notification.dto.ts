import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PaginationQuery } from '../../common/pagination/pagination.dto.js';
import { IsCalendarDate } from '../../common/validation/calendar-date.js';
import { LINK_TYPES, NOTIFICATION_KINDS, type LinkType, type Notification, type NotificationKind } from '../entities/notification.entity.js';

export class NotificationListQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'true: unread only; false: read only' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class RunRemindersDto {
  @ApiPropertyOptional({ format: 'date', description: 'Run the scan as of this date; default today in APP_TIMEZONE' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

class NotificationLink {
  @ApiProperty({ enum: LINK_TYPES }) type!: LinkType;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: NotificationLink }) link!: NotificationLink;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

export class ReadAllView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many notices were marked read' }) updated!: number;
}

export class RemindersRunView {
  @ApiProperty({ format: 'date', description: 'The date the scan ran as of' }) asOf!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Notices written by this scan' }) notified!: number;
}

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: { type: n.linkType, id: n.linkId },
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}
