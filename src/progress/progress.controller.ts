import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { scopeOf } from '../auth/access-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { PeriodProgressView, ProgressQuery } from './dto/progress.dto.js';
import { ProgressService } from './progress.service.js';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('api/v1/periods')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get(':id/progress')
  @ApiOkResponse({ type: PeriodProgressView, description: "Figures over the pilots in the caller's scope" })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: ProgressQuery) {
    return this.progress.periodProgress(id, { scope: scopeOf(user), province: query.province });
  }
}
