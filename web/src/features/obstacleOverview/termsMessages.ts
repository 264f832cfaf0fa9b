/**
 * The names of the obstacle vocabulary (contracts/src/obstacles.ts) for the minister's screens:
 * escalation levels, categories, severities, statuses, kinds of responsible body. Read as
 * `t('obstacleTerms.level.minister')`. Arabic is the reference; English has the same keys.
 */
const ar = {
  level: {
    governorate: 'المحافظة',
    directorate: 'مديرية الوزارة',
    minister: 'الوزير',
    inter_ministerial: 'اجتماع وزاري مشترك',
  },
  category: {
    land: 'الأراضي',
    permits: 'التراخيص',
    funding_release: 'صرف التمويل',
    contractor: 'المقاول',
    design_change: 'تعديل التصميم',
    security_access: 'الأمن والوصول',
    utilities: 'المرافق',
    other_ministry: 'وزارة أخرى',
    other: 'أخرى',
  },
  severity: {
    low: 'منخفضة',
    medium: 'متوسطة',
    high: 'عالية',
    critical: 'حرجة',
  },
  status: {
    open: 'مفتوحة',
    in_progress: 'قيد المعالجة',
    waiting_other_body: 'بانتظار جهة أخرى',
    resolved: 'محلولة',
    closed: 'مغلقة',
    dropped: 'مُسقطة',
  },
  bodyKind: {
    ministry: 'وزارة',
    agency: 'هيئة',
    governorate: 'محافظة',
    municipality: 'بلدية',
    utility: 'مرفق عام',
    contractor: 'مقاول',
    donor: 'جهة مانحة',
    other: 'أخرى',
  },
};

const en: typeof ar = {
  level: {
    governorate: 'Governorate',
    directorate: 'Ministry directorate',
    minister: 'Minister',
    inter_ministerial: 'Inter-ministerial meeting',
  },
  category: {
    land: 'Land',
    permits: 'Permits',
    funding_release: 'Funding release',
    contractor: 'Contractor',
    design_change: 'Design change',
    security_access: 'Security and access',
    utilities: 'Utilities',
    other_ministry: 'Another ministry',
    other: 'Other',
  },
  severity: {
    low: 'Low',
    medium: 'Medium',
    high: 'High',
    critical: 'Critical',
  },
  status: {
    open: 'Open',
    in_progress: 'In progress',
    waiting_other_body: 'Waiting for another body',
    resolved: 'Resolved',
    closed: 'Closed',
    dropped: 'Dropped',
  },
  bodyKind: {
    ministry: 'Ministry',
    agency: 'Agency',
    governorate: 'Governorate',
    municipality: 'Municipality',
    utility: 'Utility',
    contractor: 'Contractor',
    donor: 'Donor',
    other: 'Other',
  },
};

export const obstacleTermsMessages = { ar, en };
