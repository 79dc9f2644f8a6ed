import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators/public.decorator.js';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref()),
  ]);
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '`{status: "ok", checks}` when every dependency answers' })
  @ApiServiceUnavailableResponse({ description: '`{status: "unavailable", checks}` naming what failed' })
  async check(@Res({ passthrough: true }) reply: FastifyReply) {
    const postgres = await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS).then(
      () => 'ok' as const,
      () => 'unavailable' as const,
    );
    const healthy = postgres === 'ok';
    void reply.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'unavailable', checks: { postgres } };
  }
}
