/**
 * The plans strings the first view needs: the header's entry to the plans screen and the map's
 * "% of plan achieved" metric. The screen's own strings load with it (messages.ts). Arabic is the
 * reference; English has the same keys.
 */
const ar = {
  plansEntry: {
    open: 'الخطط',
    openLabel: 'فتح مصفوفة الخطة مقابل المنجز',
    backToMap: 'الخريطة',
    backToMapLabel: 'العودة إلى الخريطة',
  },
  planMetric: {
    indicator: 'المؤشر',
    explain: 'نسبة ما تحقق من مستهدف السنة {{year}} في كل محافظة؛ الرمادي: محافظة بلا مستهدف لهذا المؤشر.',
    noTarget: 'بلا مستهدف',
    coloured: 'محافظات ملوّنة: {{formatted}}',
    noPlans: 'لا خطة لسنة {{year}} تستطيع الاطلاع عليها.',
    hiddenTargets: 'المستهدفات لا تُعرض لحسابك، فلا تلوين.',
  },
};

const en: typeof ar = {
  plansEntry: {
    open: 'Plans',
    openLabel: 'Open the plan against achieved matrix',
    backToMap: 'Map',
    backToMapLabel: 'Back to the map',
  },
  planMetric: {
    indicator: 'Indicator',
    explain: 'Share of the {{year}} target achieved in each governorate; grey: no target for this indicator.',
    noTarget: 'No target',
    coloured: 'Governorates coloured: {{formatted}}',
    noPlans: 'No plan for {{year}} that you may see.',
    hiddenTargets: 'Targets are not shown to your account, so nothing is coloured.',
  },
};

export const plansEntryMessages = { ar, en };
