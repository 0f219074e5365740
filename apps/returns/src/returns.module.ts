import { Module } from '@nestjs/common';
import { ReturnsHandler } from './returns.handler.js';

@Module({ controllers: [ReturnsHandler] })
export class ReturnsModule {}
