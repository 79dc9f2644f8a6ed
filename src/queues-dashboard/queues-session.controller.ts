import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { DashboardSessions, QUEUES_DASHBOARD_PATH } from './dashboard-session.service.js';

export class QueuesSessionView {
  @ApiProperty({ example: `${QUEUES_DASHBOARD_PATH}/`, description: 'Open this address in the same browser' })
  url!: string;

  @ApiProperty({ format: 'date-time', description: 'Renewed while the dashboard is in use, up to the access token lifetime' })
  expiresAt!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/queues-session')
export class QueuesSessionController {
  constructor(private readonly sessions: DashboardSessions) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({
    type: QueuesSessionView,
    description: 'Sets the httpOnly, SameSite=Strict cookie, scoped to the dashboard path, that opens the queue dashboard (bull-board)',
  })
  async open(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<QueuesSessionView> {
    const { setCookie, expiresAt } = await this.sessions.open(user.id, request.protocol);
    void reply.header('set-cookie', setCookie).header('cache-control', 'no-store');
    return { url: `${QUEUES_DASHBOARD_PATH}/`, expiresAt: expiresAt.toISOString() };
  }

  // Any signed-in user may end a session, so logging out clears it even after a role change.
  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The dashboard cookie is removed' })
  close(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', this.sessions.close(request.protocol));
  }
}
