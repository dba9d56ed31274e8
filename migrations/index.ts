import * as migration_20261126_105316_initial from './20261126_105316_initial';

export const migrations = [
  {
    up: migration_20261126_105316_initial.up,
    down: migration_20261126_105316_initial.down,
    name: '20261126_105316_initial'
  },
];
