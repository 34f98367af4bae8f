import { campaignImportColumns } from '@/lib/campaigns/import-plan';
import { importTemplateRoute } from '@/lib/routes/import-upload';

export const GET = importTemplateRoute({ name: 'campaign.import_template', permission: 'campaigns.manage', columns: campaignImportColumns, fileName: 'campaign-events.csv' });
