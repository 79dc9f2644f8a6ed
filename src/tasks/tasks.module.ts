import { Module } from '@nestjs/common';
import { PilotsModule } from '../pilots/pilots.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({
  imports: [PilotsModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
