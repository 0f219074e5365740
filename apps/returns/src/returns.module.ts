import { Module } from '@nestjs/common';

/** Its features arrive with their own issue; today the service boots, migrates and answers health. */
@Module({})
export class ReturnsModule {}
