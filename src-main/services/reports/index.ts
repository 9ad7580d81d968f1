import type { Db } from '../../db/connection.js';
import { CampaignReports } from './campaign-report.js';
import { ReportService } from './report-service.js';

/** Reports (issue #24): the period figures, the campaigns and the live board. */
export interface Reports {
  service: ReportService;
  campaigns: CampaignReports;
}

export function createReports(deps: { db: Db; now?: () => number }): Reports {
  return { service: new ReportService(deps.db, deps.now), campaigns: new CampaignReports(deps.db) };
}
