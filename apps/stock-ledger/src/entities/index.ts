import { ChannelEntity } from './channel.entity.js';
import { HoldEntity, HoldLineEntity } from './hold.entity.js';
import { LedgerEntryEntity } from './ledger-entry.entity.js';
import { LocationEntity } from './location.entity.js';
import { PositionEntity } from './position.entity.js';
import { SkuEntity } from './sku.entity.js';
import { TransferEntity } from './transfer.entity.js';

export const LEDGER_ENTITIES = [
  LocationEntity,
  SkuEntity,
  ChannelEntity,
  PositionEntity,
  LedgerEntryEntity,
  HoldEntity,
  HoldLineEntity,
  TransferEntity,
];
