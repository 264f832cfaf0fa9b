/**
 * The planning entries in the header's account corner. Tiny, so they travel with the first view;
 * the screens' own strings (`messages.ts`) load with the screens. ("Plans", the matrix, is
 * features/plans' entry; these are where plans are managed and returns are sent.)
 */
export const planningEntryMessages = {
  ar: { plans: 'إدارة الخطط', followUp: 'متابعة النماذج', returns: 'النماذج الإحصائية' },
  en: { plans: 'Manage plans', followUp: 'Returns follow-up', returns: 'Statistical returns' },
};
