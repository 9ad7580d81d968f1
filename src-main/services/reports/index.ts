import type { Logger } from '../../core/logger.js';
import type { Db } from '../../db/connection.js';
import { CampaignReports } from './campaign-report.js';
import { ConversationTable } from './conversation-table.js';
import { ReportFolding } from './report-folding.js';
import { ReportService } from './report-service.js';

/** Reports (issue #24): the period figures, the campaigns, the live board, and the kept conversations' background fold. */
export interface Reports {
  service: ReportService;
  campaigns: CampaignReports;
  folding: ReportFolding;
  /** The kept conversations and message counts (the bench times their reads alone). */
  table: ConversationTable;
}

export function createReports(deps: { db: Db; logger: Logger; now?: () => number }): Reports {
  const table = new ConversationTable(deps.db);
  return {
    service: new ReportService(deps.db, table, deps.now),
    campaigns: new CampaignReports(deps.db),
    folding: new ReportFolding(table, deps.logger),
    table,
  };
}
