import * as migration_20261126_105316_initial from './20261126_105316_initial';
import * as migration_20261126_112000_workflow_audit_jobs from './20261126_112000_workflow_audit_jobs';
import * as migration_20261126_115047_content_api_webhooks from './20261126_115047_content_api_webhooks';
import * as migration_20261126_122405_media_search from './20261126_122405_media_search';
import * as migration_20261126_135003_catalog_items from './20261126_135003_catalog_items';
import * as migration_20261202_060019_numbers_import_calendar from './20261202_060019_numbers_import_calendar';
import * as migration_20261202_060159_storage_adapter_fields from './20261202_060159_storage_adapter_fields';
import * as migration_20261203_133542_validity_and_comment_periods from './20261203_133542_validity_and_comment_periods';

export const migrations = [
  {
    up: migration_20261126_105316_initial.up,
    down: migration_20261126_105316_initial.down,
    name: '20261126_105316_initial',
  },
  {
    up: migration_20261126_112000_workflow_audit_jobs.up,
    down: migration_20261126_112000_workflow_audit_jobs.down,
    name: '20261126_112000_workflow_audit_jobs',
  },
  {
    up: migration_20261126_115047_content_api_webhooks.up,
    down: migration_20261126_115047_content_api_webhooks.down,
    name: '20261126_115047_content_api_webhooks',
  },
  {
    up: migration_20261126_122405_media_search.up,
    down: migration_20261126_122405_media_search.down,
    name: '20261126_122405_media_search',
  },
  {
    up: migration_20261126_135003_catalog_items.up,
    down: migration_20261126_135003_catalog_items.down,
    name: '20261126_135003_catalog_items',
  },
  {
    up: migration_20261202_060019_numbers_import_calendar.up,
    down: migration_20261202_060019_numbers_import_calendar.down,
    name: '20261202_060019_numbers_import_calendar',
  },
  {
    up: migration_20261202_060159_storage_adapter_fields.up,
    down: migration_20261202_060159_storage_adapter_fields.down,
    name: '20261202_060159_storage_adapter_fields',
  },
  {
    up: migration_20261203_133542_validity_and_comment_periods.up,
    down: migration_20261203_133542_validity_and_comment_periods.down,
    name: '20261203_133542_validity_and_comment_periods'
  },
];
