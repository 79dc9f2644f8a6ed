import { Module } from '@nestjs/common';
import { PilotsController } from './pilots.controller.js';
import { PilotsService } from './pilots.service.js';

@Module({
  controllers: [PilotsController],
  providers: [PilotsService],
  exports: [PilotsService],
})
export class PilotsModule {}
